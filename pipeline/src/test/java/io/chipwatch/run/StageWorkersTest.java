package io.chipwatch.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.crawl.NewsPages;
import io.chipwatch.model.RawPage;
import io.chipwatch.stage.RecordCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage with several workers in one process: the workers share the stage's partitions, each
 * does part of the records, and the records of one article (one key) come out in the order they
 * went in.
 */
class StageWorkersTest {

    private static final int ARTICLES = 12;
    private static final int VERSIONS = 3;

    @TempDir
    Path dir;

    @Test
    void twoExtractWorkersShareThePartitionsAndKeepEachArticlesOrder() throws Exception {
        ChipwatchConfig config = new ChipwatchConfig(dir.resolve("data"), new ChipwatchConfig.Bus("memory", 4, 1000, null, (short) 1),
                new ChipwatchConfig.Store("lucene", List.of(), "chipwatch", null, null, null, null, false), List.of("extract"))
                .withWorkers(new ChipwatchConfig.Workers(Map.of("extract", 2)));
        RecordCodec codec = new RecordCodec();
        try (InMemoryBus bus = new InMemoryBus(4, 1000);
             StageProcess process = new StageProcess(config, bus, () -> null, () -> null)) {
            // Every version of every article is on the bus before the workers start, so they race over all of them.
            for (int version = 1; version <= VERSIONS; version++) {
                for (int a = 1; a <= ARTICLES; a++) {
                    String url = "https://news.example.cn/chips/" + a + ".html";
                    String html = NewsPages.article("utf-8", "芯片新闻第" + a + "篇第" + version + "版",
                            "第" + version + "版：某芯片公司今日宣布新一代产品进入量产阶段，业内人士认为这将推动国产芯片的发展。");
                    bus.publish(Topics.PAGES, url, codec.page(new RawPage(html.getBytes(StandardCharsets.UTF_8), URI.create(url),
                            Map.of("content-type", "text/html; charset=utf-8"), Instant.now()), null)).join();
                }
            }
            process.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (bus.readAll(Topics.ARTICLES).size() < ARTICLES * VERSIONS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            JsonNode health = new ObjectMapper().readTree(process.health().json());
            assertThat(health.at("/stages/extract/processed").asLong()).as("first worker").isPositive();
            assertThat(health.at("/stages/extract-2/processed").asLong()).as("second worker").isPositive();
            assertThat(health.at("/stages/extract/processed").asLong() + health.at("/stages/extract-2/processed").asLong())
                    .isEqualTo(ARTICLES * VERSIONS);
            assertThat(process.progress()).startsWith("extract: " + ARTICLES * VERSIONS + " done");

            Map<String, List<String>> titlesByUrl = new LinkedHashMap<>();
            for (BusRecord r : bus.readAll(Topics.ARTICLES)) {
                var article = codec.readArticle(r.value()).article();
                titlesByUrl.computeIfAbsent(article.url().toString(), u -> new ArrayList<>()).add(article.title());
            }
            assertThat(titlesByUrl).hasSize(ARTICLES);
            titlesByUrl.forEach((url, titles) -> assertThat(titles).as(url)
                    .hasSize(VERSIONS)
                    .satisfies(t -> {
                        for (int v = 0; v < VERSIONS; v++) {
                            assertThat(t.get(v)).contains("第" + (v + 1) + "版");
                        }
                    }));
        }
    }
}
