package io.chipwatch.alert;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ledger on a compacted topic of the bus ({@link Topics#ALERT_LEDGER} unless told
 * otherwise), so the alert stage's memory lives on the brokers: the stage can restart on another
 * host, with an empty data folder, and sends nothing twice.
 *
 * <p><b>Entries and keys.</b> Each change is one record holding the whole entry (the same JSON
 * as {@link FileAlertLedger}'s lines), keyed so that compaction drops only what a later entry
 * replaces: {@code alert|<rule>|<key>} for an alert kept without sending (only the latest one
 * counts), {@code sent|<alert id>|<article id>} for an alert sent, {@code delivered|<alert id>|<sink>}
 * for a delivery done. A sent entry also makes its alert the last of its rule and key; whichever
 * of a rule and key's entries came last is the latest of its own key, so compaction keeps it, and
 * replaying in offset order ends on it. That order is why the topic has a single partition.
 *
 * <p><b>Writes.</b> Each write waits for the bus to acknowledge the record before it returns and
 * before the state in memory changes, so the alert stage, which writes the ledger before it
 * publishes its outputs, never publishes an alert the ledger could forget. A write that is not
 * acknowledged throws {@link IllegalStateException}. Writes are serialised, so the topic's order
 * is the order the state changed in.
 *
 * <p><b>Opening.</b> Creates the topic if it is missing, then reads it whole and applies the
 * records in order. A record that cannot be read is logged and skipped: it costs at most one
 * repeated alert or delivery, where refusing to start would stop every alert.
 *
 * <p><b>One alert-stage instance.</b> The state is read once, at open; later entries of another
 * instance are not seen. Enriched records are keyed by article id, so two reports of one
 * announcement can reach two instances, and both would find the announcement new and send it.
 * Run the alert stage in one process at a time; another host can take over once it has stopped.
 * Thread-safe: the alert and delivery stages of the process share one.
 */
public final class BusAlertLedger extends JournaledLedger {

    private static final Logger log = LoggerFactory.getLogger(BusAlertLedger.class);
    /** A broker that has not acknowledged by then is not coming back soon: the write fails, as a full disk fails the file ledger's. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Bus bus;
    private final String topic;
    private boolean closed;

    private BusAlertLedger(Bus bus, String topic) {
        this.bus = bus;
        this.topic = topic;
    }

    /** Opens the ledger on {@link Topics#ALERT_LEDGER}. The bus stays the caller's to close. */
    public static BusAlertLedger open(Bus bus) {
        return open(bus, Topics.ALERT_LEDGER);
    }

    /** Opens the ledger on this topic (tests give each their own), creating it compacted if missing. */
    public static BusAlertLedger open(Bus bus, String topic) {
        bus.createCompactedTopic(topic, 1);
        BusAlertLedger ledger = new BusAlertLedger(bus, topic);
        ledger.replay();
        return ledger;
    }

    private void replay() {
        List<BusRecord> records = bus.readAll(topic);
        int skipped = 0;
        for (BusRecord r : records) {
            try {
                entries.apply(r.value(), state);
            } catch (IllegalArgumentException e) {
                skipped++;
                log.warn("Alert ledger {}: skipping unreadable record {} at partition {} offset {}: {}", topic, r.key(),
                        r.partition(), r.offset(), e.getMessage());
            }
        }
        log.info("Alert ledger {}: replayed {} of {} records{}", topic, records.size() - skipped, records.size(),
                skipped == 0 ? "" : " (" + skipped + " unreadable, skipped)");
    }

    /** Stops writes; the bus is not closed, it is the caller's. */
    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "topic " + topic;
    }

    @Override
    protected synchronized void journal(String key, String entry) {
        if (closed) {
            throw new IllegalStateException("alert ledger " + topic + " is closed");
        }
        try {
            bus.publish(topic, key, entry).get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("alert ledger " + topic + ": entry " + key + " was not acknowledged: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("alert ledger " + topic + ": entry " + key + " was not acknowledged within "
                    + ACK_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("alert ledger " + topic + ": interrupted while writing entry " + key, e);
        }
    }
}
