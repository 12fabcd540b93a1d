package io.chipwatch.cli;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.model.RawPage;
import io.chipwatch.run.Components;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.run.EmbeddedPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs pages through every stage on the embedded default and returns when they are searchable. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Extract, analyse and index pages on the embedded default (in-memory bus, Lucene store in --data);",
                "returns when they are searchable: ./chipwatch ingest a.html && ./chipwatch search 寒武纪"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Mixin
    FetchOptions fetch = new FetchOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up waiting after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|URL|-", description = "Pages to ingest; a folder means its files.")
    List<String> inputs;

    private final InputStream in;

    IngestCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ChipwatchConfig config = profile.load(data);
        List<RawPage> pages = new ArrayList<>();
        int unreadable = 0;
        try (InputReader reader = new InputReader(in, () -> fetch.settings(config.sources()))) {
            for (String input : InputReader.expand(inputs)) {
                try {
                    pages.add(reader.read(input, null));
                } catch (IOException e) {
                    unreadable++;
                    err.println("chipwatch: cannot read " + input + ": " + e.getMessage());
                }
            }
        }
        if ("kafka".equals(config.bus().kind())) {
            return publish(config, pages, unreadable, out);
        }
        if (pages.isEmpty()) {
            // nothing readable: no reason to load the NLP models or open the store
            out.printf("indexed 0 of %d pages into %s%n", unreadable, config.data());
            out.flush();
            return 1;
        }
        Gazetteer gazetteer = Gazetteer.defaults();
        // alerts only when asked for: the shipped alerts file needs its sinks' secrets in the environment;
        // made on the pipeline's store, which the index sinks write to
        java.util.function.Function<io.chipwatch.store.SearchStore, io.chipwatch.run.Alerting> alerting = config.stages().contains("alert")
                ? store -> io.chipwatch.run.Alerting.open(config.alerts(), config.data(), System::getenv,
                        io.chipwatch.run.Alerting.MAX_RETRY_PAUSE, () -> store)
                : null;
        try (EmbeddedPipeline pipeline = new EmbeddedPipeline(config.data(), gazetteer, new NlpAnalyzer(gazetteer, io.chipwatch.nlp.Lexicon.defaults()),
                alerting, io.chipwatch.html.SiteRules.defaults())) {
            EmbeddedPipeline.Outcome outcome = pipeline.ingest(pages, Duration.ofSeconds(timeoutSeconds));
            outcome.failures().forEach(f -> err.println("chipwatch: not indexed: " + f));
            out.printf("indexed %d of %d pages into %s%n", outcome.indexed(), pages.size() + unreadable, config.data());
            out.flush();
            return outcome.indexed() == pages.size() + unreadable ? 0 : 1;
        }
    }

    /** On Kafka, ingesting is publishing: the stage processes take it from there. */
    private static int publish(ChipwatchConfig config, List<RawPage> pages, int unreadable, PrintWriter out) {
        RecordCodec codec = new RecordCodec();
        try (Bus bus = Components.bus(config)) {
            List<java.util.concurrent.CompletableFuture<Void>> acks = new ArrayList<>();
            for (RawPage page : pages) {
                String key = page.url() != null ? page.url().toString() : io.chipwatch.model.Ids.sha1(new String(page.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
                acks.add(bus.publish(Topics.PAGES, key, codec.page(page, null)));
            }
            java.util.concurrent.CompletableFuture.allOf(acks.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        }
        out.printf("published %d of %d pages to %s%n", pages.size(), pages.size() + unreadable, Topics.PAGES);
        out.flush();
        return unreadable == 0 ? 0 : 1;
    }
}
