package io.chipwatch.cli;

import io.chipwatch.bus.Bus;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.run.Components;
import io.chipwatch.run.PipelineBenchmark;
import io.chipwatch.store.SearchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** End-to-end throughput and latency of the pipeline on the configured bus and store, beside each stage alone. */
@Command(name = "bench-pipeline", mixinStandardHelpOptions = true,
        description = {"Push N articles through each stage alone (extract, nlp, index), then through the pipeline, on the configured",
                "bus and store (e.g. --profile kafka: Kafka and Elasticsearch), and print each rate and pipeline / slowest stage;",
                "with --rate, publish at a steady rate for --duration and print publish → searchable p50/p99."})
final class BenchPipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--articles", defaultValue = "200", description = "How many articles per throughput measurement (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", paramLabel = "R|P%", description = {"Then publish R articles/s for --duration and print the latency;",
            "P% (e.g. 50%): that share of the pipeline's rate measured just before in the same run."})
    String rate;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS", description = "How long --rate publishes (default: ${DEFAULT-VALUE}).")
    long durationSeconds;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Pages to cycle through.")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        Rate steady = rate == null ? null : Rate.parse(spec, rate);
        if (articles < 1 || durationSeconds < 1 || timeoutSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--articles, --duration and --timeout must be at least 1");
        }
        ChipwatchConfig config = profile.load();
        if (data.data != null) {
            config = config.withData(data.data);
        }
        InputReader reader = new InputReader(new ByteArrayInputStream(new byte[0]));
        List<RawPage> pages = new ArrayList<>();
        for (String input : InputReader.expand(inputs)) {
            pages.add(reader.read(input, null));
        }
        Gazetteer gazetteer = Gazetteer.defaults();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d cores; workers: extract %d, nlp %d, index %d; %d partitions%n", Runtime.getRuntime().availableProcessors(),
                config.workers().of("extract"), config.workers().of("nlp"), config.workers().of("index"), config.bus().partitions());
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        boolean lucene = "lucene".equals(config.store().kind());
        String toSearchable = lucene ? "publish → searchable" : "publish → indexed (searchable after the store's refresh interval)";
        // The embedded bus's journal goes to a folder of its own: the benchmark's consumer groups
        // would otherwise stay in the data folder's journal and hold records there.
        Path journal = Files.createTempDirectory("chipwatch-bench-bus");
        try (Bus bus = Components.bus(config, journal); SearchStore store = Components.store(config, gazetteer)) {
            PipelineBenchmark bench = new PipelineBenchmark(bus, store, NlpAnalyzer.withDefaults(), config.workers(), config.bus().partitions());
            double steadyRate = steady == null ? 0 : steady.articlesPerSecond();
            if (steady == null || steady.share() != null) {
                PipelineBenchmark.Throughput t = bench.throughput(pages, articles, timeout);
                for (PipelineBenchmark.StageRate s : t.alone()) {
                    out.printf(Locale.ROOT, "%s alone (%d workers): %d records in %.1f s = %.1f records/s; %.1f cores busy, %.0f ms CPU per record%n",
                            s.stage(), s.workers(), s.records(), s.seconds(), s.perSecond(), s.coresBusy(), s.cpuMillisPerRecord());
                }
                out.printf(Locale.ROOT, "pipeline (%s bus, %s store): %d articles in %.1f s = %.1f articles/s; %s p50 %.0f ms, p99 %.0f ms; "
                                + "%.1f cores busy, %.0f ms CPU per article%n",
                        config.bus().kind(), config.store().kind(), t.articles(), t.seconds(), t.articlesPerSecond(), toSearchable,
                        t.p50Millis(), t.p99Millis(), t.coresBusy(), t.cpuMillisPerArticle());
                out.printf(Locale.ROOT, "pipeline / slowest stage alone (%s) = %.2f; by CPU time per record (the ratio with the cores to itself) = %.2f%n",
                        t.slowest().stage(), t.ratio(), t.cpuRatio());
                out.flush();
                if (steady != null) {
                    steadyRate = steady.share() * t.articlesPerSecond();
                }
            }
            if (steady != null) {
                PipelineBenchmark.Latency l = bench.latency(pages, steadyRate, Duration.ofSeconds(durationSeconds), timeout);
                out.printf(Locale.ROOT, "steady rate %.1f articles/s%s for %.0f s: %d articles; %s p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                        l.rate(), steady.share() == null ? "" : String.format(Locale.ROOT, " (%.0f%% of the pipeline's rate)", steady.share() * 100),
                        l.seconds(), l.articles(), toSearchable, l.p50Millis(), l.p99Millis(), l.maxMillis());
            }
            out.flush();
        } finally {
            deleteTree(journal);
        }
        return 0;
    }

    /** --rate: articles per second, or a share of the pipeline's measured rate. */
    private record Rate(double articlesPerSecond, Double share) {

        static Rate parse(CommandSpec spec, String text) {
            try {
                if (text.endsWith("%")) {
                    double percent = Double.parseDouble(text.substring(0, text.length() - 1));
                    if (percent > 0 && percent <= 1000) {
                        return new Rate(0, percent / 100);
                    }
                } else {
                    double r = Double.parseDouble(text);
                    if (r > 0 && Double.isFinite(r)) {
                        return new Rate(r, null);
                    }
                }
            } catch (NumberFormatException e) {
                // told below
            }
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rate must be articles per second above 0 (e.g. 5) or a share of the measured rate (e.g. 50%), not '" + text + "'");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
