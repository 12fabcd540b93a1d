package io.chipwatch.alert;

import java.util.List;
import java.util.Optional;

/**
 * What the alert stages remember between articles and across restarts: per rule and
 * announcement key the last alert (whose sources grow with each article), which alert each
 * article caused to be sent, and which (alert, sink) deliveries are done. The alert stage
 * writes the state before it publishes, and the delivery stage asks it before it sends, so a
 * record handled twice (delivery is at least once) sends nothing twice. Implementations are
 * thread-safe: the alert and delivery stages share one.
 */
public interface AlertLedger extends AutoCloseable {

    /** The last alert kept for the rule and key, sent or not; empty for an announcement not seen yet. */
    Optional<Alert> last(String rule, String key);

    /** The alert sent when this article was handled under the rule and key, if handling it sent one. */
    Optional<Alert> sentFor(String rule, String key, String articleId);

    /** Keeps the alert as the state of its rule and key, without sending it (a repost, or held back by the throttle). */
    void keep(Alert alert);

    /** Keeps the alert as the state of its rule and key and records that the article sent it to these sinks. */
    void sent(Alert alert, String articleId, List<String> sinks);

    /** The sinks an alert was sent to, empty for an alert that was not sent. */
    List<String> sinksOf(String alertId);

    boolean delivered(String alertId, String sink);

    void markDelivered(String alertId, String sink);

    /** Sent alerts not yet delivered to one of their sinks, oldest first. */
    List<Pending> pending();

    /** Sent alerts, newest first. */
    List<Alert> recent(int limit);

    @Override
    void close();

    /** One delivery still to do. */
    record Pending(Alert alert, String sink) {
    }
}
