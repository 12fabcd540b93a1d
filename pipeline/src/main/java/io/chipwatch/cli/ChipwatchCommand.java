package io.chipwatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code chipwatch} command; it only groups the subcommands. */
@Command(name = "chipwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Chinese semiconductor news: crawl, extract, enrich, index and alert.",
        subcommands = {ExtractCommand.class, RunCommand.class, CrawlCommand.class, SourcesCommand.class, IngestCommand.class,
                SearchCommand.class, FiguresCommand.class, ServeCommand.class, AlertsCommand.class, KibanaCommand.class, EvalCommand.class,
                BenchCommand.class, BenchPipelineCommand.class, ConfigCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (some input could not be processed, a service could not be reached)",
                "2:usage or configuration error (nothing was done)", "3:run: a stage stopped on its own (restart the process)"})
public final class ChipwatchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Log at DEBUG and show the stack trace of an error.")
    boolean debug;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "Log lines as text (default) or as one JSON object per line; also $CHIPWATCH_LOG_FORMAT.")
    Logging.Format logFormat;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
