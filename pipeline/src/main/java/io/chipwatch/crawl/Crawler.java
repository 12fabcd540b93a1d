package io.chipwatch.crawl;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.html.SiteRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The crawler's parts for one sources file: the polite fetcher, the crawl memory under
 * {@code data/crawl}, and the per-source runner. Runs sources side by side; the fetcher keeps
 * each host polite and the whole crawl within its concurrency.
 */
public final class Crawler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);
    /**
     * SimHash bits two bodies may differ in and still be one story. Measured on the corpus pages
     * with a repost's own header, footer and a few edits: 3 bits caught half the reposts, 6 caught
     * nearly nine in ten, while no two different stories came within 12.
     */
    private static final int NEAR_DUPLICATE_BITS = 6;

    private final SourcesFile sources;
    private final HttpPageFetcher fetcher;
    private final CrawlState state;
    private final SourceCrawler runner;
    private final ExecutorService pool;

    public Crawler(SourcesFile sources, Path dataDir, PageSink sink) throws IOException {
        this.sources = sources;
        this.fetcher = new HttpPageFetcher(sources.crawler());
        for (Source s : sources.sources()) {
            if (s.delay() != null) {
                s.hosts().forEach(h -> fetcher.hostDelay(h, s.delay()));
            }
        }
        this.state = CrawlState.open(dataDir.resolve("crawl"));
        ArticleExtractor extractor = new ArticleExtractor(SiteRules.defaults().plus(sources.siteRules()));
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        this.runner = new SourceCrawler(fetcher, validators -> new Discoverers(validators, canonicalizer), canonicalizer, state, extractor, sink,
                new NearDuplicates(state, new SimHash(), NEAR_DUPLICATE_BITS), Clock.systemUTC());
        this.pool = Executors.newFixedThreadPool(Math.max(1, sources.crawler().concurrency()), r -> {
            Thread t = new Thread(r, "chipwatch-crawl");
            t.setDaemon(true);
            return t;
        });
    }

    public SourcesFile sources() {
        return sources;
    }

    public CrawlState state() {
        return state;
    }

    /** One run of one source, on the calling thread. */
    public SourceReport run(Source source) throws InterruptedException {
        return runner.run(source);
    }

    /** One run of each of {@code selected}, side by side; each report goes to {@code progress} as it finishes. */
    public List<SourceReport> runOnce(List<Source> selected, Consumer<SourceReport> progress) throws InterruptedException {
        List<Future<SourceReport>> runs = new ArrayList<>();
        for (Source s : selected) {
            runs.add(pool.submit(() -> {
                SourceReport r = runner.run(s);
                progress.accept(r);
                return r;
            }));
        }
        List<SourceReport> reports = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            try {
                reports.add(runs.get(i).get());
            } catch (ExecutionException e) {
                // a bug in one source's run must not hide the others' results
                LOG.error("Source {} failed unexpectedly", selected.get(i).name(), e.getCause());
                SourceReport failed = new SourceReport(selected.get(i).name(), 0, 0, 0, 0, 0, 1, 0, 0, java.time.Duration.ZERO,
                        List.of(String.valueOf(e.getCause())));
                progress.accept(failed);
                reports.add(failed);
            }
        }
        return reports;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        fetcher.close();
        try {
            state.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the crawl state cleanly: {}", e.toString());
        }
    }
}
