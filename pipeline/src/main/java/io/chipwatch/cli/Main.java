package io.chipwatch.cli;

import picocli.CommandLine;

/** Process entry point: parses the command line and exits with the command's status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 failure, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new ChipwatchCommand()).execute(args);
    }
}
