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

/** End-to-end throughput and latency of the pipeline on the configured bus and store. */
@Command(name = "bench-pipeline", mixinStandardHelpOptions = true,
        description = {"Push N articles through extract → nlp → index (e.g. --profile kafka: Kafka and Elasticsearch) and print",
                "articles/s and p50/p99 latency from publish to indexed, beside a raw bulk write of the same documents."})
final class BenchPipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--articles", defaultValue = "200", description = "How many articles (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Pages to cycle through.")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
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
        // The embedded bus's journal goes to a folder of its own: the benchmark's consumer groups
        // would otherwise stay in the data folder's journal and hold records there.
        Path journal = Files.createTempDirectory("chipwatch-bench-bus");
        try (Bus bus = Components.bus(config, journal); SearchStore store = Components.store(config, gazetteer)) {
            PipelineBenchmark.Result r = new PipelineBenchmark().run(bus, store, NlpAnalyzer.withDefaults(), pages, articles,
                    config.bus().partitions(), Duration.ofSeconds(timeoutSeconds));
            out.printf(Locale.ROOT, "pipeline (%s bus, %s store): %d articles in %.1f s = %.1f articles/s; publish → indexed p50 %.0f ms, p99 %.0f ms%n",
                    config.bus().kind(), config.store().kind(), r.articles(), r.seconds(), r.articlesPerSecond(), r.p50Millis(), r.p99Millis());
            out.printf(Locale.ROOT, "baseline (one bulk write of the same documents): %.1f articles/s; pipeline / baseline = %.2f%n",
                    r.baselinePerSecond(), r.articlesPerSecond() / r.baselinePerSecond());
            out.flush();
        } finally {
            deleteTree(journal);
        }
        return 0;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
