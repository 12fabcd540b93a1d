package io.chipwatch.store;

/** The store could not do what was asked; {@code retryable} when trying again later may work. */
public class StoreException extends RuntimeException {

    private final boolean retryable;

    public StoreException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
