package io.chipwatch.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.html.SiteRules;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Figure;
import io.chipwatch.model.RawPage;
import io.chipwatch.model.Sentence;
import io.chipwatch.nlp.NlpAnalyzer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records stay under Kafka's default message limit: a figure or event carries a window of its
 * sentence, not all of it, and a record too large even so is refused with a clear reason.
 */
class RecordSizeTest {

    private static final int KAFKA_DEFAULT_MAX_MESSAGE = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RecordCodec codec = new RecordCodec();

    /** A table pasted as one run-on sentence: hundreds of shipment figures with no full stop between them. */
    private static String runOnTable(int rows, long seed) {
        Random random = new Random(seed);
        String[] companies = {"华为", "中芯国际", "寒武纪", "长江存储", "海光信息", "紫光展锐"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            parts.add(companies[random.nextInt(companies.length)] + (2000 + random.nextInt(26)) + "年第" + (1 + random.nextInt(4))
                    + "季度芯片出货量为" + (10 + random.nextInt(990)) + "万颗");
        }
        return String.join("，", parts) + "。";
    }

    @Test
    void aLargePageWhoseFiguresShareOneHugeSentenceMakesARecordUnderKafkasLimit() throws Exception {
        String html = "<html><head><meta charset=utf-8><title>芯片出货量统计表</title></head><body><h1>芯片出货量统计表</h1>"
                + "<div class=article><p>" + runOnTable(200, 7) + "</p></div></body></html>";
        Article article = new ArticleExtractor(SiteRules.defaults())
                .extract(new RawPage(html.getBytes(StandardCharsets.UTF_8), URI.create("https://news.example.cn/table.html"), Map.of(), Instant.now()));
        NlpStage stage = new NlpStage(NlpAnalyzer.withDefaults(), codec);

        String value = stage.process(new BusRecord("chipwatch.articles", 0, 0, article.id(), codec.article(article))).get(0).value();

        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(KAFKA_DEFAULT_MAX_MESSAGE);
        JsonNode figures = JSON.readTree(value).path("analysis").path("figures");
        assertThat(figures.size()).as("the page's figures are all there").isGreaterThan(150);
        // without windows every figure would carry the whole sentence, some 5 000 characters: over 2 MB in all
        assertThat(article.body().length()).isGreaterThan(4_500);
        String body = article.body();
        for (JsonNode f : figures) {
            String text = f.path("text").asText();
            assertThat(text.length()).isLessThanOrEqualTo(FactWindows.MAX_TEXT_CHARS);
            assertThat(text).isEqualTo(body.substring(f.path("text_start").asInt(), f.path("text_end").asInt()));
            assertThat(f.path("text_start").asInt()).isLessThanOrEqualTo(f.path("start").asInt());
            assertThat(f.path("text_end").asInt()).isGreaterThanOrEqualTo(f.path("end").asInt());
        }
        Analysis back = codec.readEnriched(value).analysis();
        assertThat(back.figures()).hasSize(figures.size());
        assertThat(back.figures()).allSatisfy(f -> assertThat(f.text()).contains(f.surface()));
    }

    @Test
    void aSentenceThatFitsIsCarriedWholeWithoutWindowOffsets() throws Exception {
        String body = "寒武纪2025年芯片出货量超过15万颗。";
        Article article = article(body);
        Figure figure = new Figure("shipments", 150_000, null, "units", "over", "寒武纪", null, "2025", "超过15万颗", body, 11, 17);

        JsonNode f = JSON.readTree(codec.enriched(article, new Analysis(List.of(new Sentence(body, 0, body.length(), "zh")),
                List.of(), List.of(figure), List.of()))).path("analysis").path("figures").get(0);

        assertThat(f.path("text").asText()).isEqualTo(body);
        assertThat(f.has("text_start")).isFalse();
    }

    @Test
    void whenTheSentencesWouldPassTheLimitTheirTextIsLeftOutAndRestoredFromTheBodyOnReading() throws Exception {
        // 150 000 Chinese characters: 450 KB of UTF-8, which fits once but not twice (body and sentences)
        StringBuilder b = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        while (b.length() < 150_000) {
            int start = b.length();
            b.append("国产芯片产业链持续完善，多家企业扩大产能以满足市场需求。");
            sentences.add(new Sentence(b.substring(start), start, b.length(), "zh"));
        }
        Article article = article(b.toString());

        String value = codec.enriched(article, new Analysis(sentences, List.of(), List.of(), List.of()));

        assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RecordCodec.MAX_RECORD_BYTES);
        assertThat(JSON.readTree(value).path("analysis").path("sentences_text").asText()).isEqualTo("omitted");
        assertThat(codec.readEnriched(value).analysis().sentences()).isEqualTo(sentences);
    }

    @Test
    void aBodyTooLargeForAnyRecordIsRefusedWithTheReason() {
        Article article = article("芯".repeat(400_000));

        assertThatThrownBy(() -> codec.article(article))
                .isInstanceOf(RecordCodec.RecordTooLargeException.class)
                .hasMessageContaining("over the limit of " + RecordCodec.MAX_RECORD_BYTES)
                .hasMessageContaining("body of 400000 characters");
    }

    @Test
    void aLargePageTravelsCompressedUnderTheLimitAndComesBackByteForByte() throws Exception {
        // over 1 MB of typical portal markup: list items with links, numbers and tracking scripts
        StringBuilder html = new StringBuilder("<html><head><meta charset=utf-8><title>大页面</title></head><body>");
        Random random = new Random(11);
        while (html.length() < 1_000_000) {
            html.append("<div class=\"item\" data-id=\"").append(random.nextInt(1_000_000)).append("\"><a href=\"/news/")
                    .append(random.nextInt(100_000)).append(".html\">国产芯片企业扩产，出货量同比增长").append(random.nextInt(100))
                    .append("%</a><script>window.track && track('view', ").append(random.nextInt()).append(");</script></div>\n");
        }
        byte[] bytes = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        RawPage page = new RawPage(bytes, URI.create("https://news.example.cn/big.html"), Map.of("content-type", "text/html"), Instant.now());

        String value = codec.page(page, "example");

        assertThat(bytes.length).isGreaterThan(KAFKA_DEFAULT_MAX_MESSAGE);
        assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThan(KAFKA_DEFAULT_MAX_MESSAGE);
        assertThat(JSON.readTree(value).path("encoding").asText()).isEqualTo("gzip");
        assertThat(codec.readPage(value).toRawPage().bytes()).isEqualTo(bytes);
    }

    @Test
    void aPageRecordWrittenBeforeCompressionIsStillRead() {
        byte[] bytes = "<html><body><p>旧记录</p></body></html>".getBytes(StandardCharsets.UTF_8);
        String old = "{\"schema\":1,\"kind\":\"page\",\"url\":\"https://news.example.cn/old.html\",\"fetchedAt\":\"2025-10-25T02:20:00Z\","
                + "\"headers\":{},\"bytes\":\"" + java.util.Base64.getEncoder().encodeToString(bytes) + "\",\"source\":null}";

        assertThat(codec.readPage(old).toRawPage().bytes()).isEqualTo(bytes);
    }

    private static Article article(String body) {
        return new Article("a1b2c3", "https://news.example.cn/x.html", "https://news.example.cn/x.html", "标题", null, null,
                "news.example.cn", "zh", body, "UTF-8");
    }
}
