package io.chipwatch.alert;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.KafkaBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.run.StageProcess;
import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import io.chipwatch.services.KafkaGroups;
import io.chipwatch.stage.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert stage over a real Kafka broker: enriched articles in, webhook deliveries out, a
 * repost before and after a restart sending nothing, a sink that fails for a while served once.
 * The restart is on a fresh data folder, as on another host: what was sent is known from the
 * ledger topic alone.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertKafkaTest {

    private static final String LAUNCH = "寒武纪今日在北京正式发布新一代云端AI训练芯片思元590，采用7纳米工艺，算力较上一代提升约两倍。";
    private static final String OTHER = "摩尔线程今日发布新一代GPU芯片MTT S5000，面向数据中心训练场景。";

    @TempDir
    Path dir;

    private final RecordCodec codec = new RecordCodec();
    private final NlpAnalyzer nlp = NlpAnalyzer.withDefaults();

    @Test
    void alertsAreSentOncePerAnnouncementAcrossRepostsRestartsAndASinkOutage(KafkaBroker broker) throws Exception {
        KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        try (WebhookReceiver desk = new WebhookReceiver(); WebhookReceiver archive = new WebhookReceiver();
             Bus bus = new KafkaBus(broker.bootstrapServers(), (short) 1, Map.of())) {
            archive.failNext(2);
            // the ledger topic is shared by the test run: names of its own keep this test's state apart
            String run = UUID.randomUUID().toString().substring(0, 8);
            // PATH is set wherever the test runs; it stands in for the signing secret
            Path rules = Files.writeString(dir.resolve("alerts.yml"), String.join("\n",
                    "rules:",
                    "  - {name: kafka-launches-" + run + ", orgs: [寒武纪, 摩尔线程], sinks: [desk-" + run + ", archive-" + run + "]}",
                    "sinks:",
                    "  - {type: webhook, name: desk-" + run + ", params: {url: \"" + desk.uri("/desk") + "\", secret_env: PATH}}",
                    "  - {type: webhook, name: archive-" + run + ", params: {url: \"" + archive.uri("/archive") + "\", secret_env: PATH}}",
                    ""), StandardCharsets.UTF_8);
            ChipwatchConfig config = new ChipwatchConfig(dir.resolve("data"),
                    new ChipwatchConfig.Bus("kafka", 4, 1000, broker.bootstrapServers(), (short) 1),
                    new ChipwatchConfig.Store("lucene", List.of(), "chipwatch", null, null, null, null, false), List.of("alert")).withAlerts(rules);

            try (StageProcess process = new StageProcess(config, bus, () -> null, () -> null)) {
                process.start();
                publish(bus, "https://news.example.cn/k/1.html", "寒武纪发布思元590", LAUNCH);
                await(() -> desk.requests().size() == 1 && archive.requests().size() == 3, "first alert at both sinks");
                publish(bus, "https://other.example.cn/k/2.html", "重磅：寒武纪思元590发布", LAUNCH);
                await(() -> process.progress().contains("alert: 2 done"), "repost handled: " + process.progress());
            }
            assertThat(dir.resolve("data").resolve("alerts").resolve(FileAlertLedger.FILE)).as("no local ledger on Kafka").doesNotExist();
            ChipwatchConfig elsewhere = config.withData(dir.resolve("data-elsewhere"));
            try (StageProcess process = new StageProcess(elsewhere, bus, () -> null, () -> null)) {
                process.start();
                publish(bus, "https://m.example.cn/k/3.html", "寒武纪思元590来了", LAUNCH);
                publish(bus, "https://news.example.cn/k/4.html", "摩尔线程发布MTT S5000", OTHER);
                await(() -> desk.requests().size() == 2 && archive.requests().size() == 4, "second product's alert");
                await(() -> process.progress().contains("alert: 2 done"), "both handled: " + process.progress());
                Thread.sleep(1000);
            }
            assertThat(desk.requests()).extracting(WebhookReceiver.Request::body)
                    .satisfiesExactly(b -> assertThat(b).contains("思元590"), b -> assertThat(b).contains("MTT S5000"));
            assertThat(archive.requests()).hasSize(4);

            // `alerts list` on Kafka reads the ledger topic: both alerts, delivered at both sinks
            Path cfg = Files.writeString(dir.resolve("chipwatch.yml"), String.join("\n", "data: " + dir.resolve("data-cli"),
                    "bus:", "  kind: kafka", "  bootstrap: " + broker.bootstrapServers(), "store:", "  kind: lucene",
                    "alerts: " + rules, ""));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int code = io.chipwatch.cli.Main.run(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.ByteArrayInputStream(new byte[0]), "alerts", "list", "--config", cfg.toString(), "--limit", "1000");
            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("kafka-launches-" + run)))
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("desk-" + run + " delivered").contains("archive-" + run + " delivered"));
        }
    }

    private void publish(Bus bus, String url, String title, String text) throws Exception {
        String html = "<html><head><meta charset=utf-8><title>" + title + "_示例科技网</title></head><body><h1>" + title
                + "</h1><div class=info>2025-10-25 10:20 来源：示例科技网</div><div class=article><p>" + text
                + "</p><p>业内人士认为，这一进展值得关注，后续发展有待观察。</p></div></body></html>";
        Article a = ArticleExtractor.withDefaults().extract(new RawPage(html.getBytes(StandardCharsets.UTF_8), URI.create(url), Map.of(),
                Instant.parse("2025-10-25T02:30:00Z")));
        bus.publish(Topics.ENRICHED, a.id(), codec.enriched(a, nlp.analyze(a))).get();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
