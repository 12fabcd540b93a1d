package io.chipwatch.cli;

import io.chipwatch.yaml.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Turns what a command throws into a line or two a user can act on, and the exit status:
 * 2 for usage and configuration errors (the command did not start), 1 for failures while
 * processing. The stack trace is printed only with {@code --debug} or CHIPWATCH_LOG_LEVEL=DEBUG.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int FAILURE = 1;
    static final int USAGE = 2;

    private final boolean debugFromEnvironment;

    ErrorReporter(boolean debugFromEnvironment) {
        this.debugFromEnvironment = debugFromEnvironment;
    }

    /** What a user reads: the lines, the exit status, and whether the error was foreseen. */
    record Report(int exitCode, List<String> lines, boolean foreseen) {
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (debug(cmd.getParseResult())) {
            ex.printStackTrace(err);
        }
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof ParameterException p) {
            return handleParseException(p, new String[0]);
        }
        PrintWriter err = cmd.getErr();
        Report report = report(ex);
        if (debug(parsed)) {
            ex.printStackTrace(err);
        }
        report.lines().forEach(line -> err.println("chipwatch: " + line));
        if (!report.foreseen() && !debug(parsed)) {
            err.println("chipwatch: run again with --debug for the stack trace");
        }
        err.flush();
        return report.exitCode();
    }

    /** The report for {@code e}: the first cause in its chain that chipwatch knows how to explain. */
    static Report report(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidConfigException c) {
                return new Report(USAGE, c.problems(), true);
            }
            if (t instanceof NoSuchFileException f) {
                return new Report(USAGE, List.of(f.getFile() + ": no such file"), true);
            }
            if (t instanceof AccessDeniedException f) {
                return new Report(FAILURE, List.of(f.getFile() + ": permission denied"), true);
            }
            if (t.getClass().getName().equals("org.apache.lucene.store.LockObtainFailedException")) {
                return new Report(FAILURE, List.of("the search index is in use by another chipwatch process (" + t.getMessage() + ")",
                        "stop that process (chipwatch run, ingest or crawl), or pass --data to a copy of the folder"), true);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException) {
                return new Report(FAILURE, List.of(firstLine(e) ,
                        "is the service running, and its address right (--profile/--config, CHIPWATCH_STORE_URLS, CHIPWATCH_BUS_BOOTSTRAP)?"), true);
            }
            if (t.getClass().getName().equals("org.apache.kafka.common.errors.TimeoutException")) {
                return new Report(FAILURE, List.of("Kafka did not answer: " + t.getMessage(),
                        "is it running, and bus.bootstrap (CHIPWATCH_BUS_BOOTSTRAP) right?"), true);
            }
        }
        return new Report(FAILURE, List.of(firstLine(e)), false);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e instanceof RuntimeException && e.getClass().getName().startsWith("io.chipwatch") ? message
                : e.getClass().getSimpleName() + ": " + message;
        return text.lines().findFirst().orElse(text);
    }

    /** --debug anywhere on the command line, or CHIPWATCH_LOG_LEVEL=DEBUG. */
    private boolean debug(ParseResult parsed) {
        if (debugFromEnvironment) {
            return true;
        }
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
