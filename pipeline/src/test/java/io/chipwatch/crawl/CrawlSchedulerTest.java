package io.chipwatch.crawl;

import io.chipwatch.model.RawPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlSchedulerTest {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String YEARLY = "0 0 1 1 *";

    @TempDir
    Path dir;

    private TestSite site;

    @BeforeEach
    void start() throws IOException {
        site = TestSite.start();
        site.page("/feed.xml", "application/rss+xml; charset=utf-8", NewsPages.rss(site.base(), List.of(
                new NewsPages.Item("/news/1.html", "国产光刻胶通过晶圆厂验证", null))));
        site.page("/news/1.html", HTML, NewsPages.article("utf-8", "国产光刻胶通过晶圆厂验证",
                "一家国内材料企业宣布，其自主研发的ArF光刻胶已通过两家十二英寸晶圆厂的产线验证，即将进入小批量供货阶段。",
                "业内人士表示，光刻胶是芯片制造中国产化率最低的材料之一，此次验证通过对供应链安全具有重要意义。"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void runsEverySourceSoonAfterStartAndAnUnreachableSourceDoesNotStopTheOthers() throws Exception {
        int closedPort = closedPort();
        SourcesFile sources = sources(true, YEARLY, """
                  - name: good
                    discover:
                      - type: feed
                        url: %s/feed.xml
                  - name: down
                    discover:
                      - type: feed
                        url: http://127.0.0.1:%d/feed.xml
                """.formatted(site.base(), closedPort));
        BlockingQueue<SourceReport> reports = new LinkedBlockingQueue<>();
        List<RawPage> pages = Collections.synchronizedList(new ArrayList<>());

        Map<String, SourceReport> byName = new HashMap<>();
        long started = System.nanoTime();
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), (page, source) -> pages.add(page));
             CrawlScheduler scheduler = new CrawlScheduler(crawler, reports::add)) {
            scheduler.start();
            for (int i = 0; i < 2; i++) {
                SourceReport report = reports.poll(15, TimeUnit.SECONDS);
                assertThat(report).as("report %d of 2", i + 1).isNotNull();
                byName.put(report.source(), report);
            }
            assertThat(scheduler.runs()).isEqualTo(2);
            assertThat(scheduler.articles()).isEqualTo(1);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);

        assertThat(byName).containsOnlyKeys("good", "down");
        SourceReport good = byName.get("good");
        assertThat(good.fetched()).isEqualTo(1);
        assertThat(good.failed()).isZero();
        assertThat(pages).extracting(p -> p.url().getPath()).containsExactly("/news/1.html");

        SourceReport down = byName.get("down");
        assertThat(down.fetched()).isZero();
        assertThat(down.failed()).as(down.line()).isPositive();
        assertThat(down.problems()).anySatisfy(p -> assertThat(p).contains(String.valueOf(closedPort)));
    }

    @Test
    void closeStopsTheSchedulerThreads() throws Exception {
        SourcesFile sources = sources(true, YEARLY, """
                  - name: good
                    discover:
                      - type: feed
                        url: %s/feed.xml
                """.formatted(site.base()));
        BlockingQueue<SourceReport> reports = new LinkedBlockingQueue<>();
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), (page, source) -> { })) {
            CrawlScheduler scheduler = new CrawlScheduler(crawler, reports::add);
            scheduler.start();
            assertThat(reports.poll(15, TimeUnit.SECONDS)).isNotNull();
            assertThat(schedulerThreads()).isPositive();

            scheduler.close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (schedulerThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(schedulerThreads()).isZero();
            int requests = site.requests().size();
            Thread.sleep(300);
            assertThat(site.requests()).hasSize(requests);
        }
    }

    @Test
    void withoutRunOnStartNothingRunsBeforeTheFirstCronTime() throws Exception {
        SourcesFile sources = sources(false, YEARLY, """
                  - name: good
                    discover:
                      - type: feed
                        url: %s/feed.xml
                """.formatted(site.base()));
        BlockingQueue<SourceReport> reports = new LinkedBlockingQueue<>();
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), (page, source) -> { });
             CrawlScheduler scheduler = new CrawlScheduler(crawler, reports::add)) {
            scheduler.start();

            assertThat(reports.poll(1500, TimeUnit.MILLISECONDS)).isNull();
            assertThat(scheduler.runs()).isZero();
        }
        assertThat(site.requests()).isEmpty();
    }

    private SourcesFile sources(boolean runOnStart, String schedule, String entries) throws IOException {
        String yaml = """
                crawler:
                  user_agent: chipwatch/0.1
                  contact: https://example.org/chipwatch
                  connect_timeout_seconds: 1
                  read_timeout_seconds: 1
                  max_attempts: 1
                  backoff_seconds: 0.05
                  max_backoff_seconds: 1
                  host_delay_seconds: 0.05
                  concurrency: 2
                  allow: [127.0.0.1]
                  time_zone: Asia/Shanghai
                  jitter_seconds: 0
                  run_on_start: %s
                  max_articles: 10
                keywords: []
                sources:
                """.formatted(runOnStart) + entries.replace("discover:", "schedule: \"" + schedule + "\"\n    discover:");
        Path file = Files.writeString(dir.resolve("sources.yml"), yaml, StandardCharsets.UTF_8);
        return SourcesFile.read(file);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("chipwatch-crawl-scheduler") && t.isAlive())
                .count();
    }
}
