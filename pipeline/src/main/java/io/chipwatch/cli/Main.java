package io.chipwatch.cli;

import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: parses the command line and exits with the command's status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 failure, 2 usage error. */
    public static int run(String... args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        return run(stdout, System.in, args);
    }

    /** Runs a command line with the given standard streams, as tests do. */
    public static int run(PrintStream out, InputStream in, String... args) {
        return commandLine(out, in).execute(args);
    }

    /** The command line with its commands wired to these streams. */
    static CommandLine commandLine(PrintStream out, InputStream in) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ExtractCommand.class) {
                    return cls.cast(new ExtractCommand(out, in));
                }
                if (cls == IngestCommand.class) {
                    return cls.cast(new IngestCommand(in));
                }
                if (cls == BenchCommand.class) {
                    return cls.cast(new BenchCommand(out));
                }
                return defaults.create(cls);
            }
        };
        CommandLine cli = new CommandLine(new ChipwatchCommand(), factory);
        cli.setOut(new PrintWriter(out, true));
        return cli;
    }
}
