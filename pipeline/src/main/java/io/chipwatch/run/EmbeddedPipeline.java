package io.chipwatch.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.stage.ExtractStage;
import io.chipwatch.stage.IndexStage;
import io.chipwatch.stage.NlpStage;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.stage.StageRunner;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The whole pipeline in one process, the embedded default: an in-memory bus between the
 * extract, NLP and index stages (each with one worker thread per core, as separate processes
 * would run them over Kafka) and the Lucene store under the data folder. Given a journaled bus, what was
 * handed to it survives the process: the stages resume it at the next start.
 */
public final class EmbeddedPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPipeline.class);
    private static final int PARTITIONS = 4;
    private static final int CAPACITY = 1_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(30);
    private static final String EXTRACT = "chipwatch-extract";
    private static final String NLP = "chipwatch-nlp";
    private static final String INDEX = "chipwatch-index";
    private static final String DEAD_LETTERS = "chipwatch-ingest-dlq";

    private final InMemoryBus bus;
    private final RecordCodec codec = new RecordCodec();
    private final SearchStore store;
    private final List<StageRunner> runners = new ArrayList<>();
    private final List<StageRunner> indexRunners = new ArrayList<>();
    private final ExecutorService threads;
    private final Bus.Consumer deadLetters;
    private final Alerting alerting;
    private final StageRunner alertRunner;

    public EmbeddedPipeline(Path dataDir, Gazetteer gazetteer, NlpAnalyzer nlp) {
        this(dataDir, gazetteer, nlp, (Function<SearchStore, Alerting>) null, io.chipwatch.html.SiteRules.defaults());
    }

    /**
     * @param alerting  the alert stage's parts, or null to run without alerts; the pipeline closes it.
     *                  Its index sinks have no store of this pipeline to write to: for those use
     *                  the constructor that hands the store over.
     * @param siteRules extraction rules: the defaults plus those of the crawler's sources
     */
    public EmbeddedPipeline(Path dataDir, Gazetteer gazetteer, NlpAnalyzer nlp, Alerting alerting,
                            io.chipwatch.html.SiteRules siteRules) {
        this(dataDir, gazetteer, nlp, alerting == null ? null : store -> alerting, siteRules);
    }

    /**
     * @param alertingOn makes the alert stage's parts given the pipeline's store, which its
     *                  {@code index} sinks must share (Lucene allows one writer per folder):
     *                  {@code store -> Alerting.open(..., () -> store)}; or null to run without
     *                  alerts. The pipeline closes what it makes. Deliveries the ledger has not
     *                  seen done are queued again at once.
     * @param siteRules extraction rules: the defaults plus those of the crawler's sources
     */
    public EmbeddedPipeline(Path dataDir, Gazetteer gazetteer, NlpAnalyzer nlp, Function<SearchStore, Alerting> alertingOn,
                            io.chipwatch.html.SiteRules siteRules) {
        this(new InMemoryBus(PARTITIONS, CAPACITY), dataDir, gazetteer, nlp, alertingOn, siteRules);
    }

    /**
     * @param bus the bus between the stages, which the pipeline closes: a journaled one keeps
     *            what the stages have not committed for the next pipeline on its folder
     * @see #EmbeddedPipeline(Path, Gazetteer, NlpAnalyzer, Function, io.chipwatch.html.SiteRules)
     */
    public EmbeddedPipeline(InMemoryBus bus, Path dataDir, Gazetteer gazetteer, NlpAnalyzer nlp,
                            Function<SearchStore, Alerting> alertingOn, io.chipwatch.html.SiteRules siteRules) {
        this.bus = bus;
        this.store = LuceneSearchStore.open(dataDir.resolve("index"), gazetteer);
        this.alerting = alertingOn == null ? null : make(alertingOn, store);
        Map<String, Integer> topics = new java.util.LinkedHashMap<>();
        Topics.ALL.forEach(t -> topics.put(t, PARTITIONS));
        bus.createTopics(topics);
        this.deadLetters = bus.consumer(DEAD_LETTERS, List.of(Topics.DLQ));
        // One worker per core and stage, sharing the stage's partitions (the stages are thread-safe).
        int workers = ChipwatchConfig.Workers.DEFAULT.of("extract");
        ExtractStage extract = new ExtractStage(new ArticleExtractor(siteRules), codec);
        NlpStage analyse = new NlpStage(nlp, codec);
        IndexStage index = new IndexStage(store, codec);
        for (int i = 0; i < workers; i++) {
            runners.add(new StageRunner(bus, EXTRACT, List.of(Topics.PAGES), extract, POLL));
            runners.add(new StageRunner(bus, NLP, List.of(Topics.ARTICLES), analyse, POLL));
            indexRunners.add(new StageRunner(bus, INDEX, List.of(Topics.ENRICHED), index, POLL));
        }
        runners.addAll(indexRunners);
        if (alerting != null) {
            this.alertRunner = alerting.alertRunner(bus, codec, POLL);
            runners.add(alertRunner);
            runners.addAll(alerting.deliveryRunners(bus, POLL, PARTITIONS));
            alerting.requeuePending(bus);
        } else {
            this.alertRunner = null;
        }
        this.threads = Executors.newFixedThreadPool(runners.size(), r -> {
            Thread t = new Thread(r, "chipwatch-stage");
            t.setDaemon(true);
            return t;
        });
        runners.forEach(threads::submit);
    }

    private static Alerting make(Function<SearchStore, Alerting> alertingOn, SearchStore store) {
        try {
            return alertingOn.apply(store);
        } catch (RuntimeException e) {
            // The pipeline will not exist to close the store it opened.
            try {
                store.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The first stage that stopped on its own, as "stage NAME stopped: REASON"; empty while all run. */
    private java.util.Optional<String> stoppedStage() {
        return runners.stream().filter(r -> r.failure().isPresent()).findFirst()
                .map(r -> "stage " + r.stageName() + " stopped: " + r.failure().get());
    }

    /** What became of the pages of one ingest call. */
    public record Outcome(int indexed, List<String> failures) {
    }

    /**
     * Runs the pages through every stage and returns when each is searchable or dead-lettered
     * (with the reason), or when the timeout passes.
     */
    public Outcome ingest(List<RawPage> pages, Duration timeout) {
        long before = indexed();
        long alertsBefore = alertRunner == null ? 0 : alertRunner.processed() + alertRunner.failed();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (RawPage page : pages) {
            String key = page.url() != null ? page.url().toString() : Integer.toHexString(java.util.Arrays.hashCode(page.bytes()));
            acks.add(bus.publish(Topics.PAGES, key, codec.page(page, null)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        ObjectMapper json = new ObjectMapper();
        while (indexed() - before + failures.size() < pages.size() && System.nanoTime() < deadline
                && stoppedStage().isEmpty()) {
            List<BusRecord> dead = deadLetters.poll(POLL);
            for (BusRecord r : dead) {
                String failure = describe(json, r);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            deadLetters.commit(dead);
        }
        // a stage that died (a fatal JVM error) would otherwise leave ingest waiting for the whole timeout
        stoppedStage().ifPresent(stage -> failures.add(stage + " (the pages it had not done are not indexed)"));
        store.refresh();
        int indexed = (int) (indexed() - before);
        if (alertRunner != null) {
            awaitAlerts(indexed, alertsBefore, deadline);
            // What index sinks stored meanwhile is searchable when ingest returns, as the articles are.
            store.refresh();
        }
        if (indexed + failures.size() < pages.size()) {
            LOG.warn("Ingest timed out after {}: {} of {} pages done", timeout, indexed + failures.size(), pages.size());
        }
        return new Outcome(indexed, failures);
    }

    /**
     * Waits until the alert stage has taken the indexed articles, then, for a while, until their
     * alerts are delivered: the in-memory bus forgets what is left at close. What a sink has not
     * taken by then is queued again at the next start, from the ledger.
     */
    private void awaitAlerts(int indexed, long alertsBefore, long deadline) {
        while (alertRunner.processed() + alertRunner.failed() - alertsBefore < indexed && System.nanoTime() < deadline) {
            sleep();
        }
        long deliveryDeadline = Math.min(deadline, System.nanoTime() + DELIVERY_GRACE.toNanos());
        while (!alerting.ledger().pending().isEmpty() && System.nanoTime() < deliveryDeadline) {
            sleep();
        }
        int pending = alerting.ledger().pending().size();
        if (pending > 0) {
            LOG.warn("{} alert deliveries not done yet; they are tried again at the next start", pending);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the extract, NLP and index stages have committed every record on their topics,
     * those published before the call and those they publish meanwhile, or the timeout passes;
     * dead-lettered pages are reported with the stage and the reason.
     *
     * @return the articles indexed since the pipeline started (the stages run from then on, while
     *         a crawler may be feeding them) and the pages that failed
     */
    public Outcome drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> failures = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        boolean drained = false;
        while (!drained && System.nanoTime() < deadline) {
            List<BusRecord> dead = deadLetters.poll(POLL);
            for (BusRecord r : dead) {
                String failure = describe(json, r);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            deadLetters.commit(dead);
            // upstream first: a stage commits only after its outputs are on the next topic
            drained = bus.uncommitted(EXTRACT) == 0 && bus.uncommitted(NLP) == 0 && bus.uncommitted(INDEX) == 0
                    && bus.uncommitted(DEAD_LETTERS) == 0;
        }
        store.refresh();
        int indexed = (int) indexed();
        if (alertRunner != null) {
            awaitAlerts(indexed, 0, deadline);
            store.refresh();
        }
        if (!drained) {
            LOG.warn("Not every page went through the stages within {}; the rest stays on the bus", timeout);
        }
        return new Outcome(indexed, failures);
    }

    /** Records the index stage's workers have indexed. */
    private long indexed() {
        return indexRunners.stream().mapToLong(StageRunner::processed).sum();
    }

    /** Hands a page to the pipeline; returns once the bus has acknowledged it (made it durable, on a journaled bus). */
    public io.chipwatch.crawl.PageSink pageSink() {
        return new io.chipwatch.crawl.BusPageSink(bus, codec);
    }

    public SearchStore store() {
        return store;
    }

    /** Records the alert and delivery stages sent to the DLQ as final failures (not retry notices). */
    public long alertsDeadLettered() {
        return runners.stream().filter(r -> r.stageName().startsWith("alert")).mapToLong(StageRunner::failed).sum();
    }

    /** What the ledger of the alert stage holds; empty when the pipeline runs without alerts. */
    public java.util.Optional<io.chipwatch.alert.AlertLedger> alertLedger() {
        return java.util.Optional.ofNullable(alerting).map(Alerting::ledger);
    }

    /** A page's failure, or null for an entry about something else (an alert, a retry notice). */
    private static String describe(ObjectMapper json, BusRecord r) {
        try {
            JsonNode n = json.readTree(r.value());
            if (n.has("status") || n.path("stage").asText().startsWith("alert")) {
                LOG.warn("{}: {} (key {})", n.path("stage").asText(), n.path("error").asText(), r.key());
                return null;
            }
            return n.path("stage").asText() + ": " + n.path("error").asText() + " (key " + r.key() + ")";
        } catch (Exception e) {
            return "unreadable dead letter for key " + r.key();
        }
    }

    @Override
    public void close() {
        runners.forEach(StageRunner::close);
        threads.shutdown();
        try {
            for (StageRunner r : runners) {
                r.awaitStopped(Duration.ofSeconds(30));
            }
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close();
        bus.close();
        store.close();
        if (alerting != null) {
            alerting.close();
        }
    }
}
