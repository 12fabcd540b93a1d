package io.chipwatch.cli;

import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.crawl.HttpPageFetcher;
import io.chipwatch.crawl.Source;
import io.chipwatch.crawl.SourceCheck;
import io.chipwatch.crawl.SourcesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code chipwatch sources list|check}: what the crawler follows, and whether it can reach it. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "The crawler's sources file: list the sources, or validate it and try every listing once.",
        subcommands = {SourcesCommand.ListCommand.class, SourcesCommand.CheckCommand.class})
final class SourcesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The file to read: --sources, else the profile's, else config/sources.yml (or the copy in the jar). */
    static final class FileOptions {

        @Mixin
        ProfileOptions profile = new ProfileOptions();

        @Option(names = "--sources", paramLabel = "FILE", description = "The sources file (default: from the profile, config/sources.yml).")
        Path file;

        SourcesFile load() throws java.io.IOException {
            if (file != null) {
                return SourcesFile.read(file);
            }
            ChipwatchConfig config = profile.load();
            return SourcesFile.readOrDefault(config.sources());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per source: name, site, schedule, discovery.")
    static final class ListCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        FileOptions options = new FileOptions();

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            SourcesFile file;
            try {
                file = options.load();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("chipwatch: invalid sources file: " + e.getMessage());
                return 2;
            }
            for (Source s : file.sources()) {
                out.printf("%-16s %-12s %-14s %s%s%n", s.name(), s.site() == null ? "" : s.site(), s.schedule(),
                        String.join(", ", s.discover().stream().map(d -> d.type() + " " + d.url()).toList()),
                        s.enabled() ? "" : "  (disabled)");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate the sources file, then fetch each source's listings once (robots.txt obeyed) and report",
                    "which are reachable. Exit 0: valid and all reachable; 1: some unreachable; 2: the file is invalid."})
    static final class CheckCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        FileOptions options = new FileOptions();

        @Option(names = "--source", paramLabel = "NAME", split = ",", description = "Only these sources.")
        List<String> only;

        @Option(names = "--offline", description = "Only validate the file; fetch nothing.")
        boolean offline;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            SourcesFile file;
            try {
                file = options.load();
            } catch (IllegalArgumentException e) {
                err.println("chipwatch: invalid sources file: " + e.getMessage());
                err.flush();
                return 2;
            }
            List<Source> selected = new ArrayList<>();
            if (only == null) {
                selected.addAll(file.enabled());
            } else {
                for (String name : only) {
                    selected.add(file.source(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                            "no source named '" + name + "'")));
                }
            }
            out.printf("sources file valid: %d sources, %d enabled%n", file.sources().size(), file.enabled().size());
            if (offline) {
                out.flush();
                return 0;
            }
            int unreachable = 0;
            try (HttpPageFetcher fetcher = new HttpPageFetcher(file.crawler())) {
                SourceCheck check = new SourceCheck(fetcher);
                for (Source source : selected) {
                    boolean any = false;
                    for (SourceCheck.ListingCheck c : check.check(source)) {
                        any |= c.reachable();
                        out.printf("%-4s %-16s %-8s %s  %s%n", c.reachable() ? "ok" : "FAIL", c.source(), c.discovery().type(),
                                c.discovery().url(), c.reachable() ? c.links() + " links" + (c.problem() == null ? "" : " — " + c.problem())
                                        : c.problem());
                        out.flush();
                    }
                    unreachable += any ? 0 : 1;
                }
            }
            out.printf("%d of %d sources reachable%n", selected.size() - unreachable, selected.size());
            out.flush();
            return unreachable == 0 ? 0 : 1;
        }
    }
}
