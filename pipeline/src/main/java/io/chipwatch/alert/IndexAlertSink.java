package io.chipwatch.alert;

import io.chipwatch.store.SearchStore;
import io.chipwatch.store.StoreException;

import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps alerts in the search store ({@code chipwatch-alerts}), where {@code chipwatch search
 * --alerts} and Kibana find them. The document id is the alert id, so a delivery repeated
 * after a failure replaces the document rather than adding a second one.
 *
 * <p>The store is asked for at each delivery, not when the sink is built: on the embedded
 * default the pipeline opens its store after the alert stage's parts are made, and Lucene
 * allows one writer per folder, so the sink must use that very store instead of opening one.
 * Thread-safe when the supplier is (the stores are).
 */
public final class IndexAlertSink implements AlertSink {

    private final String name;
    private final Supplier<SearchStore> store;

    /** @param store the store to write to; it may throw a {@link StoreException} when there is none or it cannot be opened */
    public IndexAlertSink(String name, Supplier<SearchStore> store) {
        this.name = name;
        this.store = store;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        try {
            store.get().index(List.of(AlertDocs.of(alert)));
        } catch (StoreException e) {
            // A store message names folders, hosts and index names, never a credential (ElasticsearchConfig hides them).
            throw new DeliveryException("cannot index alert " + alert.id() + ": " + e.getMessage(), e.retryable());
        }
    }
}
