package io.chipwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chipwatch config check} validates without running, and lists every mistake of every file. */
class ConfigCheckTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theShippedConfigurationAndTheFilesItNamesAreValid() {
        int code = run("config", "check");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("profile embedded: valid configuration (journal bus, lucene store")
                .containsPattern("valid sources \\(\\d+ sources").containsPattern("valid alerts \\(\\d+ rules");
    }

    @Test
    void eachFileIsCheckedAsItsKindAndEveryMistakeIsListed() throws Exception {
        Path config = Files.writeString(dir.resolve("chipwatch.yml"), "bus:\n  partitions: lots\n  capacity: \"10\"\n");
        Path sources = Files.writeString(dir.resolve("sources.yml"), "crawler:\n  concurency: 2\nsources: []\n");
        Path rules = Files.writeString(dir.resolve("rules.yml"), "sites:\n  - hosts: [a.cn]\n    body: article\n");
        Path neither = Files.writeString(dir.resolve("other.yml"), "colour: red\n");

        int code = run("config", "check", config.toString(), sources.toString(), rules.toString(), neither.toString(),
                dir.resolve("missing.yml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(config + ":2: bus.partitions: 'lots' is not a whole number")
                .contains(config + ":3: bus.capacity: '10' is not a whole number (write it without quotes)")
                .contains("crawler.concurency: unknown key 'concurency'")
                .contains(neither + ": cannot tell what this file configures")
                .contains(dir.resolve("missing.yml") + ": no such file");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(rules + ": valid site rules").doesNotContain(config + ": valid");
    }
}
