package io.chipwatch.bus;

import java.util.List;

/** The topics of the pipeline, in the order records travel. */
public final class Topics {

    public static final String PAGES = "chipwatch.pages";
    public static final String ARTICLES = "chipwatch.articles";
    public static final String ENRICHED = "chipwatch.enriched";
    public static final String ALERTS = "chipwatch.alerts";
    /** One record per (alert, sink), keyed by the sink, so a slow sink holds up only its own deliveries. */
    public static final String ALERT_DELIVERIES = "chipwatch.alert-deliveries";
    public static final String DLQ = "chipwatch.dlq";
    /**
     * The alert stage's memory on Kafka: compacted, one partition, created by its ledger and so not
     * in {@link #ALL} (created there with the pipeline's settings, it would not be compacted).
     */
    public static final String ALERT_LEDGER = "chipwatch.alert-ledger";

    /** The topics records travel on, created together with the pipeline's partition count. */
    public static final List<String> ALL = List.of(PAGES, ARTICLES, ENRICHED, ALERTS, ALERT_DELIVERIES, DLQ);

    private Topics() {
    }
}
