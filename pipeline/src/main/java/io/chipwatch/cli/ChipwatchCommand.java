package io.chipwatch.cli;

import picocli.CommandLine.Command;
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
                BenchCommand.class, BenchPipelineCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (some input could not be processed)", "2:usage error"})
public final class ChipwatchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
