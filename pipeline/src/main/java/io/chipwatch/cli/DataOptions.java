package io.chipwatch.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the embedded default keeps its index: {@code --data}, else $CHIPWATCH_DATA, else ./data. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded store (default: $CHIPWATCH_DATA, else ./data).")
    Path data;

    Path dir() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("CHIPWATCH_DATA");
        return Path.of(env == null || env.isBlank() ? "data" : env);
    }
}
