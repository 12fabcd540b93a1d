package io.chipwatch.crawl;

import java.time.Duration;
import java.util.List;

/**
 * How the crawler behaves towards every site: the {@code crawler:} section of {@code config/sources.yml}.
 *
 * @param userAgent      product token and version, e.g. {@code chipwatch/0.1}
 * @param contact        URL (or mailto) site owners can reach us at; appended to the User-Agent
 * @param connectTimeout time to open a connection
 * @param readTimeout    time for the whole response after the request was sent
 * @param maxBodyBytes   bodies longer than this are abandoned (TOO_LARGE)
 * @param maxRedirects   redirects followed before FAILED
 * @param maxAttempts    attempts on 429, 5xx, timeouts and connection errors
 * @param backoff        first retry delay; doubles each attempt with jitter
 * @param maxBackoff     longest retry delay, and the longest Retry-After honoured
 * @param hostDelay      minimum time between two requests to one host (a larger robots crawl-delay wins)
 * @param concurrency    requests in flight at once across all hosts
 * @param allow          hosts, IP addresses or CIDR ranges that may be fetched although private or loopback
 */
public record CrawlSettings(String userAgent, String contact, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                            int maxRedirects, int maxAttempts, Duration backoff, Duration maxBackoff, Duration hostDelay,
                            int concurrency, List<String> allow) {

    public CrawlSettings {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }

    public static CrawlSettings defaults() {
        return new CrawlSettings("chipwatch/0.1", "https://github.com/chipwatch/chipwatch", Duration.ofSeconds(10),
                Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(2), 4, List.of());
    }

    /** The User-Agent header: {@code chipwatch/0.1 (+contact)}. */
    public String userAgentHeader() {
        return contact == null || contact.isBlank() ? userAgent : userAgent + " (+" + contact + ")";
    }

    /** The robots.txt agent name: the product token without its version, lower case. */
    public String robotsAgent() {
        int slash = userAgent.indexOf('/');
        return (slash < 0 ? userAgent : userAgent.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
    }
}
