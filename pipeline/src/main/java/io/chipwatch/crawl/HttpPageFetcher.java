package io.chipwatch.crawl;

import io.chipwatch.crawl.FetchResult.Status;
import io.chipwatch.crawl.HttpCall.Answer;
import io.chipwatch.crawl.HttpCall.Outcome;
import io.chipwatch.crawl.HttpCall.TooLarge;
import io.chipwatch.crawl.HttpCall.Trouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The crawler's {@link PageFetcher} on {@link HttpClient}: checks every URL (and every redirect hop) with the
 * {@link AddressGuard} and robots.txt, waits its turn at the host ({@link HostGate}), retries 429/5xx, timeouts
 * and connection errors with backoff, sends conditional GETs, decodes gzip/deflate/br within the size limit.
 *
 * <p>Thread-safe: one instance serves all crawler threads, and must, since politeness is per instance.
 * Close it to release the client's threads.
 */
public final class HttpPageFetcher implements PageFetcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPageFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final CrawlSettings settings;
    private final ExecutorService clientThreads;
    private final ScheduledExecutorService watchdog;
    private final AddressGuard guard;
    private final RobotsCache robots;
    private final HostGate gate;
    private final RetryPolicy retries;
    private final HttpCall call;
    private final Clock clock;
    private final java.util.Map<String, Duration> hostDelays = new java.util.concurrent.ConcurrentHashMap<>();

    public HttpPageFetcher(CrawlSettings settings) {
        this(settings, HostResolver.SYSTEM, Clock.systemUTC());
    }

    HttpPageFetcher(CrawlSettings settings, HostResolver resolver, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.clientThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chipwatch-http");
            thread.setDaemon(true);
            return thread;
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chipwatch-http-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // HTTP/1.1 only: on http:// URLs the default would try an h2c upgrade, which some servers mishandle,
        // and with one request per host at a time HTTP/2 gains nothing.
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads)
                .build();
        this.guard = new AddressGuard(settings.allow(), resolver);
        this.robots = new RobotsCache(settings.robotsAgent(), url -> fetch(FetchRequest.get(url), false), clock);
        this.gate = new HostGate(settings.concurrency());
        this.retries = new RetryPolicy(settings.maxAttempts(), settings.backoff(), settings.maxBackoff());
        this.call = new HttpCall(client, settings, watchdog, clock);
    }

    /**
     * A source's own minimum delay for one host, used instead of the crawler-wide default (a
     * larger robots.txt Crawl-delay still wins). Set while configuring, before fetching.
     */
    public void hostDelay(String host, Duration delay) {
        hostDelays.put(host.toLowerCase(java.util.Locale.ROOT), delay);
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws InterruptedException {
        FetchResult result = fetch(request, true);
        if (result.ok()) {
            LOG.debug("Fetched {} ({} bytes)", result.finalUrl(), result.body().length);
        } else if (result.status() == Status.NOT_MODIFIED || result.status() == Status.DISALLOWED) {
            LOG.info("{} {}: {}", result.status(), request.url(), result.reason());
        } else {
            LOG.warn("{} {}: {}", result.status(), request.url(), result.reason());
        }
        return result;
    }

    private FetchResult fetch(FetchRequest request, boolean obeyRobots) throws InterruptedException {
        URI url = request.url();
        String method = request.method();
        byte[] body = request.body();
        Set<URI> visited = new LinkedHashSet<>();
        for (int hop = 0; ; hop++) {
            visited.add(url);
            Optional<AddressGuard.Refusal> refusal = guard.check(url);
            if (refusal.isPresent()) {
                Status status = refusal.get().blocked() ? Status.BLOCKED : Status.FAILED;
                String via = hop == 0 ? "" : " (redirected from " + request.url() + ")";
                return failure(status, request, url, 0, refusal.get().reason() + via);
            }
            Duration pause = url.getHost() == null ? settings.hostDelay()
                    : hostDelays.getOrDefault(url.getHost().toLowerCase(java.util.Locale.ROOT), settings.hostDelay());
            if (obeyRobots) {
                RobotsCache.Rules rules = robots.rulesFor(url);
                if (rules.unavailable() != null) {
                    // robots.txt unreadable means the site is down, not closed to us: a failure, retried next run
                    return failure(Status.FAILED, request, url, 0, "temporarily not fetching: " + rules.unavailable());
                }
                if (!rules.allows(url)) {
                    return failure(Status.DISALLOWED, request, url, 0, "robots.txt of " + RobotsCache.origin(url)
                            + " disallows " + url + " for " + settings.robotsAgent());
                }
                pause = longer(pause, shorter(rules.crawlDelay(), settings.maxBackoff()));
            }
            Outcome outcome = withRetries(request, url, method, body, pause);
            if (!(outcome instanceof Answer answer) || !REDIRECTS.contains(answer.status())) {
                return result(outcome, request, url);
            }
            String location = answer.headers().get("location");
            if (location == null) {
                return failure(Status.FAILED, request, url, answer.status(), "HTTP " + answer.status() + " from " + url
                        + " without a Location");
            }
            URI next;
            try {
                next = url.resolve(location.trim());
            } catch (IllegalArgumentException e) {
                return failure(Status.FAILED, request, url, answer.status(), "bad redirect Location '" + location
                        + "' from " + url);
            }
            if (visited.contains(next)) {
                return failure(Status.FAILED, request, url, answer.status(), "redirect loop: " + path(visited, next));
            }
            if (hop >= settings.maxRedirects()) {
                return failure(Status.FAILED, request, url, answer.status(), "too many redirects (more than "
                        + settings.maxRedirects() + "): " + path(visited, next));
            }
            // 303 always, and 301/302 after a POST in practice, turn the request into a GET.
            if (answer.status() == 303 || (answer.status() <= 302 && !method.equalsIgnoreCase("GET"))) {
                method = "GET";
                body = null;
            }
            LOG.debug("{} redirects ({}) to {}", url, answer.status(), next);
            url = next;
        }
    }

    /** Sends until an answer that is not worth retrying, or the attempts run out. */
    private Outcome withRetries(FetchRequest request, URI url, String method, byte[] body, Duration pause)
            throws InterruptedException {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        for (int attempt = 1; ; attempt++) {
            try (HostGate.Permit permit = gate.enter(host, pause)) {
                Outcome outcome = call.send(request, url, method, body);
                Optional<String> problem = retriableProblem(outcome);
                if (problem.isEmpty()) {
                    return outcome;
                }
                Duration wait = retries.delayAfter(attempt);
                if (outcome instanceof Answer answer && (answer.status() == 429 || answer.status() == 503)) {
                    Optional<Duration> asked = RetryPolicy.retryAfter(answer.headers().get("retry-after"), clock.instant());
                    if (asked.isPresent() && asked.get().compareTo(retries.maxBackoff()) > 0) {
                        return new Trouble(problem.get() + "; the server asks to retry after "
                                + HttpCall.millis(asked.get()) + ", longer than the " + HttpCall.millis(retries.maxBackoff())
                                + " we wait", false, answer.status());
                    }
                    wait = asked.orElse(wait);
                }
                if (!retries.attemptsLeft(attempt)) {
                    return outcome instanceof Trouble trouble
                            ? new Trouble(trouble.reason() +  " (gave up after " + attempts(attempt) + ")", false, trouble.status())
                            : outcome;
                }
                LOG.info("{}; attempt {} of {} in {}", problem.get(), attempt + 1, retries.maxAttempts(),
                        HttpCall.millis(wait));
                // The host stays quiet for everyone, not just this caller, while it asks us to wait.
                permit.holdOff(wait);
            }
        }
    }

    private Optional<String> retriableProblem(Outcome outcome) {
        if (outcome instanceof Answer answer && retries.retriable(answer.status())) {
            return Optional.of("HTTP " + answer.status() + " from the server");
        }
        if (outcome instanceof Trouble trouble && trouble.retriable()) {
            return Optional.of(trouble.reason());
        }
        return Optional.empty();
    }

    private FetchResult result(Outcome outcome, FetchRequest request, URI url) {
        if (outcome instanceof Answer answer) {
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return new FetchResult(Status.OK, request.url(), url, status, answer.body(), answer.headers(), answer.at(), null);
            }
            if (status == 304) {
                return new FetchResult(Status.NOT_MODIFIED, request.url(), url, status, null, answer.headers(), answer.at(),
                        "not modified since the last fetch");
            }
            String reason = "HTTP " + status + " from " + url
                    + (retries.retriable(status) ?  " after " + attempts(retries.maxAttempts()) : "");
            return new FetchResult(Status.FAILED, request.url(), url, status, null, answer.headers(), answer.at(), reason);
        }
        if (outcome instanceof TooLarge tooLarge) {
            return new FetchResult(Status.TOO_LARGE, request.url(), url, tooLarge.status(), null, tooLarge.headers(),
                    tooLarge.at(), tooLarge.reason());
        }
        Trouble trouble = (Trouble) outcome;
        return failure(Status.FAILED, request, url, trouble.status(), trouble.reason());
    }

    private FetchResult failure(Status status, FetchRequest request, URI url, int httpStatus, String reason) {
        return new FetchResult(status, request.url(), url, httpStatus, null, Map.of(), clock.instant(), reason);
    }

    private static String path(Set<URI> visited, URI next) {
        StringBuilder path = new StringBuilder();
        visited.forEach(uri -> path.append(uri).append(" -> "));
        return path.append(next).toString();
    }

    private static String attempts(int count) {
        return count == 1 ? "1 attempt" : count + " attempts";
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        clientThreads.shutdownNow();
    }
}
