package io.chipwatch.cli;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code chipwatch bench extract}: article-extraction throughput over a set of pages, printed
 * beside a baseline measured in the same run (jsoup parsing the same pages and taking their
 * text), so that the ratio, not the noisy absolute figure, is what gets compared.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure extraction throughput against a jsoup-parse baseline on the same pages.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds over all pages (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pages to extract.")
    List<Path> files;

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        List<RawPage> pages = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            bytes += b.length;
            pages.add(new RawPage(b, null, Map.of(), Instant.now()));
        }
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        for (int i = 0; i < warmup; i++) {
            extractAll(extractor, pages);
            parseAll(pages);
        }
        long extractNanos = 0;
        long parseNanos = 0;
        int failures = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            failures = extractAll(extractor, pages);
            long t1 = System.nanoTime();
            parseAll(pages);
            long t2 = System.nanoTime();
            extractNanos += t1 - t0;
            parseNanos += t2 - t1;
        }
        double n = (double) pages.size() * rounds;
        double extractRate = n / (extractNanos / 1e9);
        double parseRate = n / (parseNanos / 1e9);
        out.printf("pages=%d bytes=%d rounds=%d failures_per_round=%d%n", pages.size(), bytes, rounds, failures);
        out.printf("baseline jsoup parse+text: %.1f pages/s%n", parseRate);
        out.printf("chipwatch extract:         %.1f pages/s (%.1f MB/s)%n", extractRate, bytes * (double) rounds / (extractNanos / 1e9) / 1e6);
        out.printf("ratio extract/baseline:    %.2f%n", extractRate / parseRate);
        return 0;
    }

    private static int extractAll(ArticleExtractor extractor, List<RawPage> pages) {
        int failures = 0;
        for (RawPage p : pages) {
            try {
                extractor.extract(p);
            } catch (ExtractionException e) {
                failures++;
            }
        }
        return failures;
    }

    private static void parseAll(List<RawPage> pages) {
        for (RawPage p : pages) {
            // The baseline skips charset work: UTF-8 is the cheapest possible decode.
            Jsoup.parse(new String(p.bytes(), StandardCharsets.UTF_8)).text();
        }
    }
}
