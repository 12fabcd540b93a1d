package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.stage.ExtractStage;
import io.chipwatch.stage.IndexStage;
import io.chipwatch.stage.NlpStage;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.stage.StageRunner;
import io.chipwatch.store.SearchStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stages one process runs, each with its configured workers ({@code workers:}, one per core
 * unless set), each worker on its own thread, in the consumer group named after the stage: the
 * workers of this process and of other processes with the same stages share the partitions.
 */
public final class StageProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, StageRunner> runners = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private Alerting alerting;
    private NlpStage nlpStage;

    public StageProcess(ChipwatchConfig config, Bus bus, Supplier<NlpAnalyzer> nlp, Supplier<SearchStore> store) {
        this(config, bus, nlp, store, io.chipwatch.html.SiteRules.defaults());
    }

    /** @param siteRules extraction rules: the defaults plus those of the crawler's sources */
    public StageProcess(ChipwatchConfig config, Bus bus, Supplier<NlpAnalyzer> nlp, Supplier<SearchStore> store,
                        io.chipwatch.html.SiteRules siteRules) {
        this(config, bus, nlp, store, siteRules, StageRunner.DEFAULT_RECORD_BUDGET);
    }

    /**
     * @param siteRules    extraction rules: the defaults plus those of the crawler's sources
     * @param recordBudget how long the extract and nlp stages may take over one record before it is
     *                     abandoned and dead-lettered (the index and alert stages write to stores
     *                     and sinks, which have timeouts of their own)
     */
    public StageProcess(ChipwatchConfig config, Bus bus, Supplier<NlpAnalyzer> nlp, Supplier<SearchStore> store,
                        io.chipwatch.html.SiteRules siteRules, Duration recordBudget) {
        RecordCodec codec = new RecordCodec();
        // The index stage and the index alert sinks share one store: Lucene allows one writer per folder.
        Supplier<SearchStore> sharedStore = once(store);
        Map<String, Integer> topics = new LinkedHashMap<>();
        Topics.ALL.forEach(t -> topics.put(t, config.bus().partitions()));
        bus.createTopics(topics);
        for (String stage : config.stages()) {
            if (stage.equals("crawl")) {
                continue; // the crawler is no consumer: the run command schedules it beside the stages
            }
            if (stage.equals("alert")) {
                alerting = Alerting.open(config, bus, sharedStore);
                runners.put(stage, alerting.alertRunner(bus, codec, POLL));
                List<StageRunner> delivery = alerting.deliveryRunners(bus, POLL, config.bus().partitions());
                for (int i = 0; i < delivery.size(); i++) {
                    runners.put("alert-delivery" + (i == 0 ? "" : "-" + (i + 1)), delivery.get(i));
                }
                alerting.requeuePending(bus);
                continue;
            }
            // One stage object serves all its workers (the stages are thread-safe); each worker is a
            // consumer of the stage's group, so the group spreads the partitions over them.
            Supplier<StageRunner> worker = switch (stage) {
                case "extract" -> {
                    ExtractStage extract = new ExtractStage(new ArticleExtractor(siteRules), codec);
                    yield () -> new StageRunner(bus, "chipwatch-extract", List.of(Topics.PAGES), extract, POLL,
                            StageRunner.DEFAULT_MAX_RETRY_PAUSE, recordBudget);
                }
                case "nlp" -> {
                    NlpStage analyse = new NlpStage(nlp.get(), codec);
                    nlpStage = analyse;
                    yield () -> new StageRunner(bus, "chipwatch-nlp", List.of(Topics.ARTICLES), analyse, POLL,
                            StageRunner.DEFAULT_MAX_RETRY_PAUSE, recordBudget);
                }
                case "index" -> {
                    IndexStage index = new IndexStage(sharedStore.get(), codec);
                    yield () -> new StageRunner(bus, "chipwatch-index", List.of(Topics.ENRICHED), index, POLL);
                }
                default -> throw new IllegalArgumentException("unknown stage " + stage);
            };
            int workers = config.workers().of(stage);
            for (int i = 1; i <= workers; i++) {
                runners.put(workerName(stage, i), worker.get());
            }
        }
    }

    /** The first worker carries the stage's name, the others a number: nlp, nlp-2, nlp-3. */
    private static String workerName(String stage, int i) {
        return i == 1 ? stage : stage + "-" + i;
    }

    /**
     * Asks the supplier once, on first use, and gives every caller that answer: the alert
     * sinks ask from delivery threads, so it is thread-safe.
     */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    public void start() {
        runners.forEach((name, runner) -> {
            Thread t = new Thread(runner, "chipwatch-" + name);
            threads.add(t);
            t.start();
        });
    }

    /** Counts per stage as Prometheus counters: chipwatch_records_processed_total{stage=...}. */
    public void bind(io.micrometer.core.instrument.MeterRegistry registry) {
        runners.forEach((name, r) -> {
            io.micrometer.core.instrument.FunctionCounter.builder("chipwatch.records.processed", r, StageRunner::processed)
                    .tag("stage", name).description("records a stage processed and published").register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("chipwatch.records.failed", r, StageRunner::failed)
                    .tag("stage", name).description("records a stage sent to the dead-letter topic").register(registry);
            io.micrometer.core.instrument.Gauge.builder("chipwatch.records.stuck", r, StageRunner::stuckRecords)
                    .tag("stage", name).description("records abandoned after their time budget whose threads still run").register(registry);
        });
        if (nlpStage != null) {
            // absurd pages the NLP stage analysed only in part: chipwatch_nlp_truncated_total{what=...}
            NlpStage s = nlpStage;
            String what = "what the NLP stage left out of absurd pages: articles, body chars, cut sentences, figures";
            io.micrometer.core.instrument.FunctionCounter.builder("chipwatch.nlp.truncated", s, NlpStage::articlesTruncated)
                    .tag("what", "articles").description(what).register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("chipwatch.nlp.truncated", s, NlpStage::bodyCharsSkipped)
                    .tag("what", "body_chars").description(what).register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("chipwatch.nlp.truncated", s, NlpStage::sentencesCut)
                    .tag("what", "sentences_cut").description(what).register(registry);
            io.micrometer.core.instrument.FunctionCounter.builder("chipwatch.nlp.truncated", s, NlpStage::figuresDropped)
                    .tag("what", "figures").description(what).register(registry);
        }
    }

    /** Healthy while no runner has stopped on its own (an error it could not route to the DLQ, a fatal error). */
    public io.chipwatch.ops.OpsServer.Health health() {
        return StageHealth.of(runners);
    }

    /**
     * The first stage that stopped without being asked to, with its reason: the process should then
     * end, so that its supervisor starts it again. Empty while every stage runs.
     */
    public java.util.Optional<String> stoppedStage() {
        return StageHealth.firstStopped(runners);
    }

    private final Map<String, long[]> lastSeen = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One line of progress: records done and failed per stage (its workers summed), the rate since
     * the last line, and the records waiting in its partitions.
     */
    public String progress() {
        Map<String, long[]> perStage = new LinkedHashMap<>();
        runners.forEach((name, r) -> {
            // done, failed, lag, workers whose lag is known
            long[] sum = perStage.computeIfAbsent(name.replaceFirst("-\\d+$", ""), k -> new long[4]);
            sum[0] += r.processed();
            sum[1] += r.failed();
            if (r.lag() >= 0) {
                sum[2] += r.lag();
                sum[3]++;
            }
        });
        StringBuilder b = new StringBuilder();
        long now = System.nanoTime();
        perStage.forEach((name, sum) -> {
            long done = sum[0];
            long[] last = lastSeen.put(name, new long[]{done, now});
            double rate = last == null || now == last[1] ? 0 : (done - last[0]) / ((now - last[1]) / 1e9);
            b.append(b.length() == 0 ? "" : "  ").append(name).append(": ").append(done).append(" done, ")
                    .append(sum[1]).append(" to DLQ, ").append(String.format(java.util.Locale.ROOT, "%.1f/s", rate))
                    .append(", lag ").append(sum[3] == 0 ? "?" : String.valueOf(sum[2]));
        });
        return b.toString();
    }

    /** Finishes the records in flight, then stops. */
    @Override
    public void close() {
        runners.values().forEach(StageRunner::close);
        try {
            for (StageRunner r : runners.values()) {
                r.awaitStopped(Duration.ofSeconds(60));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (alerting != null) {
            alerting.close();
        }
    }
}
