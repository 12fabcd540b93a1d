package io.chipwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code workers:} sets the workers of each stage; a stage not set runs one per core. */
class WorkersConfigTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @TempDir
    Path dir;

    @Test
    void theProfilesRunOneWorkerPerCoreForEveryStage() throws IOException {
        for (String profile : new String[]{"embedded", "kafka"}) {
            ChipwatchConfig c = new ConfigLoader(Map.of("CHIPWATCH_BUS_BOOTSTRAP", "k:9092")).profile(profile);
            assertThat(c.workers().of("extract")).as(profile).isEqualTo(CORES);
            assertThat(c.workers().of("nlp")).as(profile).isEqualTo(CORES);
            assertThat(c.workers().of("index")).as(profile).isEqualTo(CORES);
        }
    }

    @Test
    void aFileSetsSomeStagesAndTheEnvironmentOverridesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "workers:\n  nlp: 3\n  index: 1\n");

        ChipwatchConfig fromFile = new ConfigLoader(Map.of()).file(file);
        ChipwatchConfig overridden = new ConfigLoader(Map.of("CHIPWATCH_WORKERS_NLP", "5")).file(file);

        assertThat(fromFile.workers().of("nlp")).isEqualTo(3);
        assertThat(fromFile.workers().of("index")).isEqualTo(1);
        assertThat(fromFile.workers().of("extract")).isEqualTo(CORES);
        assertThat(overridden.workers().of("nlp")).isEqualTo(5);
        assertThat(overridden.withStages(java.util.List.of("nlp")).withData(dir).workers().of("nlp")).isEqualTo(5);
    }

    @Test
    void aCountBelowOneNotAWholeNumberOrForAStageWithoutWorkersIsRefusedNamingIt() throws IOException {
        Path zero = Files.writeString(dir.resolve("a.yml"), "workers:\n  extract: 0\n");
        Path half = Files.writeString(dir.resolve("b.yml"), "workers:\n  nlp: 1.5\n");
        Path word = Files.writeString(dir.resolve("c.yml"), "workers:\n  nlp: many\n");
        Path crawl = Files.writeString(dir.resolve("d.yml"), "workers:\n  alert: 2\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(zero)).hasMessageContaining("workers.extract must be at least 1");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(half)).hasMessageContaining("workers.nlp: '1.5' is not a whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(word)).hasMessageContaining("workers.nlp").hasMessageContaining("whole number");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(crawl)).hasMessageContaining("workers.alert");
    }
}
