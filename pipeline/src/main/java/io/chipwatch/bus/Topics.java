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

    public static final List<String> ALL = List.of(PAGES, ARTICLES, ENRICHED, ALERTS, ALERT_DELIVERIES, DLQ);

    private Topics() {
    }
}
