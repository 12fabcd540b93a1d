package io.chipwatch.cli;

import io.chipwatch.alert.Alert;
import io.chipwatch.alert.AlertLedger;
import io.chipwatch.alert.AlertRule;
import io.chipwatch.alert.AlertRules;
import io.chipwatch.alert.AlertSink;
import io.chipwatch.alert.DeliveryException;
import io.chipwatch.alert.FileAlertLedger;
import io.chipwatch.alert.SampleAlert;
import io.chipwatch.alert.SinkConfig;
import io.chipwatch.alert.Sinks;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.run.Alerting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code chipwatch alerts test|list}: try a rule's sinks, see what was sent. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Alerts: send a test alert through a rule's sinks, or list the alerts sent.",
                "  chipwatch alerts test huawei-ai-chips", "  chipwatch alerts list --limit 20"},
        subcommands = {AlertsCommand.Test.class, AlertsCommand.ListAlerts.class})
final class AlertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: test or list");
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send a sample alert, marked 【测试】, through every sink of the rule; prints OK or the error per sink.")
    static final class Test implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RULE", description = "Name of the rule whose sinks to try.")
        String rule;

        @Option(names = "--alerts", paramLabel = "FILE", description = "The alerts file (default: config/alerts.yml, else the built-in one).")
        Path alerts = ChipwatchConfig.DEFAULT_ALERTS;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            AlertRules rules = Alerting.rules(alerts);
            AlertRule r = rules.rules().stream().filter(x -> x.name().equals(rule)).findFirst().orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "no rule named " + rule + "; rules are "
                            + rules.rules().stream().map(AlertRule::name).toList()));
            Alert sample = SampleAlert.of(r, Instant.now());
            Sinks sinks = Sinks.withDefaults(System::getenv);
            int failed = 0;
            for (String name : r.sinks()) {
                SinkConfig config = rules.sinks().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                try {
                    AlertSink sink = sinks.build(config);
                    sink.deliver(sample);
                    out.printf("%s: OK%n", name);
                } catch (DeliveryException | IllegalArgumentException e) {
                    // both messages are made secret-free by the sinks and their builder
                    failed++;
                    out.printf("%s: FAILED: %s%n", name, e.getMessage());
                }
            }
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The alerts sent, newest first: from data/alerts on the embedded default, from the ledger topic with --profile kafka.")
    static final class ListAlerts implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data = new DataOptions();

        @Mixin
        ProfileOptions profile = new ProfileOptions();

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            io.chipwatch.config.ChipwatchConfig config = profile.load(data);
            if ("kafka".equals(config.bus().kind())) {
                try (io.chipwatch.bus.Bus bus = io.chipwatch.run.Components.bus(config);
                     AlertLedger ledger = io.chipwatch.alert.BusAlertLedger.open(bus)) {
                    print(ledger, out);
                }
                return 0;
            }
            Path dir = config.data().resolve("alerts");
            if (!Files.isRegularFile(dir.resolve(FileAlertLedger.FILE))) {
                out.println("no alerts in " + dir);
                out.flush();
                return 0;
            }
            try (AlertLedger ledger = FileAlertLedger.open(dir)) {
                print(ledger, out);
            }
            return 0;
        }

        private void print(AlertLedger ledger, PrintWriter out) {
            for (Alert a : ledger.recent(limit)) {
                List<String> sinks = ledger.sinksOf(a.id()).stream()
                        .map(s -> s + (ledger.delivered(a.id(), s) ? " delivered" : " pending")).toList();
                out.printf("%s  %s v%d  %s  %s  [%s]  %s%n", a.created(), a.kind(), a.version(), a.rule(), a.headline(),
                        String.join(", ", sinks), a.id());
            }
            out.flush();
        }
    }
}
