package io.chipwatch.crawl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Passes fetches through and counts how they ended, so one source run can report its 304s,
 * robots refusals and failures however deep in discovery they happened. One per source run.
 */
final class CountingFetcher implements PageFetcher {

    private static final int PROBLEMS_KEPT = 5;

    private final PageFetcher delegate;
    private final Map<FetchResult.Status, Integer> counts = new EnumMap<>(FetchResult.Status.class);
    private final List<String> problems = new ArrayList<>();

    CountingFetcher(PageFetcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws InterruptedException {
        FetchResult result = delegate.fetch(request);
        synchronized (this) {
            counts.merge(result.status(), 1, Integer::sum);
            if (result.status() != FetchResult.Status.OK && result.status() != FetchResult.Status.NOT_MODIFIED
                    && problems.size() < PROBLEMS_KEPT) {
                problems.add(result.status() + " " + result.requested() + ": " + result.reason());
            }
        }
        return result;
    }

    synchronized int count(FetchResult.Status status) {
        return counts.getOrDefault(status, 0);
    }

    synchronized int failures() {
        return count(FetchResult.Status.FAILED) + count(FetchResult.Status.BLOCKED) + count(FetchResult.Status.TOO_LARGE);
    }

    synchronized void problem(String text) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(text);
        }
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
