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

    /** Runs a command line and returns its exit code: 0 ok, 1 failure, 2 usage or configuration error. */
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
        return commandLine(out, in, System.getenv());
    }

    /** @param env the environment: CHIPWATCH_LOG_LEVEL=DEBUG shows stack traces, CHIPWATCH_LOG_FORMAT=json logs JSON */
    static CommandLine commandLine(PrintStream out, InputStream in, java.util.Map<String, String> env) {
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
        ErrorReporter errors = new ErrorReporter("DEBUG".equalsIgnoreCase(env.get("CHIPWATCH_LOG_LEVEL")));
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionStrategy(parsed -> {
            Logging.Format format = "json".equalsIgnoreCase(env.get("CHIPWATCH_LOG_FORMAT")) ? Logging.Format.json : Logging.Format.text;
            boolean debug = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                debug |= p.hasMatchedOption("--debug");
                if (p.hasMatchedOption("--log-format")) {
                    format = p.matchedOptionValue("--log-format", format);
                }
            }
            Logging.apply(debug, format);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli;
    }
}
