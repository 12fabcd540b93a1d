package io.chipwatch.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * robots.txt rules per origin (scheme, host, port), fetched once and kept for a day. Concurrent callers for one
 * origin wait for a single fetch.
 *
 * <p>Policy on failures, following crawler-commons' {@code failedFetch}: a 4xx robots.txt (404 above all) allows
 * everything; a 5xx, a connection failure or a blocked redirect disallows the whole origin <em>temporarily</em>
 * — the verdict is cached for {@link #RETRY_FAILED} and then robots.txt is asked again.
 */
final class RobotsCache {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);

    static final Duration KEEP = Duration.ofHours(24);
    static final Duration RETRY_FAILED = Duration.ofMinutes(10);

    /** Fetches a robots.txt URL; the fetcher supplies this so the request obeys the guard and the host gate. */
    @FunctionalInterface
    interface Source {
        FetchResult fetch(URI robotsUrl) throws InterruptedException;
    }

    /**
     * The rules for one origin.
     *
     * @param rules      parsed rules
     * @param crawlDelay the Crawl-delay for our agent, or {@link Duration#ZERO}
     * @param unavailable non-null when robots.txt could not be read and the origin is disallowed for now: why
     * @param expires    when to fetch robots.txt again
     */
    record Rules(BaseRobotRules rules, Duration crawlDelay, String unavailable, Instant expires) {

        boolean allows(URI url) {
            return rules.isAllowed(url.toString());
        }
    }

    private final ConcurrentMap<String, CompletableFuture<Rules>> byOrigin = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final List<String> agents;
    private final Source source;
    private final Clock clock;

    RobotsCache(String agent, Source source, Clock clock) {
        this.agents = List.of(agent.toLowerCase(Locale.ROOT));
        this.source = source;
        this.clock = clock;
    }

    Rules rulesFor(URI url) throws InterruptedException {
        String origin = origin(url);
        while (true) {
            CompletableFuture<Rules> mine = new CompletableFuture<>();
            CompletableFuture<Rules> existing = byOrigin.putIfAbsent(origin, mine);
            if (existing == null) {
                return load(origin, mine);
            }
            Rules rules = await(existing);
            if (rules != null && clock.instant().isBefore(rules.expires())) {
                return rules;
            }
            // Expired, or the fetching thread was interrupted: drop it and race to fetch again.
            byOrigin.remove(origin, existing);
        }
    }

    private Rules load(String origin, CompletableFuture<Rules> pending) throws InterruptedException {
        try {
            Rules rules = fetchAndParse(origin);
            pending.complete(rules);
            return rules;
        } catch (InterruptedException | RuntimeException e) {
            byOrigin.remove(origin, pending);
            pending.completeExceptionally(e);
            throw e;
        }
    }

    private static Rules await(CompletableFuture<Rules> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    private Rules fetchAndParse(String origin) throws InterruptedException {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        FetchResult result = source.fetch(robotsUrl);
        Instant now = clock.instant();
        if (result.status() == FetchResult.Status.OK) {
            String contentType = result.header("content-type");
            BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), result.body(),
                    contentType == null ? "text/plain" : contentType, agents);
            long delayMillis = rules.getCrawlDelay();
            Duration crawlDelay = delayMillis > 0 ? Duration.ofMillis(delayMillis) : Duration.ZERO;
            LOG.debug("Read {} ({} bytes, crawl-delay {})", robotsUrl, result.body().length, crawlDelay);
            return new Rules(rules, crawlDelay, null, now.plus(KEEP));
        }
        int status = result.httpStatus();
        if (status >= 400 && status < 500) {
            LOG.debug("{} answered HTTP {}; everything is allowed", robotsUrl, status);
            return new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Duration.ZERO, null,
                    now.plus(KEEP));
        }
        String why = robotsUrl + " could not be read (" + result.status()
                + (status > 0 ? ", HTTP " + status : "") + ": " + result.reason() + ")";
        LOG.warn("{}; not fetching from {} for {} min", why, origin, RETRY_FAILED.toMinutes());
        return new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Duration.ZERO, why,
                now.plus(RETRY_FAILED));
    }

    /** scheme://host[:port] with the default port left out, lower case. */
    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
