package io.chipwatch.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the file and bus ledgers share: the state in memory and the entries that change it. A
 * change is written to the journal first and applied to memory only once the write returned, so
 * nothing the stage acts on can be forgotten; subclasses say where the journal lives.
 * Thread-safe: the alert and delivery stages of a process share one ledger.
 */
abstract class JournaledLedger implements AlertLedger {

    protected final LedgerEntries entries = new LedgerEntries();
    protected final LedgerState state = new LedgerState();

    /**
     * Writes one entry durably, or throws.
     *
     * @param key what the entry is about ({@code alert|rule|key}, {@code sent|alert|article},
     *            {@code delivered|alert|sink}): a compacted topic keeps the latest entry per key
     */
    protected abstract void journal(String key, String entry);

    @Override
    public synchronized Optional<Alert> last(String rule, String key) {
        return state.last(rule, key);
    }

    @Override
    public synchronized Optional<Alert> sentFor(String rule, String key, String articleId) {
        return state.sentFor(rule, key, articleId);
    }

    @Override
    public synchronized void keep(Alert alert) {
        journal("alert|" + alert.rule() + "|" + alert.key(), entries.keep(alert));
        state.keep(alert);
    }

    @Override
    public synchronized void sent(Alert alert, String articleId, List<String> sinks) {
        journal("sent|" + alert.id() + "|" + articleId, entries.sent(alert, articleId, sinks));
        state.sent(alert, articleId, sinks);
    }

    @Override
    public synchronized List<String> sinksOf(String alertId) {
        return state.sinksOf(alertId);
    }

    @Override
    public synchronized boolean delivered(String alertId, String sink) {
        return state.delivered(alertId, sink);
    }

    @Override
    public synchronized void markDelivered(String alertId, String sink) {
        if (state.delivered(alertId, sink)) {
            return;
        }
        journal("delivered|" + alertId + "|" + sink, entries.delivered(alertId, sink, Instant.now()));
        state.markDelivered(alertId, sink);
    }

    @Override
    public synchronized List<Pending> pending() {
        return state.pending();
    }

    @Override
    public synchronized List<Alert> recent(int limit) {
        return state.recent(limit);
    }
}
