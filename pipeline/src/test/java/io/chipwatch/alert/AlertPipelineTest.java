package io.chipwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.run.Alerting;
import io.chipwatch.run.EmbeddedPipeline;
import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.SearchHits;
import io.chipwatch.store.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts on the embedded default, end to end: pages through extract, NLP, index, alert and
 * delivery, with webhook sinks pointing at real HTTP servers on loopback.
 */
class AlertPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAUNCH = "寒武纪今日在北京正式发布新一代云端AI训练芯片思元590，采用7纳米工艺，算力较上一代提升约两倍。"
            + "公司表示，思元590预计2026年第一季度量产。";
    private static final String OTHER = "摩尔线程今日发布新一代GPU芯片MTT S5000，面向数据中心训练场景，预计2026年第二季度量产。";

    private static Gazetteer gazetteer;
    private static NlpAnalyzer nlp;

    @TempDir
    Path dir;

    private WebhookReceiver desk;
    private WebhookReceiver archive;
    private Path rules;

    @BeforeAll
    static void loadModels() throws IOException {
        gazetteer = Gazetteer.defaults();
        nlp = new NlpAnalyzer(gazetteer, Lexicon.defaults());
    }

    @BeforeEach
    void startReceivers() throws IOException {
        desk = new WebhookReceiver();
        archive = new WebhookReceiver();
        // two rules: a launch by a watched company goes to both sinks, a Cambricon launch also to the desk
        rules = Files.writeString(dir.resolve("alerts.yml"), String.join("\n",
                "rules:",
                "  - name: ai-chip-launches",
                "    events: [product_announcement]",
                "    orgs: [寒武纪, 摩尔线程]",
                "    sinks: [desk, archive]",
                "  - name: cambricon",
                "    orgs: [Cambricon]",
                "    products: [思元]",
                "    sinks: [desk]",
                "sinks:",
                "  - type: webhook",
                "    name: desk",
                "    params: {url: \"" + desk.uri("/desk") + "\", secret_env: TEST_HOOK_SECRET}",
                "  - type: webhook",
                "    name: archive",
                "    params: {url: \"" + archive.uri("/archive") + "\", secret_env: TEST_HOOK_SECRET}",
                ""), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopReceivers() {
        desk.close();
        archive.close();
    }

    /** The alert stage on the pipeline's own store, as the ingest command wires it, so index sinks write there. */
    private EmbeddedPipeline pipeline() {
        return new EmbeddedPipeline(dir.resolve("data"), gazetteer, nlp,
                store -> Alerting.open(rules, dir.resolve("data"), Map.of("TEST_HOOK_SECRET", "hook-secret-1")::get,
                        Duration.ofSeconds(2), () -> store),
                io.chipwatch.html.SiteRules.defaults());
    }

    @Test
    void aLaunchAlertsOncePerRuleAndSinkItsRepostsNotAndAnotherProductDoes() {
        try (EmbeddedPipeline pipeline = pipeline()) {
            ingest(pipeline, page("https://news.example.cn/2025/10/25/cambricon.html", "寒武纪发布思元590芯片", "2025-10-25 10:20", "示例科技网", LAUNCH));

            assertThat(rulesOf(desk)).containsExactlyInAnyOrder("ai-chip-launches", "cambricon");
            assertThat(rulesOf(archive)).containsExactly("ai-chip-launches");
            assertThat(json(archive.requests().get(0)).path("kind").asText()).isEqualTo("NEW");
            assertThat(json(archive.requests().get(0)).path("headline").asText()).contains("寒武纪", "思元590");

            ingest(pipeline, page("https://www.other-site.cn/news/8812.shtml", "重磅！寒武纪发布思元590", "2025-10-25 14:03", "另一家媒体", LAUNCH));
            ingest(pipeline, page("https://m.example.com.cn/a/77/", "寒武纪思元590来了", "2025年10月25日 16:40", "移动版", LAUNCH));

            assertThat(desk.requests()).as("reposts send nothing").hasSize(2);
            assertThat(archive.requests()).hasSize(1);

            ingest(pipeline, page("https://news.example.cn/2025/10/26/moore.html", "摩尔线程发布MTT S5000", "2025-10-26 09:00", "示例科技网", OTHER));

            assertThat(rulesOf(desk)).containsExactlyInAnyOrder("ai-chip-launches", "cambricon", "ai-chip-launches");
            assertThat(archive.requests()).hasSize(2);
            assertThat(json(archive.last()).path("headline").asText()).contains("摩尔线程", "MTT S5000");
            assertThat(pipeline.alertLedger().orElseThrow().recent(10)).hasSize(3);
        }
    }

    @Test
    void aRepostAfterARestartOnTheSameDataSendsNothing() {
        try (EmbeddedPipeline pipeline = pipeline()) {
            ingest(pipeline, page("https://news.example.cn/2025/10/25/cambricon.html", "寒武纪发布思元590芯片", "2025-10-25 10:20", "示例科技网", LAUNCH));
        }
        assertThat(desk.requests()).hasSize(2);
        assertThat(archive.requests()).hasSize(1);

        try (EmbeddedPipeline pipeline = pipeline()) {
            ingest(pipeline, page("https://www.other-site.cn/news/8812.shtml", "重磅！寒武纪发布思元590", "2025-10-25 14:03", "另一家媒体", LAUNCH));
            assertThat(pipeline.alertLedger().orElseThrow().recent(10)).hasSize(2);
        }
        assertThat(desk.requests()).hasSize(2);
        assertThat(archive.requests()).hasSize(1);
    }

    @Test
    void aSinkThatIsDownForAWhileGetsTheAlertOnceItIsBackAndNothingIsDeadLettered() throws Exception {
        archive.failNext(3);
        try (EmbeddedPipeline pipeline = pipeline()) {
            EmbeddedPipeline.Outcome outcome = ingest(pipeline, page("https://news.example.cn/2025/10/25/cambricon.html",
                    "寒武纪发布思元590芯片", "2025-10-25 10:20", "示例科技网", LAUNCH));

            assertThat(outcome.failures()).isEmpty();
            assertThat(pipeline.alertLedger().orElseThrow().pending()).as("every delivery done").isEmpty();
            assertThat(pipeline.alertsDeadLettered()).as("nothing dead-lettered as final").isZero();
        }
        assertThat(archive.requests()).as("three 503s, then the delivery").hasSize(4);
        assertThat(archive.requests()).extracting(r -> json(r).path("id").asText()).containsOnly(json(archive.last()).path("id").asText());
        assertThat(desk.requests()).as("the desk was not held up by the archive").hasSize(2);

        // a restart finds nothing left to deliver
        try (EmbeddedPipeline pipeline = pipeline()) {
            Thread.sleep(500);
            assertThat(pipeline.alertLedger().orElseThrow().pending()).isEmpty();
        }
        assertThat(archive.requests()).hasSize(4);
        assertThat(desk.requests()).hasSize(2);
    }

    @Test
    void deliveriesLeftUndoneAtCloseAreMadeAfterTheRestart() {
        archive.answer(503, "maintenance");
        try (EmbeddedPipeline pipeline = pipeline()) {
            ingest(pipeline, page("https://news.example.cn/2025/10/26/moore.html", "摩尔线程发布MTT S5000", "2025-10-26 09:00", "示例科技网", OTHER),
                    Duration.ofSeconds(5));
            assertThat(pipeline.alertLedger().orElseThrow().pending()).extracting(AlertLedger.Pending::sink).containsExactly("archive");
        }
        archive.answer(200, "ok");
        int before = archive.requests().size();
        try (EmbeddedPipeline pipeline = pipeline()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!pipeline.alertLedger().orElseThrow().pending().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(pipeline.alertLedger().orElseThrow().pending()).isEmpty();
        }
        assertThat(archive.requests().size() - before).isEqualTo(1);
        assertThat(desk.requests()).hasSize(1);
    }

    @Test
    void anIndexSinkMakesTheAlertSearchableOnceThoughRepostedRestartedAndDeliveredAgain() throws Exception {
        rules = Files.writeString(dir.resolve("alerts.yml"), String.join("\n",
                "rules:",
                "  - name: ai-chip-launches",
                "    events: [product_announcement]",
                "    orgs: [寒武纪, 摩尔线程]",
                "    sinks: [desk, archive-index]",
                "sinks:",
                "  - type: webhook",
                "    name: desk",
                "    params: {url: \"" + desk.uri("/desk") + "\", secret_env: TEST_HOOK_SECRET}",
                "  - type: index",
                "    name: archive-index",
                ""), StandardCharsets.UTF_8);
        SearchQuery all = new SearchQuery(SearchQuery.Kind.ALERTS, null, null, null, null, null, 10);
        try (EmbeddedPipeline pipeline = pipeline()) {
            ingest(pipeline, page("https://news.example.cn/2025/10/25/cambricon.html", "寒武纪发布思元590芯片", "2025-10-25 10:20", "示例科技网", LAUNCH));

            SearchHits<AlertDoc> found = pipeline.store().alerts(new SearchQuery(SearchQuery.Kind.ALERTS, null, "寒武纪", null, null, null, 10));
            assertThat(found.hits()).singleElement().satisfies(doc -> {
                assertThat(doc.id()).isEqualTo(json(desk.last()).path("id").asText());
                assertThat(doc.kind()).isEqualTo("NEW");
                assertThat(doc.rule()).isEqualTo("ai-chip-launches");
                assertThat(doc.headline()).contains("寒武纪", "思元590");
                assertThat(doc.sourceUrls()).containsExactly("https://news.example.cn/2025/10/25/cambricon.html");
            });
            assertThat(pipeline.alertLedger().orElseThrow().pending()).isEmpty();

            ingest(pipeline, page("https://www.other-site.cn/news/8812.shtml", "重磅！寒武纪发布思元590", "2025-10-25 14:03", "另一家媒体", LAUNCH));
            assertThat(pipeline.store().alerts(all).total()).as("a repost makes no alert").isEqualTo(1);
        }

        try (EmbeddedPipeline pipeline = pipeline()) {
            // What a redelivery does (a crash between the write and the ledger's mark): the same alert once more.
            Alert sent = pipeline.alertLedger().orElseThrow().recent(1).get(0);
            new IndexAlertSink("archive-index", pipeline::store).deliver(sent);
            pipeline.store().refresh();

            assertThat(pipeline.store().alerts(all).hits()).singleElement()
                    .satisfies(doc -> assertThat(doc.id()).isEqualTo(sent.id()));
        }
        assertThat(desk.requests()).hasSize(1);
    }

    private static EmbeddedPipeline.Outcome ingest(EmbeddedPipeline pipeline, RawPage page) {
        return ingest(pipeline, page, Duration.ofSeconds(120));
    }

    private static EmbeddedPipeline.Outcome ingest(EmbeddedPipeline pipeline, RawPage page, Duration timeout) {
        EmbeddedPipeline.Outcome outcome = pipeline.ingest(List.of(page), timeout);
        assertThat(outcome.indexed()).as("indexed: %s", outcome.failures()).isEqualTo(1);
        return outcome;
    }

    private static List<String> rulesOf(WebhookReceiver receiver) {
        return receiver.requests().stream().map(r -> json(r).path("rule").asText()).toList();
    }

    private static JsonNode json(WebhookReceiver.Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A news page as such sites serve it: navigation, the article, related links, footer. */
    private static RawPage page(String url, String title, String date, String outlet, String text) {
        String html = "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>" + title + "_" + outlet + "</title>"
                + "<meta name=keywords content=\"芯片,人工智能\"></head><body>"
                + "<div class=nav><a href=/>首页</a> <a href=/tech>科技</a> <a href=/chip>芯片</a></div>"
                + "<div class=main><h1>" + title + "</h1><div class=info>" + date + " 来源：" + outlet + "</div>"
                + "<div class=article><p>" + text + "</p>"
                + "<p>业内人士认为，国产AI芯片正在加快追赶，这一进展值得关注，后续发展有待观察。</p></div></div>"
                + "<div class=related><h3>相关阅读</h3><ul><li><a href=/a/1>存储芯片价格走势</a></li></ul></div>"
                + "<div class=footer>版权所有 © " + outlet + "</div></body></html>";
        return new RawPage(html.getBytes(StandardCharsets.UTF_8), URI.create(url), Map.of(), Instant.parse("2025-10-26T02:00:00Z"));
    }
}
