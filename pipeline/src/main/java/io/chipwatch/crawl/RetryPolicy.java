package io.chipwatch.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Which answers are worth another attempt, and how long to wait before it. Thread-safe. */
final class RetryPolicy {

    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);

    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;

    RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("crawler.max_attempts must be at least 1, not " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    boolean retriable(int httpStatus) {
        return RETRIED.contains(httpStatus);
    }

    boolean attemptsLeft(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Exponential backoff: {@code backoff * 2^(n-1)} after the n-th failed attempt, scaled by a random 0.75–1.25
     * so that many callers hit by the same outage do not come back in step, then capped at maxBackoff.
     */
    Duration delayAfter(int failedAttempts) {
        long base = backoff.toMillis() << Math.min(failedAttempts - 1, 20);
        long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.75, 1.25));
        return Duration.ofMillis(Math.min(Math.max(jittered, 0), maxBackoff.toMillis()));
    }

    /**
     * Reads Retry-After: delay-seconds or an HTTP-date.
     *
     * @return empty when absent or unreadable (the caller then uses {@link #delayAfter})
     */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
