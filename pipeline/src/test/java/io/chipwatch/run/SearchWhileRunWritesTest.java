package io.chipwatch.run;

import io.chipwatch.cli.Main;
import io.chipwatch.crawl.NewsPages;
import io.chipwatch.crawl.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chipwatch run} on the embedded default, as a child process crawling a loopback site,
 * while this process — another one — runs {@code chipwatch search} and {@code chipwatch figures}
 * on the same data folder: each works while {@code run} holds the index's write lock, sees the
 * articles indexed so far, and {@code run} goes on indexing the rest.
 */
class SearchWhileRunWritesTest {

    private static final int PAGES = 16;
    private static final Pattern HITS = Pattern.compile("(\\d+) of (\\d+) hits");
    private static final String CHARACTERS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去";

    @TempDir
    Path dir;

    @Test
    void searchAndFiguresReadTheIndexWhileRunIsWritingIt() throws Exception {
        try (TestSite site = TestSite.start()) {
            List<NewsPages.Item> items = new ArrayList<>();
            Random text = new Random(13);
            for (int i = 1; i <= PAGES; i++) {
                String title = "芯片产业动态第" + i + "期" + words(text, 6);
                site.page("/news/" + i + ".html", "text/html; charset=utf-8", NewsPages.article("utf-8", title,
                        words(text, 80) + "芯片" + words(text, 40), "2025年，寒武纪芯片出货量超过" + (10 + i) + "万颗。", words(text, 100)));
                items.add(new NewsPages.Item("/news/" + i + ".html", title, null));
            }
            String base = site.url("/").toString().replaceAll("/$", "");
            site.page("/feed.xml", "application/rss+xml; charset=utf-8", NewsPages.rss(base, items));
            Path data = dir.resolve("data");
            Path log = dir.resolve("run.log");
            // A host delay spreads the pages over several seconds, so that searches meet a half-built index.
            Process run = start(config(site, data, 0.5), log);
            List<Long> totals = new ArrayList<>();
            long figuresSeen = 0;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                long total = 0;
                while (total < PAGES && run.isAlive() && System.nanoTime() < deadline) {
                    if (!Files.isDirectory(data.resolve("index"))) {
                        Thread.sleep(200);   // run has not opened its store yet: search rightly says there is no index
                        continue;
                    }
                    Cli search = cli("search", "--data", data.toString(), "--limit", "100");
                    assertThat(search.code).as("search while run writes: %s%nrun's log:%n%s", search.err, Files.readString(log)).isZero();
                    total = search.total();
                    assertThat(search.records()).isEqualTo(total);
                    totals.add(total);
                    Cli figures = cli("figures", "--data", data.toString(), "--limit", "100");
                    assertThat(figures.code).as("figures while run writes: %s", figures.err).isZero();
                    figuresSeen = Math.max(figuresSeen, figures.total());
                    Thread.sleep(100);
                }
                assertThat(run.isAlive()).as("run still running once every page was found; its log:%n%s", Files.readString(log)).isTrue();
            } finally {
                run.destroy();
                assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
            }
            assertThat(totals).as("articles found by successive searches").isSorted().last().isEqualTo((long) PAGES);
            assertThat(totals).as("some search met the index half-built").anyMatch(n -> n > 0 && n < PAGES);
            assertThat(figuresSeen).as("figures found while run wrote").isPositive();
        }
    }

    private Path config(TestSite site, Path data, double hostDelaySeconds) throws IOException {
        Path sources = Files.writeString(dir.resolve("sources.yml"), String.join("\n",
                "crawler:",
                "  allow: [127.0.0.1]",
                "  host_delay_seconds: " + hostDelaySeconds,
                "  read_timeout_seconds: 10",
                "  max_attempts: 1",
                "  jitter_seconds: 0",
                "  run_on_start: true",
                "  max_articles: 200",
                "keywords: [芯片]",
                "sources:",
                "  - name: testsite",
                "    schedule: \"0 0 1 1 *\"",
                "    discover:",
                "      - type: feed",
                "        url: " + site.url("/feed.xml"),
                ""));
        return Files.writeString(dir.resolve("chipwatch.yml"), String.join("\n",
                "data: " + data, "store:", "  kind: lucene", "stages: [crawl, extract, nlp, index]", "sources: " + sources, ""));
    }

    private static Process start(Path config, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString(), "--progress", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A command run in this process, which is not the one running {@code run}. */
    private static Cli cli(String... args) {
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
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Cli(int code, String out, String err) {
        long total() {
            Matcher m = HITS.matcher(err);
            assertThat(m.find()).as("a hit count in: %s", err).isTrue();
            return Long.parseLong(m.group(2));
        }

        long records() {
            return out.lines().filter(l -> l.startsWith("{")).count();
        }
    }

    private static String words(Random random, int length) {
        StringBuilder b = new StringBuilder(length + length / 12);
        for (int i = 0; i < length; i++) {
            b.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            if (i % 12 == 11) {
                b.append('，');
            }
        }
        return b.append('。').toString();
    }
}
