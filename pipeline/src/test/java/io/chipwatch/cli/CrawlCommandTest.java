package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.crawl.NewsPages;
import io.chipwatch.crawl.TestSite;
import io.chipwatch.model.RawPage;
import io.chipwatch.stage.RecordCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chipwatch crawl --once} on the embedded default, against a real site on loopback. */
class CrawlCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html; charset=utf-8";

    @TempDir
    Path dir;

    private TestSite site;
    private Path data;
    private Path sources;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        site = TestSite.start();
        site.page("/feed.xml", "application/rss+xml; charset=utf-8", NewsPages.rss(site.base(), List.of(
                new NewsPages.Item("/news/1.html", "寒武纪发布新一代云端训练芯片", null))));
        site.page("/news/1.html", HTML, NewsPages.article("utf-8", "寒武纪发布新一代云端训练芯片",
                "寒武纪今日发布新一代云端训练芯片，采用七纳米工艺和全新的片上互联架构，整数算力较上一代提升约一倍。",
                "公司表示，新芯片已完成主流大模型框架的适配，首批产品将于明年一季度向互联网和运营商客户交付。"));
        site.page("/list", HTML, NewsPages.listPage(null, "/news/2.html", "长江存储三维闪存产能翻番"));
        site.page("/news/2.html", HTML, NewsPages.article("utf-8", "长江存储三维闪存产能翻番",
                "长江存储位于武汉的二期工厂正式投产，三维闪存月产能有望在明年翻番，产品主要用于固态硬盘和移动终端。",
                "分析人士认为，国产存储芯片产能的扩张将改变全球闪存市场的供需格局，价格竞争可能随之加剧。"));

        data = dir.resolve("data");
        sources = Files.writeString(dir.resolve("sources.yml"), """
                crawler:
                  user_agent: chipwatch/0.1
                  contact: https://example.org/chipwatch
                  connect_timeout_seconds: 1
                  read_timeout_seconds: 2
                  max_attempts: 1
                  host_delay_seconds: 0.05
                  concurrency: 2
                  allow: [127.0.0.1]
                  jitter_seconds: 0
                keywords: [芯片, 存储]
                sources:
                  - name: xinwen
                    site: 芯闻速递
                    schedule: "*/30 * * * *"
                    discover:
                      - type: feed
                        url: BASE/feed.xml
                  - name: xinwen-list
                    site: 芯闻速递
                    schedule: "*/30 * * * *"
                    discover:
                      - type: list
                        url: BASE/list
                        links: ul.news a
                """.replace("BASE", site.base()), StandardCharsets.UTF_8);
        config = Files.writeString(dir.resolve("chipwatch.yml"), """
                data: %s
                bus:
                  kind: journal
                  partitions: 2
                  capacity: 100
                  bootstrap: null
                  replication: 1
                store:
                  kind: lucene
                  urls: []
                  index_prefix: chipwatch
                  username: null
                  ca_certificate: null
                  insecure_tls: false
                stages: [crawl, extract, nlp, index]
                sources: %s
                """.formatted(data, sources), StandardCharsets.UTF_8);
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    @Test
    void crawlOnceFetchesIndexesAndSummarisesThenFetchesNothingTheSecondTime() throws IOException {
        Run first = run("crawl", "--once", "--sources", sources.toString(), "--config", config.toString());

        assertThat(first.code).as(first.err).isZero();
        List<String> progress = first.errLines().stream().filter(l -> l.startsWith("chipwatch: xinwen")).toList();
        assertThat(progress).hasSize(2);
        assertThat(progress).filteredOn(l -> l.startsWith("chipwatch: xinwen: ")).singleElement()
                .asString().contains("1 fetched");
        assertThat(progress).filteredOn(l -> l.startsWith("chipwatch: xinwen-list: ")).singleElement()
                .asString().contains("1 fetched");
        assertThat(first.out).contains("indexed 2 of 2 fetched pages");
        String summary = first.lastOutLine();
        assertThat(summary).startsWith("total:").contains("2 fetched").contains("0 failed");
        assertThat(Files.isDirectory(data.resolve("crawl"))).isTrue();

        Run search = run("search", "--config", config.toString(), "--data", data.toString(), "寒武纪");
        assertThat(search.code).isZero();
        assertThat(search.records()).singleElement()
                .satisfies(hit -> assertThat(hit.get("title").asText()).isEqualTo("寒武纪发布新一代云端训练芯片"));

        Run second = run("crawl", "--once", "--sources", sources.toString(), "--config", config.toString());

        assertThat(second.code).as(second.err).isZero();
        assertThat(second.lastOutLine()).startsWith("total:").contains("0 fetched").contains("2 already seen");
        assertThat(second.out).doesNotContain("indexed");
        assertThat(site.requestsTo("/news/1.html")).hasSize(1);
        assertThat(site.requestsTo("/news/2.html")).hasSize(1);
    }

    @Test
    void aPageAKilledCrawlLeftOnTheJournaledBusIsIndexedByTheNextCrawl() throws IOException {
        // what a crawl killed after the bus acknowledged a page, and before the stages took it, leaves behind
        String leftOver = NewsPages.article("utf-8", "长鑫存储量产新一代内存芯片", "长鑫存储宣布新一代内存芯片正式量产，产能逐季提升。",
                "公司表示，新产品面向服务器与移动终端，功耗较上一代明显下降。");
        try (InMemoryBus bus = InMemoryBus.journaled(data.resolve("bus"), 2, 100)) {
            RawPage page = new RawPage(leftOver.getBytes(StandardCharsets.UTF_8), URI.create(site.base() + "/news/left-over.html"),
                    Map.of("Content-Type", "text/html; charset=utf-8"), Instant.now());
            bus.publish(Topics.PAGES, page.url().toString(), new RecordCodec().page(page, "xinwen")).join();
        }

        Run crawl = run("crawl", "--once", "--sources", sources.toString(), "--config", config.toString());

        assertThat(crawl.code).as(crawl.err).isZero();
        assertThat(crawl.out).contains("indexed 3 of 2 fetched pages");
        assertThat(site.requestsTo("/news/left-over.html")).as("taken from the bus, not fetched").isEmpty();
        Run search = run("search", "--config", config.toString(), "--data", data.toString(), "长鑫存储");
        assertThat(search.records()).singleElement()
                .satisfies(hit -> assertThat(hit.get("title").asText()).isEqualTo("长鑫存储量产新一代内存芯片"));
    }

    @Test
    void onlyTheNamedSourceRuns() throws IOException {
        Run run = run("crawl", "--once", "--source", "xinwen-list", "--sources", sources.toString(), "--config", config.toString());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.errLines()).filteredOn(l -> l.startsWith("chipwatch: xinwen")).singleElement()
                .asString().startsWith("chipwatch: xinwen-list: ");
        assertThat(run.lastOutLine()).contains("1 fetched");
        assertThat(site.requestsTo("/feed.xml")).isEmpty();
    }

    @Test
    void anUnknownSourceIsAUsageErrorListingTheSources() throws IOException {
        Run run = run("crawl", "--once", "--source", "nope", "--sources", sources.toString(), "--config", config.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("nope").contains("xinwen").contains("xinwen-list");
        assertThat(site.requests()).isEmpty();
    }

    private record Run(int code, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }

        String lastOutLine() {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        List<JsonNode> records() throws IOException {
            List<JsonNode> records = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("{")) {
                    records.add(JSON.readTree(line));
                }
            }
            return records;
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        int code;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(errStream);
            code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), args);
        } finally {
            System.setErr(originalErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
