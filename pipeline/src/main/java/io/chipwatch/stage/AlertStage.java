package io.chipwatch.stage;

import io.chipwatch.alert.Alert;
import io.chipwatch.alert.AlertCandidate;
import io.chipwatch.alert.AlertCodec;
import io.chipwatch.alert.AlertComposer;
import io.chipwatch.alert.AlertLedger;
import io.chipwatch.alert.AlertRule;
import io.chipwatch.alert.AlertThrottle;
import io.chipwatch.alert.RuleMatcher;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enriched articles to alerts: {@code chipwatch.enriched} → {@code chipwatch.alerts} (the alert,
 * keyed by its id) and {@code chipwatch.alert-deliveries} (one record per sink of the rule, keyed
 * by the sink). The ledger decides whether an announcement is new, changed or a repeat, and is
 * written before the outputs are published.
 *
 * <p>Handling an article a second time (a crash between the ledger write and the commit) must
 * not lose its alert: the ledger then already holds the article, and the alert it sent then is
 * published again under the same id; the delivery stage drops what was already delivered.
 * Runs as a single instance: each instance reads the ledger once, at start, and enriched records
 * are keyed by article id, so two instances could both send one announcement (see
 * {@link io.chipwatch.alert.BusAlertLedger}).
 */
public final class AlertStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(AlertStage.class);

    private final RuleMatcher matcher;
    private final Map<String, AlertRule> rules = new LinkedHashMap<>();
    private final AlertComposer composer = new AlertComposer();
    private final AlertThrottle throttle;
    private final AlertLedger ledger;
    private final RecordCodec codec;
    private final AlertCodec alerts = new AlertCodec();
    private final Clock clock;

    public AlertStage(List<AlertRule> rules, RuleMatcher matcher, AlertLedger ledger, RecordCodec codec, Clock clock) {
        rules.forEach(r -> this.rules.put(r.name(), r));
        this.matcher = matcher;
        this.ledger = ledger;
        this.codec = codec;
        this.clock = clock;
        this.throttle = new AlertThrottle(clock);
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public List<Output> process(BusRecord input) {
        RecordCodec.EnrichedRecord r = codec.readEnriched(input.value());
        Article article = r.article();
        List<Output> out = new ArrayList<>();
        for (AlertCandidate c : matcher.match(article, r.analysis())) {
            Optional<Alert> again = ledger.sentFor(c.rule(), c.key(), article.id());
            if (again.isPresent()) {
                log.info("alert {} ({}) published again: article {} was handled before", again.get().id(), c.rule(), article.id());
                out.addAll(outputs(again.get(), ledger.sinksOf(again.get().id())));
                continue;
            }
            AlertComposer.Outcome next = composer.next(ledger.last(c.rule(), c.key()).orElse(null), c, clock.instant());
            AlertRule rule = rules.get(c.rule());
            if (!next.send()) {
                ledger.keep(next.alert());
            } else if (!throttle.admit(rule)) {
                // kept, so the next article is compared with what is known, but not sent: the rule's hour is full
                log.warn("rule {} reached max_per_hour {}: alert {} ({}) is kept but not sent", rule.name(), rule.maxPerHour(),
                        next.alert().id(), next.alert().headline());
                ledger.keep(next.alert());
            } else {
                log.info("alert {} {} v{} ({}): {}", next.alert().id(), next.alert().kind(), next.alert().version(), rule.name(),
                        next.alert().headline());
                ledger.sent(next.alert(), article.id(), rule.sinks());
                out.addAll(outputs(next.alert(), rule.sinks()));
            }
        }
        return out;
    }

    private List<Output> outputs(Alert alert, List<String> sinks) {
        List<Output> out = new ArrayList<>(sinks.size() + 1);
        out.add(new Output(Topics.ALERTS, alert.id(), alerts.alert(alert)));
        for (String sink : sinks) {
            out.add(new Output(Topics.ALERT_DELIVERIES, sink, alerts.delivery(alert, sink)));
        }
        return out;
    }
}
