package io.chipwatch.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.Locale;

/**
 * Runs {@link NlpBenchmark} and prints full NLP throughput as a share of plain HanLP
 * segmentation measured in the same run (these machines are too noisy for absolute numbers).
 * Any JMH command-line option may be given, e.g. {@code -wi 1 -i 2}.
 */
public final class NlpBench {

    private NlpBench() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(NlpBenchmark.class.getSimpleName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double full = score(results, "fullNlp");
        double segmentation = score(results, "hanlpSegmentation");
        System.out.printf(Locale.ROOT, "%nfull NLP: %.1f articles/s; HanLP segmentation: %.1f articles/s; ratio %.2f (target >= 0.40)%n",
                full, segmentation, full / segmentation);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("benchmark " + method + " produced no result; see the JMH output above"));
    }
}
