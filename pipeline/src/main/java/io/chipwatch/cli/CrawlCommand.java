package io.chipwatch.cli;

import io.chipwatch.bus.Bus;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.crawl.BusPageSink;
import io.chipwatch.crawl.Crawler;
import io.chipwatch.crawl.Source;
import io.chipwatch.crawl.SourceReport;
import io.chipwatch.crawl.SourcesFile;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.run.Components;
import io.chipwatch.run.EmbeddedPipeline;
import io.chipwatch.stage.RecordCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One pass over the sources: discover, fetch what is new, and hand it to the pipeline. On the
 * embedded default the pages then run through every stage before the command returns; on Kafka
 * they are published for the stage processes.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Crawl the configured sources once: a progress line per source, then a summary.",
                "The scheduled crawler runs inside `chipwatch run`."})
final class CrawlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--once", description = "A single pass (the only mode of this command; kept for scripts that say so).")
    boolean once;

    @Option(names = "--source", paramLabel = "NAME", split = ",", description = "Only these sources (default: every enabled one).")
    List<String> only;

    @Option(names = "--sources", paramLabel = "FILE", description = "The sources file (default: from the profile, config/sources.yml).")
    Path sourcesFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Embedded: give up waiting for the stages after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        ChipwatchConfig config = profile.load();
        // a file named on the command line must exist; only the default falls back to the copy in the jar
        SourcesFile sources = sourcesFile != null ? SourcesFile.read(sourcesFile) : SourcesFile.readOrDefault(config.sources());
        List<Source> selected = select(sources);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SourceReport> reports;
        if ("kafka".equals(config.bus().kind())) {
            try (Bus bus = Components.bus(config);
                 Crawler crawler = new Crawler(sources, config.data(), new BusPageSink(bus, new RecordCodec()))) {
                reports = crawler.runOnce(selected, r -> progress(err, r));
            }
        } else {
            Gazetteer gazetteer = Gazetteer.defaults();
            // alerts only when the configuration lists the alert stage: its sinks need their secrets;
            // made on the pipeline's store, which the index sinks write to
            java.util.function.Function<io.chipwatch.store.SearchStore, io.chipwatch.run.Alerting> alerting = config.stages().contains("alert")
                    ? store -> io.chipwatch.run.Alerting.open(config, () -> store) : null;
            // The stages run while the crawler fetches. It marks a page taken only once the bus has
            // acknowledged it: on the journaled bus, what a killed crawl leaves in flight is finished
            // by the next crawl or run.
            try (EmbeddedPipeline pipeline = new EmbeddedPipeline(Components.embeddedBus(config), config.data(), gazetteer,
                    new NlpAnalyzer(gazetteer, Lexicon.defaults()), alerting, io.chipwatch.html.SiteRules.defaults().plus(sources.siteRules()));
                 Crawler crawler = new Crawler(sources, config.data(), pipeline.pageSink())) {
                reports = crawler.runOnce(selected, r -> progress(err, r));
                EmbeddedPipeline.Outcome outcome = pipeline.drain(Duration.ofSeconds(timeoutSeconds));
                outcome.failures().forEach(f -> err.println("chipwatch: not indexed: " + f));
                int fetched = reports.stream().mapToInt(SourceReport::fetched).sum();
                if (fetched > 0 || outcome.indexed() > 0 || !outcome.failures().isEmpty()) {
                    out.printf("indexed %d of %d fetched pages into %s%n", outcome.indexed(), fetched, config.data());
                }
            }
        }
        out.println(SourceReport.total("total", reports).line());
        out.flush();
        io.chipwatch.crawl.CrawlHealth health = new io.chipwatch.crawl.CrawlHealth(selected.stream().map(Source::name).toList(),
                java.time.Clock.systemUTC());
        reports.forEach(health::record);
        if (!health.summary().isEmpty()) {
            err.println("chipwatch: " + health.summary());
        }
        // every source failing is a failure of the crawl, not a quiet pass with nothing to show
        return health.status() == io.chipwatch.crawl.CrawlHealth.Status.DOWN ? 1 : 0;
    }

    private List<Source> select(SourcesFile sources) {
        if (only == null || only.isEmpty()) {
            return sources.enabled();
        }
        List<Source> selected = new ArrayList<>();
        for (String name : only) {
            selected.add(sources.source(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no source named '" + name + "'; sources are " + sources.sources().stream().map(Source::name).toList())));
        }
        return selected;
    }

    private static void progress(PrintWriter err, SourceReport report) {
        synchronized (err) {
            err.println("chipwatch: " + report.line());
            err.flush();
        }
    }
}
