package io.chipwatch.run;

import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.nlp.NlpAnalyzer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageProcessMetricsTest {

    @TempDir
    Path dir;

    @Test
    void theNlpStageServesCountsOfWhatItLeftOutOfAbsurdPages() throws Exception {
        ChipwatchConfig config = new ChipwatchConfig(dir.resolve("data"),
                new ChipwatchConfig.Bus("memory", 1, 100, null, (short) 1),
                new ChipwatchConfig.Store("lucene", List.of(), "chipwatch", null, null, null, null, false), List.of("nlp"));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        try (StageProcess process = new StageProcess(config, new InMemoryBus(1, 100), NlpAnalyzer::withDefaults, () -> null)) {
            process.bind(registry);
        }

        String scrape = registry.scrape();
        for (String what : List.of("articles", "body_chars", "sentences_cut", "figures")) {
            assertThat(scrape).contains("chipwatch_nlp_truncated_total{what=\"" + what + "\"}");
        }
    }
}
