package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.KafkaBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.cli.Main;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline as separate processes over a real Kafka broker: {@code chipwatch run} in a
 * child JVM, {@code chipwatch ingest --config} publishing pages; SIGTERM lets the running
 * process finish its records and release the index.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void pagesPublishedToKafkaAreExtractedAnalysedAndIndexedOnceThenTheProcessStopsCleanly(KafkaBroker broker) throws Exception {
        io.chipwatch.services.KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("chipwatch.yml"), String.join("\n",
                "data: " + data,
                "bus:",
                "  kind: kafka",
                "  partitions: 4",
                "  bootstrap: " + broker.bootstrapServers(),
                "  replication: 1",
                "store:",
                "  kind: lucene",
                "stages: [extract, nlp, index]", ""));
        Path pages = Files.createDirectories(dir.resolve("pages"));
        String[] companies = {"寒武纪", "摩尔线程", "壁仞科技", "海光信息", "沐曦"};
        for (int i = 0; i < companies.length; i++) {
            Files.writeString(pages.resolve("p" + i + ".html"), page(companies[i] + "发布新芯片" + i,
                    companies[i] + "今日发布新一代AI芯片，预计2026年出货量超过" + (i + 2) + "万颗，性能提升约三成。"), StandardCharsets.UTF_8);
        }

        int httpPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        Process run = new ProcessBuilder(javaBin(), "-Xss4m", "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString(), "--progress", "2", "--http-port", String.valueOf(httpPort))
                .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        try (Bus bus = new KafkaBus(broker.bootstrapServers(), (short) 1, Map.of());
             Bus.Consumer enriched = bus.consumer("e2e-watch-" + System.nanoTime(), List.of(Topics.ENRICHED))) {
            int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(new byte[0]), "ingest", "--config", config.toString(), pages.toString());
            assertThat(code).isZero();

            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (seen.size() < companies.length && System.nanoTime() < deadline) {
                for (BusRecord r : enriched.poll(Duration.ofMillis(500))) {
                    // the topic also holds other tests' records
                    if (r.value().contains("发布新芯片")) {
                        seen.add(r.key());
                    }
                }
            }
            assertThat(seen).as("articles enriched; see " + dir.resolve("run.log")).hasSize(companies.length);
            // the progress line says when the index stage has them all
            String indexed = "index: " + companies.length + " done";
            while (!Files.readString(dir.resolve("run.log")).contains(indexed) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(dir.resolve("run.log"))).contains(indexed);

            var http = java.net.http.HttpClient.newHttpClient();
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            // a stage runs one worker per core ("index", "index-2", ...): their counts add up
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"index\":{\"status\":\"UP\"");
            assertThat(sumOver(health.body(), "\"index(?:-\\d+)?\":\\{\"status\":\"UP\",\"processed\":(\\d+)")).isEqualTo(companies.length);
            var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(sumOver(metrics.body(), "chipwatch_records_processed_total\\{stage=\"nlp(?:-\\d+)?\"\\} (\\d+)\\.0")).isEqualTo(companies.length);
            // the analysts' API of the same process searches the store its index stage writes
            var articles = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort
                    + "/api/articles?q=" + java.net.URLEncoder.encode("发布 -摩尔线程", StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(articles.statusCode()).as(articles.body()).isEqualTo(200);
            assertThat(articles.body()).contains("\"total\":" + (companies.length - 1)).doesNotContain("摩尔线程发布");
            var figures = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort
                    + "/api/figures?format=csv&metric=" + java.net.URLEncoder.encode("出货量", StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(figures.body().split("\r\n")).hasSize(1 + companies.length);
        } finally {
            // SIGTERM: the runner finishes what it holds and closes the store
            run.destroy();
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("graceful stop").isTrue();
        }

        try (SearchStore store = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            var all = store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 100));
            assertThat(all.total()).as("every article indexed exactly once; see " + dir.resolve("run.log")).isEqualTo(companies.length);
            var shipments = store.figures(new SearchQuery(SearchQuery.Kind.FIGURES, null, "摩尔线程", "shipments", null, null, 10));
            assertThat(shipments.hits()).hasSize(1);
            assertThat(shipments.hits().get(0).value()).isEqualTo(30_000);
        }
    }

    @Test
    void aProcessKilledMidRunLosesNothingAndDuplicatesNothingAfterRestart(KafkaBroker broker) throws Exception {
        io.chipwatch.services.KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("chipwatch.yml"), String.join("\n",
                "data: " + data, "bus:", "  kind: kafka", "  partitions: 4", "  bootstrap: " + broker.bootstrapServers(),
                "  replication: 1", "store:", "  kind: lucene", "stages: [extract, nlp, index]", ""));
        // its own topics would need another broker; this test reads the lag of the pipeline's groups
        Path pages = Files.createDirectories(dir.resolve("pages"));
        int count = 30;
        for (int i = 0; i < count; i++) {
            Files.writeString(pages.resolve("k" + i + ".html"), page("燧原科技第" + i + "次发布会",
                    "燧原科技今日召开第" + i + "次发布会，宣布新一代训练芯片出货量超过" + (i + 1) + "千颗，并计划扩大产能。"), StandardCharsets.UTF_8);
        }
        long before = indexedCount(broker);
        Process first = startRun(config, "first.log");
        try {
            assertThat(Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(new byte[0]), "ingest", "--config", config.toString(), pages.toString())).isZero();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(dir.resolve("first.log")).matches("(?s).*index: [1-9][0-9]* done.*") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            first.destroyForcibly();  // SIGKILL: no chance to finish anything
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = startRun(config, "second.log");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (indexedCount(broker) - before < count && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(indexedCount(broker) - before).as("all enriched records consumed by the index stage").isGreaterThanOrEqualTo(count);
            while (lag(broker) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(lag(broker)).as("index stage caught up; see second.log").isZero();
        } finally {
            second.destroy();
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }
        try (SearchStore store = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            var all = store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, "燧原科技", null, null, null, null, 100));
            assertThat(all.total()).as("each article exactly once").isEqualTo(count);
            var figures = store.figures(new SearchQuery(SearchQuery.Kind.FIGURES, null, "燧原科技", "shipments", null, null, 100));
            assertThat(figures.total()).isEqualTo(count);
        }
    }

    private Process startRun(Path config, String log) throws java.io.IOException {
        return new ProcessBuilder(javaBin(), "-Xss4m", "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString(), "--progress", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    /** The sum of the numbers the pattern's first group captures in the text. */
    private static long sumOver(String text, String pattern) {
        return java.util.regex.Pattern.compile(pattern).matcher(text).results().mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    /** Records on the enriched topic (what the index stage has to take). */
    private static long indexedCount(KafkaBroker broker) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return endOffsets(admin).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Records of the enriched topic the index stage's group has not committed yet. */
    private static long lag(KafkaBroker broker) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<org.apache.kafka.common.TopicPartition, Long> ends = endOffsets(admin);
            var committed = admin.listConsumerGroupOffsets("chipwatch-index").partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    private static Map<org.apache.kafka.common.TopicPartition, Long> endOffsets(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        var description = admin.describeTopics(List.of(Topics.ENRICHED)).allTopicNames().get(10, TimeUnit.SECONDS).get(Topics.ENRICHED);
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new java.util.HashMap<>();
        description.partitions().forEach(p -> specs.put(new org.apache.kafka.common.TopicPartition(Topics.ENRICHED, p.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
        Map<org.apache.kafka.common.TopicPartition, Long> out = new java.util.HashMap<>();
        admin.listOffsets(specs).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String page(String title, String paragraph) {
        return "<html><head><meta charset=utf-8><title>" + title + "</title></head><body><h1>" + title + "</h1>"
                + "<div class=info>2025-10-25 10:20 来源：示例科技网</div><div class=article><p>" + paragraph
                + "</p><p>业内人士认为，这一进展值得关注，后续发展有待观察。</p></div></body></html>";
    }
}
