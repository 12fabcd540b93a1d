package io.chipwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedProfileNeedsNoServices() throws IOException {
        ChipwatchConfig c = new ConfigLoader(Map.of()).profile("embedded");

        assertThat(c.bus().kind()).isEqualTo("journal");
        assertThat(c.store().kind()).isEqualTo("lucene");
        assertThat(c.stages()).containsExactly("crawl", "extract", "nlp", "index");
        assertThat(c.sources()).isEqualTo(java.nio.file.Path.of("config", "sources.yml"));
    }

    @Test
    void environmentVariablesOverrideAnyValueAndCarryTheSecrets() throws IOException {
        ChipwatchConfig c = new ConfigLoader(Map.of(
                "CHIPWATCH_BUS_BOOTSTRAP", "kafka-1:9092,kafka-2:9092",
                "CHIPWATCH_STORE_URLS", "https://es-1:9200, https://es-2:9200",
                "CHIPWATCH_STAGES", "extract,nlp",
                "CHIPWATCH_STORE_PASSWORD", "s3cret")).profile("kafka");

        assertThat(c.bus().bootstrap()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(c.store().urls()).containsExactly("https://es-1:9200", "https://es-2:9200");
        assertThat(c.stages()).containsExactly("extract", "nlp");
        assertThat(c.store().password()).isEqualTo("s3cret");
        assertThat(c.store().toString()).doesNotContain("s3cret");
    }

    @Test
    void aFileWithASecretOrAnUnknownKeyIsRefusedNamingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("a.yml"), "store:\n  kind: elasticsearch\n  urls: [http://x:9200]\n  password: hunter2\n");
        Path typo = Files.writeString(dir.resolve("b.yml"), "bus:\n  knd: memory\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(secret))
                .hasMessageContaining("store.password is a secret").hasMessageContaining("CHIPWATCH_STORE_PASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(typo)).hasMessageContaining("bus.knd: unknown key 'knd'");
    }

    @Test
    void anUnknownStageOrProfileIsAClearError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CHIPWATCH_STAGES", "extract,translate")).profile("embedded"))
                .hasMessageContaining("unknown stage 'translate'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).profile("cloud")).hasMessageContaining("--profile cloud: no such profile");
    }

    @Test
    void aKafkaBusWithoutBrokersIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), "bus:\n  kind: kafka\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).file(file)).hasMessageContaining("bus.bootstrap is required");
    }

    @Test
    void wrongTypesAndKeysInTheWrongSectionAreAllReportedAtOnceWithTheirLines() throws IOException {
        Path file = Files.writeString(dir.resolve("d.yml"), "bus:\n  kind: memory\n  partitions: lots\nstore:\n  partitions: 3\n"
                + "stages: extract\n");

        io.chipwatch.yaml.InvalidConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.chipwatch.yaml.InvalidConfigException.class, () -> new ConfigLoader(Map.of()).file(file));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).isEqualTo(file + ":3: bus.partitions: 'lots' is not a whole number");
        assertThat(e.problems().get(1)).contains("store.partitions: unknown key 'partitions'");
        assertThat(e.problems().get(2)).contains("stages: expected a list, found text 'extract'");
    }

    @Test
    void environmentValuesAreTypedAndCheckedAsStrictlyAsTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("e.yml"), "bus:\n  kind: kafka\n");

        ChipwatchConfig c = new ConfigLoader(Map.of("CHIPWATCH_BUS_BOOTSTRAP", "k1:9092", "CHIPWATCH_BUS_PARTITIONS", "8",
                "CHIPWATCH_DATA", "/srv/chipwatch")).file(file);

        assertThat(c.bus().bootstrap()).as("a key the file does not name").isEqualTo("k1:9092");
        assertThat(c.bus().partitions()).isEqualTo(8);
        assertThat(c.data()).isEqualTo(Path.of("/srv/chipwatch"));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CHIPWATCH_BUS_PARTITIONS", "lots")).profile("embedded"))
                .isInstanceOf(io.chipwatch.yaml.InvalidConfigException.class)
                .hasMessage("CHIPWATCH_BUS_PARTITIONS (over profile embedded): 'lots' is not a whole number");
    }
}
