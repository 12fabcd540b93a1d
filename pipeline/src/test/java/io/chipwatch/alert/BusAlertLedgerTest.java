package io.chipwatch.alert;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.KafkaBus;
import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger on a compacted topic; each test has a topic of its own on the shared broker. */
@ExtendWith(KafkaBrokerExtension.class)
class BusAlertLedgerTest {

    private final String topic = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
    private final Alert first = Fixtures.alert();
    private final Alert repost = new AlertComposer().next(first, Fixtures.candidate("2026-Q1", List.of(Fixtures.shipments()),
            "https://other.example.cn/b/2"), Fixtures.NOW).alert();

    @Test
    void whatWasWrittenIsThereWhenAnotherProcessOpensIt(KafkaBroker broker) {
        try (Bus bus = kafka(broker); BusAlertLedger ledger = BusAlertLedger.open(bus, topic)) {
            write(ledger);
        }
        // a bus of its own, as on another host: the state can only come from the broker
        try (Bus bus = kafka(broker); BusAlertLedger ledger = BusAlertLedger.open(bus, topic)) {
            assertWritten(ledger);
        }
    }

    @Test
    void unreadableRecordsAreSkippedAndTheRestIsKept(KafkaBroker broker) {
        try (Bus bus = kafka(broker)) {
            try (BusAlertLedger ledger = BusAlertLedger.open(bus, topic)) {
                ledger.sent(first, "article-1", List.of("desk"));
            }
            bus.publish(topic, "alert|broken", "{not json").join();
            bus.publish(topic, "unknown|op", "{\"op\":\"forget\"}").join();
            try (BusAlertLedger ledger = BusAlertLedger.open(bus, topic)) {
                ledger.markDelivered(first.id(), "desk");
            }
            try (BusAlertLedger ledger = BusAlertLedger.open(bus, topic)) {
                assertThat(ledger.sentFor(first.rule(), first.key(), "article-1")).contains(first);
                assertThat(ledger.delivered(first.id(), "desk")).isTrue();
                assertThat(ledger.pending()).isEmpty();
            }
        }
    }

    /**
     * Compaction keeps only the latest record of each key, whenever it likes; the state must not
     * depend on it. Compacting by hand on the in-memory bus shows that without waiting for a broker's cleaner.
     */
    @Test
    void theLatestRecordOfEachKeyIsEnoughToRebuildTheState() {
        try (Bus bus = new InMemoryBus(1, 1_000)) {
            try (BusAlertLedger ledger = BusAlertLedger.open(bus, topic)) {
                ledger.keep(first);       // superseded by the sent entry below, then by the repost
                write(ledger);
            }
            Map<String, BusRecord> latest = new LinkedHashMap<>();
            bus.readAll(topic).forEach(r -> {
                latest.remove(r.key());
                latest.put(r.key(), r);   // re-inserted, so the map stays in offset order
            });
            assertThat(latest).hasSizeLessThan(bus.readAll(topic).size());
            String compacted = topic + "-compacted";
            latest.values().forEach(r -> bus.publish(compacted, r.key(), r.value()).join());

            try (BusAlertLedger ledger = BusAlertLedger.open(bus, compacted)) {
                assertWritten(ledger);
            }
        }
    }

    @Test
    void writingToAClosedLedgerFails() {
        try (Bus bus = new InMemoryBus(1, 1_000)) {
            BusAlertLedger ledger = BusAlertLedger.open(bus, topic);
            ledger.close();

            assertThatThrownBy(() -> ledger.keep(first)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    private void write(AlertLedger ledger) {
        ledger.sent(first, "article-1", List.of("desk", "archive"));
        ledger.keep(repost);
        ledger.markDelivered(first.id(), "desk");
        ledger.markDelivered(first.id(), "desk");  // done already: no second entry
    }

    private void assertWritten(AlertLedger ledger) {
        assertThat(ledger.last(first.rule(), first.key())).contains(repost);
        assertThat(ledger.sentFor(first.rule(), first.key(), "article-1")).contains(first);
        assertThat(ledger.sentFor(first.rule(), first.key(), "article-2")).isEmpty();
        assertThat(ledger.sinksOf(first.id())).containsExactly("desk", "archive");
        assertThat(ledger.delivered(first.id(), "desk")).isTrue();
        assertThat(ledger.pending()).containsExactly(new AlertLedger.Pending(first, "archive"));
        assertThat(ledger.recent(5)).containsExactly(first);
    }

    private static Bus kafka(KafkaBroker broker) {
        return new KafkaBus(broker.bootstrapServers(), (short) 1, Map.of());
    }
}
