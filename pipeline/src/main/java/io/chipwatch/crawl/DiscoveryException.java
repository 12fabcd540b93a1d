package io.chipwatch.crawl;

/** A listing that was fetched but is not what its source says it is. */
public class DiscoveryException extends Exception {

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
