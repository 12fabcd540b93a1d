package io.chipwatch.store;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs a request against Elasticsearch, again with exponential backoff when the failure may
 * pass: the cluster could not be reached (I/O errors), is overloaded (429) or failed inside
 * (5xx). Anything else (400 mapping errors, 404…) is final at once. Every request the store
 * makes is idempotent (deterministic ids), so repeating one is safe. Thread-safe (immutable).
 */
final class ElasticsearchRetries {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchRetries.class);

    private final int attempts;
    private final Duration backoff;

    ElasticsearchRetries(int attempts, Duration backoff) {
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** The request's answer, or a StoreException: retryable when the last failure was, after all attempts. */
    <T> T call(String what, Request<T> request) {
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return request.run();
            } catch (Exception e) {
                if (!retryable(e)) {
                    throw new StoreException(what + ": " + describe(e), false, e);
                }
                last = e;
                if (attempt < attempts) {
                    long wait = backoff.toMillis() << (attempt - 1);
                    LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, attempts, wait, describe(e));
                    sleep(wait, what, e);
                }
            }
        }
        throw new StoreException(what + " failed " + attempts + " times: " + describe(last), true, last);
    }

    static boolean retryable(Exception e) {
        if (e instanceof ElasticsearchException es) {
            return retryableStatus(es.status());
        }
        if (e instanceof TransportException te) {
            return retryableStatus(te.statusCode());
        }
        if (e instanceof BulkFailure bulk) {
            return bulk.retryable();
        }
        return e instanceof IOException;
    }

    static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    private static String describe(Exception e) {
        return e instanceof BulkFailure || e instanceof ElasticsearchException
                ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void sleep(long millis, String what, Exception cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + " was interrupted while waiting to retry", true, cause);
        }
    }

    /** One request; may throw what the client throws. */
    @FunctionalInterface
    interface Request<T> {
        T run() throws Exception;
    }

    /** Items of a bulk request failed; retryable when each of them failed with 429 or 5xx. */
    static final class BulkFailure extends Exception {

        private final boolean retryable;

        BulkFailure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }
}
