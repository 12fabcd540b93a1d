package io.chipwatch.run;

import io.chipwatch.cli.Main;
import io.chipwatch.crawl.NewsPages;
import io.chipwatch.crawl.TestSite;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chipwatch run} on the embedded default, as a child process crawling a loopback site of
 * 60 articles, killed with SIGKILL at five random moments and started again each time: once it
 * has run to the end, every article is in the index exactly once. A page the crawler remembers as
 * taken was acknowledged by the journaled bus, so a kill cannot lose it; a page in flight is
 * delivered again and the index's deterministic ids keep it single. (On the {@code memory} bus
 * this test loses pages.)
 */
class RunSurvivesKillsTest {

    private static final Logger LOG = LoggerFactory.getLogger(RunSurvivesKillsTest.class);
    private static final int PAGES = 60;
    private static final int KILLS = 5;
    /** Common characters to write article bodies from: random text keeps SimHash from taking two articles for one. */
    private static final String CHARACTERS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

    @TempDir
    Path dir;

    @Test
    void afterFiveKillsAndRestartsEveryPageIsIndexedExactlyOnce() throws Exception {
        long seed = Long.getLong("chipwatch.killSeed", System.nanoTime());
        LOG.info("Kill moments from seed {} (rerun with -Dchipwatch.killSeed={})", seed, seed);
        Random moments = new Random(seed);
        try (TestSite site = TestSite.start()) {
            List<NewsPages.Item> items = new ArrayList<>();
            Random text = new Random(22);
            Set<String> urls = new TreeSet<>();
            for (int i = 1; i <= PAGES; i++) {
                String title = "芯片产业动态第" + i + "期" + words(text, 6);
                site.page("/news/" + i + ".html", "text/html; charset=utf-8",
                        NewsPages.article("utf-8", title, words(text, 90) + "芯片" + words(text, 60), words(text, 120), words(text, 110)));
                items.add(new NewsPages.Item("/news/" + i + ".html", title, null));
                urls.add(site.url("/news/" + i + ".html").toString());
            }
            String base = site.url("/").toString().replaceAll("/$", "");
            site.page("/feed.xml", "application/rss+xml; charset=utf-8", NewsPages.rss(base, items));
            Path data = dir.resolve("data");
            Path config = config(site, data);

            // Each kill comes once the crawler has taken a random number of pages (rising from kill
            // to kill), at the first moment after that when some page it took is not indexed yet:
            // exactly when a bus that forgets its records would lose pages.
            int[] targets = moments.ints(KILLS, 1, PAGES + 1).sorted().toArray();
            for (int kill = 1; kill <= KILLS; kill++) {
                int target = Math.max(targets[kill - 1], Math.min(seenPages(data) + 1, PAGES));
                Path log = dir.resolve("run-" + kill + ".log");
                Process run = start(config, log);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!timeToKill(data, log, target) && run.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(run.isAlive()).as("run %d alive; its log:%n%s", kill, Files.readString(log)).isTrue();
                int seen = seenPages(data);
                int indexed = articleUrls(data).size();
                run.destroyForcibly();   // SIGKILL: no shutdown hook, nothing flushed on the way out
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
                LOG.info("Kill {} once the crawler had taken at least {} pages: {} taken, {} indexed", kill, target, seen, indexed);
            }

            Path log = dir.resolve("run-final.log");
            Process last = start(config, log);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (articleUrls(data).size() < PAGES && last.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
            } finally {
                last.destroy();
                assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("graceful stop").isTrue();
            }

            List<String> indexed = articleUrls(data);
            assertThat(indexed).as("articles indexed after the last run (seed %d); its log:%n%s", seed, Files.readString(log))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(urls);
            assertThat(searchTotal(data)).as("what chipwatch search counts").isEqualTo(PAGES);
        }
    }

    private Path config(TestSite site, Path data) throws IOException {
        Path sources = Files.writeString(dir.resolve("sources.yml"), String.join("\n",
                "crawler:",
                "  allow: [127.0.0.1]",
                "  host_delay_seconds: 0.05",
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
        // no bus section: the embedded default's bus
        return Files.writeString(dir.resolve("chipwatch.yml"), String.join("\n",
                "data: " + data, "store:", "  kind: lucene", "stages: [crawl, extract, nlp, index]", "sources: " + sources, ""));
    }

    private static Process start(Path config, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString(), "--progress", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * The URL of every live article in the index's last commit. A reader may open the folder
     * while {@code run} writes to it, which the store's own open (a writer) may not.
     */
    private static List<String> articleUrls(Path data) throws IOException {
        Path folder = data.resolve("index").resolve("articles");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (FSDirectory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
            List<String> urls = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        urls.add(stored.document(doc).get("url"));
                    }
                }
            }
            return urls;
        } catch (IndexNotFoundException e) {
            return List.of();   // nothing committed yet
        }
    }

    /**
     * Once the stages run (the first progress line): when the crawler has taken {@code target}
     * pages and some of them are not indexed yet, or when everything is done already.
     */
    private static boolean timeToKill(Path data, Path log, int target) throws IOException {
        if (!Files.readString(log).contains("chipwatch: crawl:")) {
            return false;
        }
        int seen = seenPages(data);
        int indexed = articleUrls(data).size();
        return seen >= target && indexed < seen || indexed == PAGES;
    }

    /** Pages the crawler has marked taken: the {@code seen} lines of its state file (read while it runs). */
    private static int seenPages(Path data) throws IOException {
        Path state = data.resolve("crawl").resolve("crawl-state.jsonl");
        if (!Files.exists(state)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(state)) {
            return (int) lines.filter(l -> l.contains("\"t\":\"seen\"")).count();
        }
    }

    private static long searchTotal(Path data) {
        try (SearchStore store = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            return store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 100)).total();
        } catch (Exception e) {
            throw new AssertionError(e);
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
