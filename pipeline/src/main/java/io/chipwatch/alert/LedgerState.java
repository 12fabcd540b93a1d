package io.chipwatch.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's memory, the same whatever stores it: entries are applied in the order they were
 * written, at open (replay) and after each write. Not thread-safe; the ledger holds the lock.
 */
final class LedgerState {

    private final Map<String, Alert> last = new HashMap<>();
    private final Map<String, String> sentByArticle = new HashMap<>();
    /** Sent alerts by id, in the order they were sent. */
    private final Map<String, Sent> sent = new LinkedHashMap<>();
    private final Set<String> delivered = new HashSet<>();

    private record Sent(Alert alert, List<String> sinks) {
    }

    Optional<Alert> last(String rule, String key) {
        return Optional.ofNullable(last.get(rule + "\n" + key));
    }

    Optional<Alert> sentFor(String rule, String key, String articleId) {
        String id = sentByArticle.get(rule + "\n" + key + "\n" + articleId);
        return id == null ? Optional.empty() : Optional.of(sent.get(id).alert());
    }

    void keep(Alert alert) {
        last.put(alert.rule() + "\n" + alert.key(), alert);
    }

    void sent(Alert alert, String articleId, List<String> sinks) {
        keep(alert);
        sent.put(alert.id(), new Sent(alert, List.copyOf(sinks)));
        if (articleId != null) {
            sentByArticle.put(alert.rule() + "\n" + alert.key() + "\n" + articleId, alert.id());
        }
    }

    List<String> sinksOf(String alertId) {
        Sent s = sent.get(alertId);
        return s == null ? List.of() : s.sinks();
    }

    boolean delivered(String alertId, String sink) {
        return delivered.contains(alertId + "\n" + sink);
    }

    void markDelivered(String alertId, String sink) {
        delivered.add(alertId + "\n" + sink);
    }

    List<AlertLedger.Pending> pending() {
        List<AlertLedger.Pending> out = new ArrayList<>();
        for (Sent s : sent.values()) {
            for (String sink : s.sinks()) {
                if (!delivered(s.alert().id(), sink)) {
                    out.add(new AlertLedger.Pending(s.alert(), sink));
                }
            }
        }
        return out;
    }

    List<Alert> recent(int limit) {
        List<Alert> all = new ArrayList<>(sent.values().stream().map(Sent::alert).toList());
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(Math.max(limit, 0), all.size()));
    }
}
