package io.chipwatch.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds each rule to its {@code max_per_hour}, over a sliding hour so a burst at ten to the hour
 * cannot be followed by another at five past. A news wave (one launch, fifty reposts that each
 * add a figure) must not flood a chat group. Thread-safe.
 */
public final class AlertThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    public AlertThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether the rule may send one more alert now; if so, counts it. */
    public synchronized boolean admit(AlertRule rule) {
        Instant now = clock.instant();
        Deque<Instant> times = sent.computeIfAbsent(rule.name(), k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= rule.maxPerHour()) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
