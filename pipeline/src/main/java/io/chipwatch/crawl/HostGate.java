package io.chipwatch.crawl;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness: one request in flight per host, a pause between the end of one request to a host and the start of
 * the next, and a cap on requests in flight across all hosts. Safe for concurrent callers; waiting threads sleep
 * or block, never spin.
 *
 * <p>The global slot is taken only after the host's pause has passed, so a thread waiting out one host's delay
 * never holds a slot another host could use.
 */
final class HostGate {

    private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();
    private final Semaphore inFlight;

    HostGate(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("crawler.concurrency must be at least 1, not " + concurrency);
        }
        this.inFlight = new Semaphore(concurrency, true);
    }

    /**
     * Waits for the host's turn; the caller makes exactly one request and then closes the permit.
     *
     * @param pause time to leave between the end of the previous request to this host and the start of this one
     */
    Permit enter(String host, Duration pause) throws InterruptedException {
        Host slot = hosts.computeIfAbsent(host, h -> new Host());
        slot.turn.acquire();
        try {
            long wait = Math.max(slot.lastEnd + pause.toNanos(), slot.quietUntil) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
        } catch (InterruptedException e) {
            slot.turn.release();
            throw e;
        }
        return new Permit(slot);
    }

    /** Per-host state; the fields are read and written only by the thread holding {@code turn}. */
    private static final class Host {
        private final Semaphore turn = new Semaphore(1, true);
        private long lastEnd = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
        private long quietUntil = lastEnd;
    }

    /** The right to make one request to a host. */
    final class Permit implements AutoCloseable {

        private final Host slot;
        private boolean closed;

        private Permit(Host slot) {
            this.slot = slot;
        }

        /** Keeps the host quiet for at least this long after the request ends (Retry-After, backoff). */
        void holdOff(Duration quiet) {
            slot.quietUntil = Math.max(slot.quietUntil, System.nanoTime() + quiet.toNanos());
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            slot.lastEnd = System.nanoTime();
            inFlight.release();
            slot.turn.release();
        }
    }
}
