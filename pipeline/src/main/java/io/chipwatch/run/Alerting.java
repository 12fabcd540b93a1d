package io.chipwatch.run;

import io.chipwatch.alert.AlertCodec;
import io.chipwatch.alert.AlertLedger;
import io.chipwatch.alert.AlertRules;
import io.chipwatch.alert.AlertSink;
import io.chipwatch.alert.BusAlertLedger;
import io.chipwatch.alert.FileAlertLedger;
import io.chipwatch.alert.IdentityKeys;
import io.chipwatch.alert.RuleMatcher;
import io.chipwatch.alert.Sinks;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.stage.AlertStage;
import io.chipwatch.stage.DeliveryStage;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.stage.StageRunner;
import io.chipwatch.store.SearchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The alert stage's parts: rules and sinks from the alerts file, the ledger (under
 * {@code data/alerts}, or on Kafka a compacted topic), and the runners of the alert stage
 * (group chipwatch-alert) and of the delivery stage (group chipwatch-alert-delivery), which
 * share the ledger and so run in one process.
 */
public final class Alerting implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Alerting.class);

    /** A sink may be down for a while; checking every half minute is often enough and spares it a storm. */
    public static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);
    static final String BUNDLED = "chipwatch/config/alerts.yml";

    private final AlertRules rules;
    private final Map<String, AlertSink> sinks;
    private final AlertLedger ledger;
    private final Duration maxRetryPause;

    Alerting(AlertRules rules, Map<String, AlertSink> sinks, AlertLedger ledger, Duration maxRetryPause) {
        this.rules = rules;
        this.sinks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sinks));
        this.ledger = ledger;
        this.maxRetryPause = maxRetryPause;
    }

    /**
     * @param rulesFile the alerts file; the default path falls back to the copy in the jar
     * @param dataDir   the data folder; the ledger lives in its {@code alerts} folder
     * @param env       the environment the sinks take their secrets from ({@code System::getenv})
     */
    public static Alerting open(Path rulesFile, Path dataDir, Function<String, String> env, Duration maxRetryPause) {
        return open(rulesFile, dataDir, env, maxRetryPause, null);
    }

    /**
     * As {@link #open(Path, Path, Function, Duration)}, with the search store the {@code index}
     * sinks write to. Pass the store the index stage uses, never a second one on the same
     * folder: Lucene allows one writer.
     *
     * @param store asked for at each delivery to an index sink, so it may open the store lazily
     *              or hand over one made after this call; null when there is none
     */
    public static Alerting open(Path rulesFile, Path dataDir, Function<String, String> env, Duration maxRetryPause,
                                Supplier<SearchStore> store) {
        return open(rulesFile, env, maxRetryPause, store, () -> FileAlertLedger.open(dataDir.resolve("alerts")));
    }

    /** @param ledger opens the ledger, once the alerts file has proved valid */
    private static Alerting open(Path rulesFile, Function<String, String> env, Duration maxRetryPause,
                                 Supplier<SearchStore> store, Supplier<AlertLedger> ledger) {
        AlertRules rules = rules(rulesFile);
        Map<String, AlertSink> sinks = Sinks.withDefaults(env, store).build(rules.sinks());
        AlertLedger opened = ledger.get();
        log.info("Alerts: {} rules, sinks {}, ledger in {}", rules.rules().size(), sinks.keySet(), opened);
        return new Alerting(rules, sinks, opened, maxRetryPause);
    }

    /** With the ledger in the data folder ({@code data/alerts}), for the embedded pipeline. */
    public static Alerting open(ChipwatchConfig config) {
        return open(config, (Supplier<SearchStore>) null);
    }

    /** From the configuration, with the search store the {@code index} sinks write to (or null). */
    public static Alerting open(ChipwatchConfig config, Supplier<SearchStore> store) {
        return open(config.alerts(), config.data(), System::getenv, MAX_RETRY_PAUSE, store);
    }

    /**
     * For a stage process on this bus. On Kafka the ledger is the compacted topic
     * {@link Topics#ALERT_LEDGER}, so the alert stage can move to another host without sending
     * anything again; on the in-memory bus, which keeps nothing, it stays in {@code data/alerts}.
     *
     * @param store the store the {@code index} sinks write to, or null
     */
    public static Alerting open(ChipwatchConfig config, Bus bus, Supplier<SearchStore> store) {
        if (!"kafka".equals(config.bus().kind())) {
            return open(config, store);
        }
        return open(config.alerts(), System::getenv, MAX_RETRY_PAUSE, store, () -> BusAlertLedger.open(bus));
    }

    /** The alerts file, or for the default path when it is missing, the copy in the jar. */
    public static AlertRules rules(Path file) {
        try {
            if (Files.isRegularFile(file) || !file.equals(ChipwatchConfig.DEFAULT_ALERTS)) {
                return AlertRules.load(file);
            }
            try (InputStream in = Alerting.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalArgumentException("alerts file " + file + " does not exist");
                }
                return AlertRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "(built-in) " + BUNDLED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alerts file " + file, e);
        }
    }

    /** The alert stage's runner. */
    public StageRunner alertRunner(Bus bus, RecordCodec codec, Duration poll) {
        AlertStage alert = new AlertStage(rules.rules(), new RuleMatcher(rules.rules(), new IdentityKeys()), ledger, codec,
                Clock.systemUTC());
        return new StageRunner(bus, "chipwatch-alert", List.of(Topics.ENRICHED), alert, poll);
    }

    /**
     * The delivery stage's runners, one per sink up to the topic's partitions: a runner retrying
     * a sink that is down holds up its whole batch, so each sink wants a runner of its own (two
     * sinks whose names hash to one partition still share one).
     */
    public List<StageRunner> deliveryRunners(Bus bus, Duration poll, int partitions) {
        int count = Math.max(1, Math.min(sinks.size(), partitions));
        List<StageRunner> out = new java.util.ArrayList<>(count);
        DeliveryStage delivery = new DeliveryStage(sinks, ledger);
        for (int i = 0; i < count; i++) {
            out.add(new StageRunner(bus, "chipwatch-alert-delivery", List.of(Topics.ALERT_DELIVERIES), delivery, poll, maxRetryPause));
        }
        return out;
    }

    /**
     * Publishes again the deliveries the ledger has not seen done: on the in-memory bus they die
     * with the process. On Kafka they are usually still on their topic; the copies are then
     * dropped by the delivery stage, which asks the ledger first.
     */
    public int requeuePending(Bus bus) {
        AlertCodec codec = new AlertCodec();
        List<AlertLedger.Pending> pending = ledger.pending();
        for (AlertLedger.Pending p : pending) {
            if (!sinks.containsKey(p.sink())) {
                log.warn("alert {} is not delivered to {}, which the alerts file no longer defines", p.alert().id(), p.sink());
                continue;
            }
            bus.publish(Topics.ALERT_DELIVERIES, p.sink(), codec.delivery(p.alert(), p.sink())).join();
        }
        if (!pending.isEmpty()) {
            log.info("Alerts: {} deliveries left undone last time are queued again", pending.size());
        }
        return pending.size();
    }

    public AlertLedger ledger() {
        return ledger;
    }

    public AlertRules rules() {
        return rules;
    }

    public Map<String, AlertSink> sinks() {
        return new LinkedHashMap<>(sinks);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
