package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.stage.BatchStage;
import io.chipwatch.stage.ExtractStage;
import io.chipwatch.stage.IndexStage;
import io.chipwatch.stage.NlpStage;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.stage.Stage;
import io.chipwatch.stage.StageRunner;
import io.chipwatch.store.SearchStore;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures the pipeline extract → nlp → index on the configured bus and store, each stage with
 * its configured workers, as {@code chipwatch run} wires them:
 *
 * <ul>
 *   <li>{@link #throughput}: each stage alone over N records already waiting on its input topic,
 *       then the three together from N fresh pages, in the same run, so that the ratio of the
 *       pipeline's rate to its slowest stage's says what running them together costs on this
 *       machine whatever its load;</li>
 *   <li>{@link #latency}: pages published at a steady rate, and the time from publishing each to
 *       its article being indexed (searchable on the Lucene store, which reopens its searchers as
 *       it writes; on Elasticsearch add its refresh interval).</li>
 * </ul>
 *
 * <p>The benchmark's consumer groups are its own; they start at the beginning of topics that may
 * hold other runs' records (Kafka), which pass through untouched and unmeasured. Each measurement
 * fetches its pages from URLs of its own, so none is taken for another.
 */
public final class PipelineBenchmark {

    /** One stage alone: records it handled and the time from the first record's start to the last one's end. */
    public record StageRate(String stage, int workers, int records, double seconds) {

        public double perSecond() {
            return records / seconds;
        }
    }

    /** Each stage alone, then the pipeline. */
    public record Throughput(List<StageRate> alone, int articles, double seconds, double p50Millis, double p99Millis) {

        public double articlesPerSecond() {
            return articles / seconds;
        }

        public StageRate slowest() {
            return alone.stream().min(java.util.Comparator.comparingDouble(StageRate::perSecond)).orElseThrow();
        }

        /** End to end over the slowest stage alone. */
        public double ratio() {
            return articlesPerSecond() / slowest().perSecond();
        }
    }

    /** Pages published at {@code rate} per second for {@code seconds}; publish → indexed latencies. */
    public record Latency(double rate, int articles, double seconds, double p50Millis, double p99Millis, double maxMillis) {
    }

    private static final Duration POLL = Duration.ofMillis(100);
    private static final List<String> STAGES = List.of("extract", "nlp", "index");

    private final Bus bus;
    private final RecordCodec codec = new RecordCodec();
    private final ChipwatchConfig.Workers workers;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final String mine = "https://bench.chipwatch.invalid/" + run + "/";
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    /** Per stage: URL of a record → when the stage started it, and when it had finished it. */
    private final Map<String, Map<String, Long>> started = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> finished = new ConcurrentHashMap<>();
    private int measurements;

    /**
     * @param partitions partitions of each topic the benchmark creates (topics that exist keep theirs)
     */
    public PipelineBenchmark(Bus bus, SearchStore store, NlpAnalyzer nlp, ChipwatchConfig.Workers workers, int partitions) {
        this.bus = bus;
        this.workers = workers;
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(t -> topics.put(t, partitions));
        bus.createTopics(topics);
        for (String stage : STAGES) {
            started.put(stage, new ConcurrentHashMap<>());
            finished.put(stage, new ConcurrentHashMap<>());
        }
        stages.put("extract", timed("extract", r -> codec.readPage(r.value()).url(), new ExtractStage(ArticleExtractor.withDefaults(), codec)));
        stages.put("nlp", timed("nlp", r -> codec.readArticle(r.value()).article().url(), new NlpStage(nlp, codec)));
        stages.put("index", timedBatch("index", r -> codec.readEnriched(r.value()).article().url(), new IndexStage(store, codec)));
    }

    /**
     * Publishes {@code count} pages (cycling through {@code pages}) and runs extract alone until it
     * has handled them, then nlp alone over its articles, then index alone over theirs; then
     * publishes {@code count} fresh pages with all three stages running and waits until each is
     * indexed.
     */
    public Throughput throughput(List<RawPage> pages, int count, Duration timeout) throws InterruptedException {
        List<String> first = publish(variants(pages, count));
        List<StageRate> alone = new ArrayList<>();
        for (String stage : STAGES) {
            List<StageRunner> runners = start(List.of(stage));
            try {
                await(stage, first, runners, timeout);
            } finally {
                stop(runners);
            }
            alone.add(new StageRate(stage, workers.of(stage), first.size(), span(stage, first) / 1e9));
        }
        List<StageRunner> runners = start(STAGES);
        try {
            awaitAssigned(runners);
            List<RawPage> second = variants(pages, count);
            long t0 = System.nanoTime();
            Map<String, Long> publishedAt = new LinkedHashMap<>();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (RawPage page : second) {
                publishedAt.put(page.url().toString(), System.nanoTime());
                acks.add(bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            await("index", List.copyOf(publishedAt.keySet()), runners, timeout);
            long end = publishedAt.keySet().stream().mapToLong(url -> finished.get("index").get(url)).max().orElse(t0);
            List<Double> latencies = latencies(publishedAt);
            return new Throughput(alone, count, (end - t0) / 1e9, percentile(latencies, 50), percentile(latencies, 99));
        } finally {
            stop(runners);
        }
    }

    /**
     * With all three stages running, publishes pages at {@code rate} per second for
     * {@code duration}, each when its time comes, then waits until every one is indexed.
     */
    public Latency latency(List<RawPage> pages, double rate, Duration duration, Duration timeout) throws InterruptedException {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate must be above 0, not " + rate);
        }
        int count = Math.max(1, (int) Math.round(rate * duration.toNanos() / 1e9));
        List<RawPage> variants = variants(pages, count);
        List<StageRunner> runners = start(STAGES);
        try {
            awaitAssigned(runners);
            Map<String, Long> publishedAt = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                RawPage page = variants.get(i);
                publishedAt.put(page.url().toString(), System.nanoTime());
                // The embedded bus acknowledges at once (after its journal write); Kafka's publish is asynchronous.
                bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<String> urls = variants.stream().map(p -> p.url().toString()).toList();
            await("index", urls, runners, timeout);
            List<Double> latencies = latencies(publishedAt);
            return new Latency(rate, count, seconds, percentile(latencies, 50), percentile(latencies, 99),
                    latencies.get(latencies.size() - 1));
        } finally {
            stop(runners);
        }
    }

    /** Copies of the pages, each fetched from a URL of its own under this measurement's prefix. */
    private List<RawPage> variants(List<RawPage> pages, int count) {
        String prefix = mine + (++measurements) + "/";
        List<RawPage> variants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RawPage base = pages.get(i % pages.size());
            variants.add(new RawPage(base.bytes(), URI.create(prefix + i + ".html"), base.headers(), base.fetchedAt()));
        }
        return variants;
    }

    private List<String> publish(List<RawPage> pages) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (RawPage page : pages) {
            acks.add(bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        return pages.stream().map(p -> p.url().toString()).toList();
    }

    /** Starts the configured workers of these stages, each on a thread of its own. */
    private List<StageRunner> start(List<String> names) {
        List<StageRunner> runners = new ArrayList<>();
        for (String name : names) {
            String input = switch (name) {
                case "extract" -> Topics.PAGES;
                case "nlp" -> Topics.ARTICLES;
                default -> Topics.ENRICHED;
            };
            for (int i = 0; i < workers.of(name); i++) {
                runners.add(new StageRunner(bus, "bench-" + name + "-" + run, List.of(input), stages.get(name), POLL));
            }
        }
        for (StageRunner r : runners) {
            Thread t = new Thread(r, "bench-" + r.stageName());
            t.setDaemon(true);
            t.start();
        }
        return runners;
    }

    /** Waits (a few seconds at most) until the groups have handed out partitions: Kafka takes a while to. */
    private static void awaitAssigned(List<StageRunner> runners) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Integer> held = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            held.clear();
            runners.forEach(r -> held.merge(r.stageName(), r.assignedPartitions(), Integer::sum));
            if (held.values().stream().allMatch(n -> n > 0)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the stage has finished every one of these records, or the runners dead-lettered the rest. */
    private void await(String stage, List<String> urls, List<StageRunner> runners, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> done = finished.get(stage);
        while (System.nanoTime() < deadline) {
            long failed = runners.stream().mapToLong(StageRunner::failed).sum();
            long finishedCount = urls.stream().filter(done::containsKey).count();
            if (finishedCount == urls.size()) {
                return;
            }
            if (finishedCount + failed >= urls.size()) {
                throw new IllegalStateException(failed + " records were dead-lettered by stage " + stage + " or before it");
            }
            java.util.Optional<Throwable> stopped = runners.stream().map(StageRunner::failure).flatMap(java.util.Optional::stream).findFirst();
            if (stopped.isPresent()) {
                throw new IllegalStateException("a worker stopped: " + stopped.get(), stopped.get());
            }
            Thread.sleep(20);
        }
        long finishedCount = urls.stream().filter(done::containsKey).count();
        throw new IllegalStateException("only " + finishedCount + " of " + urls.size() + " records through stage " + stage + " within " + timeout);
    }

    private static void stop(List<StageRunner> runners) throws InterruptedException {
        runners.forEach(StageRunner::close);
        for (StageRunner r : runners) {
            r.awaitStopped(Duration.ofSeconds(60));
        }
    }

    /** From the first of these records the stage started to the last it finished, in nanoseconds. */
    private long span(String stage, List<String> urls) {
        long from = urls.stream().mapToLong(u -> started.get(stage).get(u)).min().orElseThrow();
        long to = urls.stream().mapToLong(u -> finished.get(stage).get(u)).max().orElseThrow();
        return Math.max(1, to - from);
    }

    private List<Double> latencies(Map<String, Long> publishedAt) {
        List<Double> latencies = new ArrayList<>();
        publishedAt.forEach((url, t0) -> latencies.add((finished.get("index").get(url) - t0) / 1e6));
        Collections.sort(latencies);
        return latencies;
    }

    /** The stage, noting when it starts and finishes each of this benchmark's records and passing over the others. */
    private Stage timed(String name, UrlOf urlOf, Stage stage) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean abandonable() {
                return stage.abandonable();
            }

            @Override
            public List<Output> process(BusRecord input) throws Exception {
                String url = ownUrl(input, urlOf);
                if (url == null) {
                    return List.of();
                }
                started.get(name).putIfAbsent(url, System.nanoTime());
                List<Output> out = stage.process(input);
                finished.get(name).putIfAbsent(url, System.nanoTime());
                return out;
            }
        };
    }

    /** As {@link #timed}, handing the stage this benchmark's records of each batch together. */
    private BatchStage timedBatch(String name, UrlOf urlOf, BatchStage stage) {
        return new BatchStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Output> process(BusRecord input) throws Exception {
                String url = ownUrl(input, urlOf);
                if (url == null) {
                    return List.of();
                }
                started.get(name).putIfAbsent(url, System.nanoTime());
                List<Output> out = stage.process(input);
                finished.get(name).putIfAbsent(url, System.nanoTime());
                return out;
            }

            @Override
            public List<Result> processAll(List<BusRecord> inputs) throws Exception {
                long now = System.nanoTime();
                List<String> urls = new ArrayList<>(inputs.size());
                List<BusRecord> own = new ArrayList<>();
                for (BusRecord input : inputs) {
                    String url = ownUrl(input, urlOf);
                    urls.add(url);
                    if (url != null) {
                        own.add(input);
                        started.get(name).putIfAbsent(url, now);
                    }
                }
                List<Result> ownResults = own.isEmpty() ? List.of() : stage.processAll(own);
                long done = System.nanoTime();
                List<Result> results = new ArrayList<>(inputs.size());
                int next = 0;
                for (String url : urls) {
                    if (url == null) {
                        results.add(Result.done(List.of()));
                        continue;
                    }
                    Result result = ownResults.get(next++);
                    if (result.error() == null) {
                        finished.get(name).putIfAbsent(url, done);
                    }
                    results.add(result);
                }
                return results;
            }
        };
    }

    /** The record's URL when it is one of this benchmark's, else null. */
    private String ownUrl(BusRecord input, UrlOf urlOf) {
        try {
            String url = urlOf.url(input);
            return url != null && url.startsWith(mine) ? url : null;
        } catch (RuntimeException notOurs) {
            return null;
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
