package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.stage.BatchStage;
import io.chipwatch.stage.ExtractStage;
import io.chipwatch.stage.IndexStage;
import io.chipwatch.stage.Indexables;
import io.chipwatch.stage.NlpStage;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.stage.Stage;
import io.chipwatch.stage.StageRunner;
import io.chipwatch.store.Indexable;
import io.chipwatch.store.SearchStore;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes N articles through extract → nlp → index on the configured bus and store and measures
 * articles/s and the latency from publishing a page to its article being indexed (add the
 * store's refresh interval, 1 s on Elasticsearch, for searchable); beside it, in the same run,
 * the same documents written straight to the store in one bulk, the baseline.
 */
public final class PipelineBenchmark {

    /** What one run measured. */
    public record Result(int articles, double seconds, double p50Millis, double p99Millis, double baselineSeconds) {

        public double articlesPerSecond() {
            return articles / seconds;
        }

        public double baselinePerSecond() {
            return articles / baselineSeconds;
        }
    }

    private final RecordCodec codec = new RecordCodec();

    /**
     * @param pages    the pages to cycle through; each of the {@code count} copies is fetched from its own URL
     *                 (pages that declare a canonical URL keep one id, and the store overwrites them)
     * @param timeout  give up waiting for the pipeline after this long
     */
    public Result run(Bus bus, SearchStore store, NlpAnalyzer nlp, List<RawPage> pages, int count, int partitions, Duration timeout)
            throws Exception {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(t -> topics.put(t, partitions));
        bus.createTopics(topics);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Long> indexedAt = new ConcurrentHashMap<>();
        String mine = "https://bench.chipwatch.invalid/" + run + "/";
        BatchStage index = new IndexStage(store, codec);
        BatchStage timedIndex = ownRecordsOnly("index", mine, r -> codec.readEnriched(r.value()).article().url(), new BatchStage() {
            @Override
            public List<Output> process(BusRecord input) throws Exception {
                List<Output> out = index.process(input);
                indexedAt.putIfAbsent(codec.readEnriched(input.value()).article().url(), System.nanoTime());
                return out;
            }

            @Override
            public List<Result> processAll(List<BusRecord> inputs) throws Exception {
                List<Result> results = index.processAll(inputs);
                long now = System.nanoTime();
                for (int i = 0; i < inputs.size(); i++) {
                    if (results.get(i).error() == null) {
                        indexedAt.putIfAbsent(codec.readEnriched(inputs.get(i).value()).article().url(), now);
                    }
                }
                return results;
            }
        });
        Duration poll = Duration.ofMillis(100);
        List<StageRunner> runners = List.of(
                new StageRunner(bus, "bench-extract-" + run, List.of(Topics.PAGES), ownRecordsOnly("extract", mine,
                        r -> codec.readPage(r.value()).url(), new ExtractStage(ArticleExtractor.withDefaults(), codec)), poll),
                new StageRunner(bus, "bench-nlp-" + run, List.of(Topics.ARTICLES), ownRecordsOnly("nlp", mine,
                        r -> codec.readArticle(r.value()).article().url(), new NlpStage(nlp, codec)), poll),
                new StageRunner(bus, "bench-index-" + run, List.of(Topics.ENRICHED), timedIndex, poll));
        List<Thread> threads = new ArrayList<>();
        runners.forEach(r -> {
            Thread t = new Thread(r, "bench-" + r.stageName());
            threads.add(t);
            t.start();
        });
        Map<String, Long> publishedAt = new LinkedHashMap<>();
        List<RawPage> variants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawPage base = pages.get(i % pages.size());
            URI url = URI.create(mine + i + ".html");
            variants.add(new RawPage(base.bytes(), url, base.headers(), base.fetchedAt()));
        }
        long start = System.nanoTime();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (RawPage page : variants) {
            publishedAt.put(page.url().toString(), System.nanoTime());
            acks.add(bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        long deadline = start + timeout.toNanos();
        int failed = 0;
        while (indexedAt.size() + failed < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            failed = (int) runners.stream().mapToLong(StageRunner::failed).sum();
        }
        long end = System.nanoTime();
        runners.forEach(StageRunner::close);
        for (StageRunner r : runners) {
            r.awaitStopped(Duration.ofSeconds(60));
        }
        if (indexedAt.size() < count) {
            throw new IllegalStateException("only " + indexedAt.size() + " of " + count + " articles indexed within " + timeout
                    + " (" + failed + " dead-lettered)");
        }
        List<Double> latencies = new ArrayList<>();
        publishedAt.forEach((url, t0) -> latencies.add((indexedAt.get(url) - t0) / 1e6));
        Collections.sort(latencies);

        // the baseline: the same documents, already enriched, in one bulk write
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        Indexables indexables = new Indexables();
        List<Indexable> docs = new ArrayList<>();
        for (RawPage page : variants) {
            Article a = extractor.extract(page);
            docs.add(indexables.of(a, nlp.analyze(a)));
        }
        long b0 = System.nanoTime();
        store.index(docs);
        long b1 = System.nanoTime();
        return new Result(count, (end - start) / 1e9, percentile(latencies, 50), percentile(latencies, 99), (b1 - b0) / 1e9);
    }

    /**
     * The benchmark's groups are new, so they start at the beginning of topics that may hold other
     * runs' records; those pass through untouched and unmeasured.
     */
    private static Stage ownRecordsOnly(String name, String prefix, UrlOf urlOf, Stage stage) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Output> process(BusRecord input) throws Exception {
                return isOwn(input, prefix, urlOf) ? stage.process(input) : List.of();
            }
        };
    }

    /** As {@link #ownRecordsOnly(String, String, UrlOf, Stage)}, handing the stage this run's records of each batch together. */
    private static BatchStage ownRecordsOnly(String name, String prefix, UrlOf urlOf, BatchStage stage) {
        return new BatchStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Output> process(BusRecord input) throws Exception {
                return isOwn(input, prefix, urlOf) ? stage.process(input) : List.of();
            }

            @Override
            public List<Result> processAll(List<BusRecord> inputs) throws Exception {
                List<Boolean> isOwn = inputs.stream().map(r -> isOwn(r, prefix, urlOf)).toList();
                List<BusRecord> own = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    if (isOwn.get(i)) {
                        own.add(inputs.get(i));
                    }
                }
                Iterator<Result> ownResults = own.isEmpty() ? Collections.emptyIterator() : stage.processAll(own).iterator();
                List<Result> results = new ArrayList<>(inputs.size());
                for (boolean mine : isOwn) {
                    results.add(mine ? ownResults.next() : Result.done(List.of()));
                }
                return results;
            }
        };
    }

    private static boolean isOwn(BusRecord input, String prefix, UrlOf urlOf) {
        try {
            String url = urlOf.url(input);
            return url != null && url.startsWith(prefix);
        } catch (RuntimeException notOurs) {
            return false;
        }
    }

    @FunctionalInterface
    private interface UrlOf {
        String url(BusRecord record);
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
