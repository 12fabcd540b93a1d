package io.chipwatch.alert;

/**
 * An alert that did not arrive. Retryable failures (timeouts, connection errors, HTTP 5xx and
 * 429, a service's own rate limit) may succeed later; the others (bad signature, unknown hook,
 * refused address) will not until the configuration changes. The message is safe to log: it
 * holds no secret. The cause is left out on purpose, since library messages may quote a URL
 * with its token.
 */
public class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
