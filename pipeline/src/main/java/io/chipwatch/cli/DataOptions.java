package io.chipwatch.cli;

import io.chipwatch.config.ChipwatchConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the embedded default keeps its index: {@code --data}, else the configuration's {@code data}
 * (which $CHIPWATCH_DATA overrides), else ./data.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded store (default: the configuration's data, which $CHIPWATCH_DATA overrides; else ./data).")
    Path data;

    /** The configuration with --data, when given, as its data folder. */
    ChipwatchConfig applyTo(ChipwatchConfig config) {
        return data == null ? config : config.withData(data);
    }

    /**
     * The index in {@code dir}, for a command that only reads it: a folder that does not exist is a
     * usage error (exit 2) rather than an empty store made on the spot, so a typo in --data is told, not hidden.
     */
    static Path existingIndex(picocli.CommandLine commandLine, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new picocli.CommandLine.ParameterException(commandLine, "no data folder " + dir.toAbsolutePath()
                    + ": nothing was ingested there (check --data, $CHIPWATCH_DATA or the configuration's data)");
        }
        Path index = dir.resolve("index");
        if (!Files.isDirectory(index)) {
            throw new picocli.CommandLine.ParameterException(commandLine, "no search index in " + dir.toAbsolutePath()
                    + ": nothing was ingested there yet (check --data, $CHIPWATCH_DATA or the configuration's data)");
        }
        return index;
    }
}
