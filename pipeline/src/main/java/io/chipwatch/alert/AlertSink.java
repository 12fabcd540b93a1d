package io.chipwatch.alert;

/**
 * Somewhere alerts go: a chat group, a webhook, a mailbox. One call is one attempt; the caller
 * retries what {@link DeliveryException#retryable()} says may succeed later. Implementations
 * are thread-safe and never put a secret (token, signing key, password) into a log line or an
 * exception message.
 */
public interface AlertSink {

    /** The name the rules use for this sink. */
    String name();

    void deliver(Alert alert) throws DeliveryException;
}
