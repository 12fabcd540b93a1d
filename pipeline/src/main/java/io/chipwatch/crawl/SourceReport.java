package io.chipwatch.crawl;

import java.time.Duration;
import java.util.List;

/**
 * What one run of one source did.
 *
 * @param source      the source's name
 * @param discovered  distinct article links its listings gave
 * @param fetched     article pages fetched and put on the pages topic
 * @param alreadySeen links skipped because an earlier run took them
 * @param notModified listing or page fetches answered 304
 * @param disallowed  URLs robots.txt kept us from
 * @param failed      fetches that failed (HTTP errors after retries, timeouts, blocked addresses, too large) and unreadable listings
 * @param offTopic    articles dropped by the source's keywords
 * @param duplicates  articles found to be near-duplicates of an article already crawled
 * @param took        wall time of the run
 * @param problems    the first few failure reasons, for the log and the summary
 */
public record SourceReport(String source, int discovered, int fetched, int alreadySeen, int notModified, int disallowed,
                           int failed, int offTopic, int duplicates, Duration took, List<String> problems) {

    public SourceReport {
        problems = List.copyOf(problems);
    }

    /** One line for a person: {@code ithome: 60 discovered, 12 fetched, 48 seen, 0 not modified, ...}. */
    public String line() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d discovered, %d fetched, %d already seen, %d not modified, %d skipped by robots, %d failed, %d off topic, %d duplicates (%.1f s)%s",
                source, discovered, fetched, alreadySeen, notModified, disallowed, failed, offTopic, duplicates,
                took.toMillis() / 1000.0, problems.isEmpty() ? "" : " — " + problems.get(0));
    }

    /** The sum of several runs, named {@code name}. */
    public static SourceReport total(String name, List<SourceReport> reports) {
        int d = 0, f = 0, s = 0, n = 0, r = 0, x = 0, o = 0, u = 0;
        Duration took = Duration.ZERO;
        for (SourceReport p : reports) {
            d += p.discovered;
            f += p.fetched;
            s += p.alreadySeen;
            n += p.notModified;
            r += p.disallowed;
            x += p.failed;
            o += p.offTopic;
            u += p.duplicates;
            took = took.plus(p.took);
        }
        return new SourceReport(name, d, f, s, n, r, x, o, u, took, List.of());
    }
}
