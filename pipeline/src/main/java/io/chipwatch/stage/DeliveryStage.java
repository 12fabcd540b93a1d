package io.chipwatch.stage;

import io.chipwatch.alert.AlertCodec;
import io.chipwatch.alert.AlertLedger;
import io.chipwatch.alert.AlertSink;
import io.chipwatch.alert.DeliveryException;
import io.chipwatch.bus.BusRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Hands alerts to their sinks: {@code chipwatch.alert-deliveries} → webhook, chat, mail. Each
 * (alert, sink) is delivered once: the ledger says which are done, so a record seen again is
 * dropped. A sink that is down for now (timeouts, 5xx, rate limits) holds its record; the
 * runner retries it with growing pauses and never commits past it. A refusal that retrying
 * cannot fix (bad signature, unknown hook) goes to the DLQ with the sink's secret-free reason.
 */
public final class DeliveryStage implements Stage {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStage.class);

    private final Map<String, AlertSink> sinks;
    private final AlertLedger ledger;
    private final AlertCodec codec = new AlertCodec();

    public DeliveryStage(Map<String, AlertSink> sinks, AlertLedger ledger) {
        this.sinks = Map.copyOf(sinks);
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "alert-delivery";
    }

    @Override
    public List<Output> process(BusRecord input) throws TransientStageException, DeliveryException {
        AlertCodec.Delivery d = codec.readDelivery(input.value());
        String id = d.alert().id();
        if (ledger.delivered(id, d.sink())) {
            log.debug("alert {} was already delivered to {}", id, d.sink());
            return List.of();
        }
        AlertSink sink = sinks.get(d.sink());
        if (sink == null) {
            throw new IllegalArgumentException("no sink named " + d.sink() + " in the alerts file; sinks are " + sinks.keySet());
        }
        try {
            sink.deliver(d.alert());
        } catch (DeliveryException e) {
            if (e.retryable()) {
                throw new TransientStageException("sink " + d.sink() + " cannot take alert " + id + " for now: " + e.getMessage(), null);
            }
            throw e;
        }
        ledger.markDelivered(id, d.sink());
        log.info("alert {} delivered to {}", id, d.sink());
        return List.of();
    }
}
