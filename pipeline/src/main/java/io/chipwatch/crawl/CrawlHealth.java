package io.chipwatch.crawl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crawler's health from the runs of its sources: UP while sources get through; DEGRADED once
 * a source has failed every run for {@link #DEGRADED_AFTER}; DOWN when every source's runs are
 * failing (no network, a proxy refusing everything). A run fails when it got nothing at all and
 * had failures (an unreadable listing, every article fetch failing). Thread-safe: the scheduler's
 * threads record, the health endpoint and the progress line read.
 */
public final class CrawlHealth {

    public static final Duration DEGRADED_AFTER = Duration.ofHours(1);

    /** UP, DEGRADED or DOWN, as {@code /health} shows them. */
    public enum Status { UP, DEGRADED, DOWN }

    /** A source's failing streak: since when, how many runs, the last reason. */
    private record Failing(Instant since, int runs, String reason) {
    }

    private final Clock clock;
    private final List<String> sources;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRun = new ConcurrentHashMap<>();

    /** @param sources the names of the sources the crawler follows */
    public CrawlHealth(Collection<String> sources, Clock clock) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    /** Whether a run got nothing through: it failed, and nothing else came of it. */
    public static boolean failed(SourceReport r) {
        return r.failed() > 0 && r.fetched() + r.alreadySeen() + r.notModified() + r.disallowed() + r.offTopic() + r.duplicates() == 0;
    }

    public void record(SourceReport report) {
        Instant now = clock.instant();
        lastRun.put(report.source(), now);
        if (!failed(report)) {
            failing.remove(report.source());
            return;
        }
        String reason = report.problems().isEmpty() ? report.failed() + " failed" : report.problems().get(0);
        failing.merge(report.source(), new Failing(now, 1, reason), (old, fresh) -> new Failing(old.since(), old.runs() + 1, reason));
    }

    public Status status() {
        if (!sources.isEmpty() && failing.keySet().containsAll(sources)) {
            return Status.DOWN;
        }
        Instant limit = clock.instant().minus(DEGRADED_AFTER);
        return failing.values().stream().anyMatch(f -> !f.since().isAfter(limit)) ? Status.DEGRADED : Status.UP;
    }

    /** One line for the progress output: "23 of 23 sources unreachable: no network?", or empty while none fails. */
    public String summary() {
        int n = failing.size();
        if (n == 0) {
            return "";
        }
        if (status() == Status.DOWN) {
            return n + " of " + sources.size() + " sources unreachable: no network? (" + new TreeMap<>(failing).firstEntry().getValue().reason() + ")";
        }
        List<String> names = new ArrayList<>(new TreeMap<>(failing).keySet());
        return n + " of " + sources.size() + " sources failing: " + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? ", …" : "");
    }

    /** The crawler's part of {@code /health}. */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("status", status().name());
        node.put("sources", sources.size());
        node.put("sources_run", lastRun.size());
        node.put("sources_failing", failing.size());
        ObjectNode each = node.putObject("failing");
        Instant limit = clock.instant().minus(DEGRADED_AFTER);
        new TreeMap<>(failing).forEach((name, f) -> {
            ObjectNode s = each.putObject(name);
            s.put("since", f.since().toString());
            s.put("failed_runs", f.runs());
            s.put("degraded", !f.since().isAfter(limit));
            s.put("reason", f.reason());
        });
        return node;
    }
}
