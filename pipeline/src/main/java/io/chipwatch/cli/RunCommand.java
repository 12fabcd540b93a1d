package io.chipwatch.cli;

import io.chipwatch.bus.Bus;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.run.Components;
import io.chipwatch.run.StageProcess;
import io.chipwatch.store.SearchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the pipeline's stages until stopped (SIGTERM or Ctrl-C finish the records in flight). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline's stages until stopped, on the embedded default or on Kafka and Elasticsearch.",
                "Stages can run as separate processes: chipwatch run --profile kafka --stages extract,nlp"})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    /** The exit status when a stage stopped on its own (a fatal error of the JVM, a bus that failed). */
    static final int STAGE_STOPPED = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--stages", split = ",", paramLabel = "STAGE", description = "Only these stages (crawl, extract, nlp, index, alert).")
    List<String> stages;

    @Option(names = "--sources", paramLabel = "FILE", description = "The crawler's sources file (default: from the profile, config/sources.yml).")
    java.nio.file.Path sourcesFile;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Serve /metrics (Prometheus), /health, the query API (/api/...) and the web page (/) on this port; "
                    + "-1 (default) serves nothing.")
    int httpPort;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "10", description = "Seconds between progress lines, at least 1 (default: ${DEFAULT-VALUE}).")
    long progressSeconds;

    @Option(names = "--record-budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds the extract and nlp stages may spend on one record; a record still running then is abandoned "
                    + "and dead-lettered, and the stage goes on (default: ${DEFAULT-VALUE}).")
    long recordBudgetSeconds;

    @Override
    public Integer call() throws Exception {
        if (progressSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--progress must be at least 1 second, not " + progressSeconds);
        }
        if (recordBudgetSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--record-budget must be at least 1 second, not " + recordBudgetSeconds);
        }
        ChipwatchConfig config = profile.load();
        if (stages != null) {
            config = config.withStages(stages);
        }
        if (sourcesFile != null) {
            if (!java.nio.file.Files.isRegularFile(sourcesFile)) {
                throw new io.chipwatch.yaml.InvalidConfigException(sourcesFile + ": no such sources file (check --sources)");
            }
            config = config.withSources(sourcesFile);
        }
        boolean crawl = config.stages().contains("crawl");
        io.chipwatch.crawl.SourcesFile sources = crawl || config.stages().contains("extract")
                ? io.chipwatch.crawl.SourcesFile.readOrDefault(config.sources()) : null;
        io.chipwatch.html.SiteRules siteRules = sources == null ? io.chipwatch.html.SiteRules.defaults()
                : io.chipwatch.html.SiteRules.defaults().plus(sources.siteRules());
        LOG.info("Starting stages {} on the {} bus and the {} store", config.stages(), config.bus().kind(), config.store().kind());
        Gazetteer gazetteer = Gazetteer.defaults();
        AtomicReference<SearchStore> store = new AtomicReference<>();
        AtomicReference<SearchStore> readOnly = new AtomicReference<>();
        ChipwatchConfig cfg = config;
        CountDownLatch stopped = new CountDownLatch(1);
        int exitCode = 0;
        try (Bus bus = Components.bus(config)) {
            StageProcess process = new StageProcess(config, bus, () -> analyzer(gazetteer), () -> {
                store.set(Components.store(cfg, gazetteer));
                return store.get();
            }, siteRules, java.time.Duration.ofSeconds(recordBudgetSeconds));
            io.chipwatch.crawl.Crawler crawler = crawl
                    ? new io.chipwatch.crawl.Crawler(sources, config.data(), new io.chipwatch.crawl.BusPageSink(bus, new io.chipwatch.stage.RecordCodec()))
                    : null;
            io.chipwatch.crawl.CrawlHealth crawlHealth = crawler == null ? null : new io.chipwatch.crawl.CrawlHealth(
                    sources.enabled().stream().map(io.chipwatch.crawl.Source::name).toList(), java.time.Clock.systemUTC());
            io.chipwatch.crawl.CrawlScheduler scheduler = crawler == null ? null
                    : new io.chipwatch.crawl.CrawlScheduler(crawler, r -> {
                        crawlHealth.record(r);
                        spec.commandLine().getErr().println("chipwatch: crawled " + r.line());
                    });
            Thread hook = new Thread(() -> {
                LOG.info("Stopping: finishing the records in flight");
                if (scheduler != null) {
                    scheduler.close();
                    crawler.close();
                }
                process.close();
                stopped.countDown();
            }, "chipwatch-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            // The API searches the store the index stage writes (Lucene allows one writer per folder); a
            // process without that stage opens the store for reading, beside the process that writes it.
            if (httpPort >= 0 && store.get() == null) {
                readOnly.set(Components.readOnlyStore(cfg, gazetteer));
            }
            SearchStore searched = store.get() != null ? store.get() : readOnly.get();
            io.chipwatch.nlp.Lexicon lexicon = httpPort < 0 ? null : io.chipwatch.nlp.Lexicon.defaults();
            io.chipwatch.ops.OpsServer ops = httpPort < 0 ? null : new io.chipwatch.ops.OpsServer("0.0.0.0", httpPort,
                    () -> io.chipwatch.run.ProcessHealth.of(process.health(), crawlHealth, cfg),
                    server -> io.chipwatch.web.WebApp.mount(server, () -> searched, gazetteer, lexicon));
            if (ops != null) {
                process.bind(ops.registry());
                new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(ops.registry());
                LOG.info("Serving /metrics, /health, /api/ and the web page on port {}", ops.port());
            }
            process.start();
            if (scheduler != null) {
                scheduler.start();
            }
            long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(progressSeconds);
            // Checked every second: a stage that stopped on its own must end the process soon, not after the next progress line.
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                java.util.Optional<String> dead = process.stoppedStage();
                if (dead.isPresent()) {
                    LOG.error("Stage {} stopped on its own; ending the process so that a supervisor restarts it", dead.get());
                    spec.commandLine().getErr().println("chipwatch: stage " + dead.get()
                            + " stopped; exiting with status " + STAGE_STOPPED + " so that a supervisor restarts the process");
                    exitCode = STAGE_STOPPED;
                    // the other stages finish their records in flight, as on SIGTERM
                    Runtime.getRuntime().removeShutdownHook(hook);
                    hook.run();
                    break;
                }
                if (System.nanoTime() - nextProgress < 0) {
                    continue;
                }
                nextProgress += TimeUnit.SECONDS.toNanos(progressSeconds);
                String stagesLine = process.progress();
                String crawlLine = scheduler == null ? "" : "crawl: " + scheduler.runs() + " source runs, " + scheduler.articles() + " pages"
                        + (crawlHealth.summary().isEmpty() ? "" : " (" + crawlHealth.summary() + ")");
                spec.commandLine().getErr().println("chipwatch: " + crawlLine + (crawlLine.isEmpty() || stagesLine.isEmpty() ? "" : "  ") + stagesLine);
            }
            if (ops != null) {
                ops.close();
            }
        } finally {
            if (readOnly.get() != null) {
                readOnly.get().close();
            }
            if (store.get() != null) {
                store.get().close();
            }
        }
        return exitCode;
    }

    private static NlpAnalyzer analyzer(Gazetteer gazetteer) {
        try {
            return new NlpAnalyzer(gazetteer, Lexicon.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
