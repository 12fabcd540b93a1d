package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chipwatch.alert.AlertRules;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.config.ConfigLoader;
import io.chipwatch.crawl.SourcesFile;
import io.chipwatch.html.SiteRules;
import io.chipwatch.run.Alerting;
import io.chipwatch.yaml.InvalidConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code chipwatch config check [FILE...]}: validate configuration files without running anything. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Configuration: check files without running anything.", "  chipwatch config check",
                "  chipwatch config check config/sources.yml my-alerts.yml"},
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate configuration files: each is bound as chipwatch reads it, and every mistake is listed.",
                    "Without FILE: the configuration in effect (--profile or --config, with CHIPWATCH_* overrides) and the",
                    "sources and alerts files it names. A FILE's kind (configuration, sources, alerts, site rules) is told",
                    "by its top-level keys. Exit 0: all valid; 2: some invalid."})
    static final class Check implements Callable<Integer> {

        /** Top-level keys that tell each kind of file apart (the first kind that matches wins). */
        private static final List<Kind> KINDS = List.of(
                new Kind("configuration", Set.of("data", "bus", "store", "stages", "alerts")),
                new Kind("alerts", Set.of("rules", "sinks")),
                new Kind("site rules", Set.of("sites")),
                new Kind("sources", Set.of("crawler", "keywords", "sources")));

        record Kind(String name, Set<String> keys) {
        }

        @Spec
        CommandSpec spec;

        @Mixin
        ProfileOptions profile = new ProfileOptions();

        @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to check (default: the configuration in effect and its files).")
        List<Path> files;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<String> problems = new ArrayList<>();
            if (files == null || files.isEmpty()) {
                ChipwatchConfig config = check(problems, out, "configuration", profile.config != null ? profile.config.toString()
                        : "profile " + profile.profile, profile::load);
                if (config != null) {
                    check(problems, out, "sources", shown(config.sources()), () -> SourcesFile.readOrDefault(config.sources()));
                    check(problems, out, "alerts", shown(config.alerts()), () -> Alerting.rules(config.alerts()));
                }
            } else {
                for (Path file : files) {
                    checkFile(file, problems, out);
                }
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            problems.forEach(p -> err.println("chipwatch: " + p));
            err.flush();
            return problems.isEmpty() ? 0 : ErrorReporter.USAGE;
        }

        private void checkFile(Path file, List<String> problems, PrintWriter out) throws IOException {
            if (!Files.isRegularFile(file)) {
                problems.add(file + ": no such file");
                return;
            }
            JsonNode top;
            try {
                top = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            } catch (IOException e) {
                problems.add(file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
                return;
            }
            Kind kind = top == null || !top.isObject() ? null : KINDS.stream()
                    .filter(k -> k.keys().stream().anyMatch(top::has)).findFirst().orElse(null);
            if (kind == null) {
                problems.add(file + ": cannot tell what this file configures: expected the top-level keys of a configuration "
                        + "(bus, store, data, stages), sources (crawler, sources), alerts (rules, sinks) or site rules (sites)");
                return;
            }
            switch (kind.name()) {
                case "configuration" -> check(problems, out, kind.name(), file.toString(),
                        () -> new ConfigLoader(System.getenv()).file(file));
                case "alerts" -> check(problems, out, kind.name(), file.toString(), () -> AlertRules.load(file));
                case "site rules" -> check(problems, out, kind.name(), file.toString(), () -> SiteRules.read(file));
                default -> check(problems, out, kind.name(), file.toString(), () -> SourcesFile.read(file));
            }
        }

        private static String shown(Path file) {
            return Files.isRegularFile(file) ? file.toString() : file + " (absent: the copy in the jar)";
        }

        /** Loads one file; prints "ok" or collects its problems. Returns what was loaded, or null. */
        private static <T> T check(List<String> problems, PrintWriter out, String kind, String name, Loader<T> loader)
                throws IOException {
            try {
                T loaded = loader.load();
                out.println(name + ": valid " + kind + summary(loaded));
                return loaded;
            } catch (InvalidConfigException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        private static String summary(Object loaded) {
            if (loaded instanceof SourcesFile s) {
                return " (" + s.sources().size() + " sources, " + s.enabled().size() + " enabled)";
            }
            if (loaded instanceof AlertRules a) {
                return " (" + a.rules().size() + " rules, " + a.sinks().size() + " sinks)";
            }
            if (loaded instanceof ChipwatchConfig c) {
                return " (" + c.bus().kind() + " bus, " + c.store().kind() + " store, stages " + String.join(",", c.stages()) + ")";
            }
            return "";
        }

        private interface Loader<T> {
            T load() throws IOException;
        }
    }
}
