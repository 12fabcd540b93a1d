package io.chipwatch.crawl;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run of one source: read its listings, fetch the article pages not seen before, drop those
 * off topic or near-duplicates of an article already crawled, hand the rest to the pipeline, and
 * remember each URL only once the page is safely on the bus.
 */
public final class SourceCrawler {

    private static final Logger LOG = LoggerFactory.getLogger(SourceCrawler.class);

    /** A listing's summary at least this long is taken as the article's text (full-text feeds). */
    static final int FULL_TEXT = 300;

    private final PageFetcher fetcher;
    private final java.util.function.Function<ValidatorStore, Discoverers> discoverersFor;
    private final UrlCanonicalizer canonicalizer;
    private final CrawlState state;
    private final ArticleExtractor extractor;
    private final PageSink sink;
    private final NearDuplicates duplicatesOf;
    private final Clock clock;

    /** @param discoverersFor the discoverers of one run, storing listing validators where they are told */
    public SourceCrawler(PageFetcher fetcher, java.util.function.Function<ValidatorStore, Discoverers> discoverersFor,
                         UrlCanonicalizer canonicalizer, CrawlState state,
                         ArticleExtractor extractor, PageSink sink, NearDuplicates duplicatesOf, Clock clock) {
        this.fetcher = fetcher;
        this.discoverersFor = discoverersFor;
        this.canonicalizer = canonicalizer;
        this.state = state;
        this.extractor = extractor;
        this.sink = sink;
        this.duplicatesOf = duplicatesOf;
        this.clock = clock;
    }

    public SourceReport run(Source source) throws InterruptedException {
        long started = System.nanoTime();
        CountingFetcher counting = new CountingFetcher(fetcher);
        DeferredValidators validators = new DeferredValidators(state);
        Discoverers discoverers = discoverersFor.apply(validators);
        Map<String, DiscoveredLink> links = new LinkedHashMap<>();
        int unreadable = 0;
        for (Discovery discovery : source.discover()) {
            try {
                for (DiscoveredLink link : discoverers.discover(discovery, counting)) {
                    links.putIfAbsent(canonicalizer.canonicalize(link.url().toString()), link);
                }
            } catch (DiscoveryException e) {
                unreadable++;
                counting.problem("listing " + discovery.url() + ": " + e.getMessage());
                LOG.warn("Source {}: listing {} cannot be read: {}", source.name(), discovery.url(), e.getMessage());
            }
        }
        KeywordFilter keywords = new KeywordFilter(source.keywords());
        int seen = 0, fetched = 0, offTopic = 0, duplicates = 0, unpublished = 0, unfetched = 0;
        boolean leftOver = false;
        int budget = source.maxArticles();
        for (Map.Entry<String, DiscoveredLink> e : links.entrySet()) {
            String canonical = e.getKey();
            if (state.isSeen(canonical)) {
                seen++;
                continue;
            }
            if (budget-- <= 0) {
                leftOver = true;
                break;
            }
            DiscoveredLink link = e.getValue();
            if (!keywords.acceptsAll() && link.summary() != null && link.summary().length() >= FULL_TEXT
                    && !keywords.accepts(link.title() + "\n" + link.summary())) {
                // a full-text feed already shows the article is off topic: no need to fetch it. A
                // teaser is not judged: the keyword may first appear further down the article.
                offTopic++;
                state.markSeen(canonical, source.name(), clock.instant());
                continue;
            }
            FetchResult result = counting.fetch(FetchRequest.get(link.url()));
            if (!result.ok()) {
                // worth another try only when it failed for now; blocked, too large or disallowed stays so
                unfetched += result.status() == FetchResult.Status.FAILED ? 1 : 0;
                continue;
            }
            RawPage page = new RawPage(result.body(), result.finalUrl(), result.headers(), result.fetchedAt());
            Optional<Article> article = extract(page, source);
            if (article.isPresent()) {
                Article a = article.get();
                String text = (a.title() == null ? "" : a.title()) + "\n" + a.body();
                if (!keywords.accepts(text + "\n" + (link.title() == null ? "" : link.title()))) {
                    offTopic++;
                    state.markSeen(canonical, source.name(), clock.instant());
                    continue;
                }
                Optional<Fingerprint> first = duplicatesOf.find(a.body()).filter(f -> !f.url().equals(canonical));
                if (first.isPresent()) {
                    duplicatesOf.markRepeat(canonical, first.get());
                    duplicates++;
                    state.markSeen(canonical, source.name(), clock.instant());
                    LOG.info("Source {}: {} repeats {} (near-duplicate), not sent again", source.name(), link.url(), first.get().url());
                    continue;
                }
            }
            try {
                sink.accept(page, source.name());
                state.markSeen(canonical, source.name(), clock.instant());
                article.ifPresent(a -> duplicatesOf.remember(canonical, a.id(), a.body()));
                fetched++;
            } catch (InterruptedException ie) {
                throw ie;
            } catch (Exception ex) {
                unpublished++;
                counting.problem("cannot publish " + link.url() + ": " + ex.getMessage());
                LOG.warn("Source {}: cannot hand {} to the pipeline, it stays unseen for the next run: {}", source.name(),
                        link.url(), ex.toString());
            }
        }
        if (!leftOver && unfetched == 0 && unpublished == 0) {
            validators.commit();
        }
        SourceReport report = new SourceReport(source.name(), links.size(), fetched, seen,
                counting.count(FetchResult.Status.NOT_MODIFIED), counting.count(FetchResult.Status.DISALLOWED),
                counting.failures() + unreadable + unpublished, offTopic, duplicates,
                Duration.ofNanos(System.nanoTime() - started), counting.problems());
        LOG.debug("Crawled {}", report.line());
        return report;
    }

    /**
     * The crawler reads the article itself only to judge topic and duplicates; a page it cannot
     * read still goes on, so the extract stage dead-letters it with the reason.
     */
    private Optional<Article> extract(RawPage page, Source source) {
        try {
            return Optional.of(extractor.extract(page));
        } catch (Exception e) {
            LOG.info("Source {}: {} does not read as an article ({}); the extract stage will judge it", source.name(),
                    page.url(), e.getMessage());
            return Optional.empty();
        }
    }
}
