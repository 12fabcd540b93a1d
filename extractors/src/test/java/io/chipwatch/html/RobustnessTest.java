package io.chipwatch.html;

import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Pathological inputs: each must end in an Article or an ExtractionException, in bounded time. */
class RobustnessTest {

    /** A guard against hangs, not a benchmark. */
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration BIG_LIMIT = Duration.ofSeconds(60);
    private static final URI URL = URI.create("https://news.example.cn/chip/2025/10/robust.html");
    private static final Instant FETCHED_AT = Instant.parse("2025-11-28T08:00:00Z");

    private static final String[] SENTENCES = {
            "据业内人士介绍，今年以来国内多条十二英寸产线陆续进入量产阶段，成熟制程的产能供给明显增加。",
            "一家封测企业的负责人表示，先进封装订单已经排到明年第二季度，公司正在加紧招聘工程师。",
            "分析师认为，存储芯片价格在连续下跌之后有望企稳，但消费电子需求的恢复仍需时间。",
            "与此同时，设备厂商的验证进度加快，刻蚀和薄膜沉积设备在部分客户处实现了批量供货。",
            "地方政府也在土地、人才和融资方面出台了配套政策，吸引上下游企业在园区集聚发展。"};

    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

    private Article extract(byte[] bytes) throws ExtractionException {
        return extractor.extract(new RawPage(bytes, URL, Map.of(), FETCHED_AT));
    }

    private Article extract(String html) throws ExtractionException {
        return extract(html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyInputIsAnExtractionExceptionSayingEmpty() {
        assertTimeoutPreemptively(LIMIT, () ->
                assertThatThrownBy(() -> extract(new byte[0]))
                        .isInstanceOf(ExtractionException.class)
                        .hasMessageContaining("empty"));
    }

    @Test
    void binaryInputIsAnExtractionException() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(png, 0, bytes, 0, png.length);
        for (int i = png.length; i < bytes.length; i += 37) {
            bytes[i] = 0;
        }

        assertTimeoutPreemptively(LIMIT, () ->
                assertThatThrownBy(() -> extract(bytes))
                        .isInstanceOf(ExtractionException.class)
                        .hasMessageContaining("binary"));
    }

    @Test
    void twentyMegabytePageReturnsAnArticleWithItsText() {
        StringBuilder html = new StringBuilder(21 * 1024 * 1024);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>晶圆产能观察长篇报道_芯片观察网</title></head><body>");
        html.append("<div class=\"nav\"><ul>");
        for (int i = 0; i < 200; i++) {
            html.append("<li><a href=\"/channel/").append(i).append("\">频道").append(i).append("</a></li>");
        }
        html.append("</ul></div><div class=\"article\"><h1>晶圆产能观察长篇报道</h1>");
        int i = 0;
        while (html.length() < 8_000_000) { // about 2.7 UTF-8 bytes per character here
            html.append("<p>第").append(i).append("段。").append(SENTENCES[i % SENTENCES.length])
                    .append(SENTENCES[(i + 2) % SENTENCES.length]).append("</p>\n");
            i++;
        }
        html.append("</div><div class=\"footer\"><a href=\"/about\">关于我们</a></div></body></html>");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThanOrEqualTo(20 * 1024 * 1024);

        Article article = assertTimeoutPreemptively(BIG_LIMIT, () -> extract(bytes));

        assertThat(article.body()).isNotEmpty().contains(SENTENCES[0]).doesNotContain("频道1");
    }

    @Test
    void tenThousandNestedDivsEndInAnArticleOrAnExtractionException() {
        int depth = 10_000;
        String text = "在最深处的这段文字里，记者记录了一家芯片企业从创业到量产的完整历程，读来令人感慨。";
        StringBuilder html = new StringBuilder("<html><head><title>嵌套测试页面</title></head><body>");
        html.append("<div>".repeat(depth)).append("<p>").append(text).append("</p>").append("</div>".repeat(depth));
        html.append("</body></html>");

        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(() -> {
            Article article = extract(html.toString());
            assertThat(article.body()).contains(text);
        }));

        assertThat(thrown).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(ExtractionException.class));
    }

    @Test
    void unclosedTagsStillYieldTheArticleText() throws Exception {
        String first = "国产光刻胶企业近日宣布完成新一轮融资，资金将主要用于扩建产线和引进人才。";
        String second = "公司创始人表示，新产线投产后，高端产品的产能将提升三倍，并逐步进入主流晶圆厂供应链。";
        String html = "<html><head><title>光刻胶企业完成融资</title></head><body><div class=\"content\">"
                + "<p>" + first + "<p>" + second + "<div><span>本文共两段";

        Article article = assertTimeoutPreemptively(LIMIT, () -> extract(html));

        assertThat(article.body()).contains(first).contains(second);
    }

    @Test
    void pageWithOnlyNavigationLinksIsAnExtractionException() {
        StringBuilder html = new StringBuilder("<html><head><title>芯片观察网 首页</title></head><body><nav>");
        for (String s : new String[] {"首页", "新闻", "产业", "设备", "材料", "设计", "制造", "封测", "专题", "视频"}) {
            html.append("<a href=\"/").append(s).append("\">").append(s).append("</a> ");
        }
        html.append("</nav><div class=\"links\"><ul>");
        for (int i = 0; i < 30; i++) {
            html.append("<li><a href=\"/a/").append(i).append(".html\">国产芯片企业加速扩产第").append(i).append("期</a></li>");
        }
        html.append("</ul></div></body></html>");

        assertTimeoutPreemptively(LIMIT, () ->
                assertThatThrownBy(() -> extract(html.toString())).isInstanceOf(ExtractionException.class));
    }

    @Test
    void pageWithOnlyScriptsIsAnExtractionException() {
        String html = "<html><head><script>var title = '国产芯片企业加速扩产，产能提升三倍，订单排到明年。';</script></head>"
                + "<body><script>document.write('<p>这是一段由脚本写入的文字，它不应该被当作正文，因为脚本不是可见文本。</p>');</script>"
                + "</body></html>";

        assertTimeoutPreemptively(LIMIT, () ->
                assertThatThrownBy(() -> extract(html)).isInstanceOf(ExtractionException.class));
    }

    @Test
    void blankInputIsAnExtractionException() {
        assertTimeoutPreemptively(LIMIT, () ->
                assertThatThrownBy(() -> extract("\n \n\t\n")).isInstanceOf(ExtractionException.class));
    }
}
