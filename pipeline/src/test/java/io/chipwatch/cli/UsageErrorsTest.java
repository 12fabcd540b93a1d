package io.chipwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Options that would do harm or hide a typo are refused before anything happens. */
class UsageErrorsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void searchingADataFolderThatDoesNotExistIsAUsageErrorAndCreatesNoFolder() {
        Path typo = dir.resolve("dtaa");

        int search = run("search", "--data", typo.toString(), "寒武纪");
        int figures = run("figures", "--data", typo.toString(), "--metric", "shipments");
        int alerts = run("alerts", "list", "--data", typo.toString());

        assertThat(search).isEqualTo(2);
        assertThat(figures).isEqualTo(2);
        assertThat(err.toString()).contains("no data folder " + typo.toAbsolutePath());
        assertThat(alerts).as("alerts list only reads what is there").isZero();
        assertThat(typo).doesNotExist();
    }

    @Test
    void searchingADataFolderWithoutAnIndexIsAUsageErrorAndCreatesNoIndex() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));

        int code = run("search", "--data", data.toString(), "寒武纪");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no search index in " + data.toAbsolutePath());
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void aProgressIntervalOfZeroIsAUsageError() {
        int code = run("run", "--progress", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--progress must be at least 1 second, not 0");
    }

    @Test
    void aConfigurationFilesDataFolderIsTheOneEveryCommandUses() throws Exception {
        Path data = dir.resolve("elsewhere");
        Path config = Files.writeString(dir.resolve("c.yml"), "data: " + data + "\nbus:\n  kind: memory\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        cli.setErr(new PrintWriter(err, true));

        int alerts = cli.execute("alerts", "list", "--config", config.toString());
        int search = run("search", "--config", config.toString(), "寒武纪");

        assertThat(alerts).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no alerts in " + data.resolve("alerts"));
        assertThat(search).isEqualTo(2);
        assertThat(err.toString()).contains("no data folder " + data.toAbsolutePath());
    }
}
