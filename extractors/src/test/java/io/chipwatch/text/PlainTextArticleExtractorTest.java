package io.chipwatch.text;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextArticleExtractorTest {

    private static final Instant FETCHED_AT = Instant.parse("2025-11-28T08:00:00Z");

    private static final String TITLE = "国产光刻胶企业完成新一轮融资";
    private static final String P1 = "近日，一家位于长三角的光刻胶企业宣布完成新一轮融资，投资方包括多家产业基金。";
    private static final String P2 = "公司负责人表示，本轮资金将主要用于扩建产线和引进研发人才，高端产品有望明年量产。";
    private static final String P3 = "业内人士认为，材料国产化仍是产业链较为薄弱的环节，需要上下游长期协同。";
    private static final String ARTICLE = String.join("\n",
            TITLE,
            "发布时间:2024-03-05 09:30",
            "",
            P1,
            P2,
            "",
            P3,
            "特别声明：本文仅代表作者个人观点，不构成投资建议。",
            "客服电话：400-800-1234",
            "021-55556666",
            "");

    private final PlainTextArticleExtractor extractor = new PlainTextArticleExtractor();

    private static RawPage page(String text, URI url) {
        return new RawPage(text.getBytes(StandardCharsets.UTF_8), url, Map.of(), FETCHED_AT);
    }

    @Test
    void readsTitleDateAndBodyWithoutDisclaimerOrPhoneLines() throws Exception {
        Article a = extractor.extract(ARTICLE, page(ARTICLE, null), "UTF-8");

        assertThat(a.title()).isEqualTo(TITLE);
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-03-05T09:30+08:00"));
        assertThat(a.paragraphs()).containsExactly(P1, P2, P3);
        assertThat(a.body()).doesNotContain("特别声明", "客服电话", "400-800-1234", "55556666", "发布时间");
        assertThat(a.lang()).isEqualTo("zh");
        assertThat(a.charset()).isEqualTo("UTF-8");
    }

    @Test
    void dropsTrailingFurnitureBelowALongerBody() throws Exception {
        String p4 = "据了解，该企业的产品已在多家晶圆厂完成验证，部分型号实现了小批量供货。";
        String p5 = "另据行业协会统计，去年国内光刻胶市场规模同比增长约两成，进口依赖度仍然较高。";
        String text = String.join("\n", TITLE, "发布时间:2024-03-05 09:30", P1, P2, P3, p4, p5,
                "特别声明：本文仅代表作者个人观点，不构成投资建议。",
                "客服电话：400-800-1234",
                "021-55556666");

        Article a = extractor.extract(text, page(text, null), "UTF-8");

        assertThat(a.paragraphs()).containsExactly(P1, P2, P3, p4, p5);
    }

    @Test
    void readsAuthorAndSourceFromHeaderLines() throws Exception {
        String text = String.join("\n",
                TITLE,
                "2024-03-05 09:30 来源：芯材观察",
                "作者：周明远",
                P1,
                P2);

        Article a = extractor.extract(text, page(text, null), "UTF-8");

        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2024-03-05T09:30+08:00"));
        assertThat(a.source()).isEqualTo("芯材观察");
        assertThat(a.author()).isEqualTo("周明远");
        assertThat(a.paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void leavesPublishedNullWhenNoDateIsGiven() throws Exception {
        String text = TITLE + "\n" + P1 + "\n" + P2;

        Article a = extractor.extract(text, page(text, null), "UTF-8");

        assertThat(a.published()).isNull();
        assertThat(a.author()).isNull();
        assertThat(a.paragraphs()).containsExactly(P1, P2);
    }

    @Test
    void idIsTheHashOfTheUrlWhenThereIsOne() throws Exception {
        URI url = URI.create("https://news.example.cn/2024/03/05/guangkejiao.txt");

        Article withUrl = extractor.extract(ARTICLE, page(ARTICLE, url), "UTF-8");
        Article withoutUrl = extractor.extract(ARTICLE, page(ARTICLE, null), "UTF-8");

        assertThat(withUrl.url()).isEqualTo(url.toString());
        assertThat(withUrl.id()).hasSize(40).isNotEqualTo(withoutUrl.id());
        assertThat(withoutUrl.url()).isNull();
    }

    @Test
    void inputWithOnlyBlankLinesIsAnExtractionException() {
        String blank = "\n   \n\t\n\u3000\n";

        assertThatThrownBy(() -> extractor.extract(blank, page(blank, null), "UTF-8"))
                .isInstanceOf(ExtractionException.class);
    }

    @Test
    void titleWithoutBodyIsAnExtractionException() {
        String text = TITLE + "\n发布时间:2024-03-05 09:30\n";

        assertThatThrownBy(() -> extractor.extract(text, page(text, null), "UTF-8"))
                .isInstanceOf(ExtractionException.class);
    }

    @Test
    void frontDoorRoutesPlainTextHere() throws Exception {
        Article a = ArticleExtractor.withDefaults().extract(page(ARTICLE, null));

        assertThat(a.title()).isEqualTo(TITLE);
        assertThat(a.paragraphs()).containsExactly(P1, P2, P3);
    }
}
