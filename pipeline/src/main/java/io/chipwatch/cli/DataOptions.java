package io.chipwatch.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the embedded default keeps its index: {@code --data}, else $CHIPWATCH_DATA, else ./data. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded store (default: $CHIPWATCH_DATA, else ./data).")
    Path data;

    /**
     * The folder, for a command that only reads it: a folder that does not exist is a usage error
     * (exit 2) rather than an empty store made on the spot, so a typo in --data is told, not hidden.
     */
    Path existingIndex(picocli.CommandLine commandLine) {
        Path dir = dir();
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new picocli.CommandLine.ParameterException(commandLine, "no data folder " + dir.toAbsolutePath()
                    + ": nothing was ingested there (check --data or $CHIPWATCH_DATA)");
        }
        Path index = dir.resolve("index");
        if (!java.nio.file.Files.isDirectory(index)) {
            throw new picocli.CommandLine.ParameterException(commandLine, "no search index in " + dir.toAbsolutePath()
                    + ": nothing was ingested there yet (check --data or $CHIPWATCH_DATA)");
        }
        return index;
    }

    Path dir() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("CHIPWATCH_DATA");
        return Path.of(env == null || env.isBlank() ? "data" : env);
    }
}
