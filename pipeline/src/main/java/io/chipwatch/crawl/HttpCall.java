package io.chipwatch.crawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP request and its response, no retries and no redirects: builds the request with our headers, sends it,
 * and reads a 2xx body through the {@link BodyReader}. Thread-safe.
 */
final class HttpCall {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCall.class);

    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,"
            + "application/atom+xml,application/json;q=0.8,*/*;q=0.5";
    static final String ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.5";
    static final String ACCEPT_ENCODING = "gzip, deflate, br";

    /** How one request ended. */
    sealed interface Outcome permits Answer, TooLarge, Trouble {
    }

    /** A response; {@code body} is read only for 2xx. */
    record Answer(int status, Map<String, String> headers, byte[] body, Instant at) implements Outcome {
    }

    /** A 2xx whose body passed the size limit. */
    record TooLarge(int status, Map<String, String> headers, Instant at, String reason) implements Outcome {
    }

    /**
     * No usable response.
     *
     * @param retriable true for timeouts and connection errors, false for a body that cannot be decoded
     * @param status    the HTTP status when headers had arrived, else 0
     */
    record Trouble(String reason, boolean retriable, int status) implements Outcome {
    }

    private final HttpClient client;
    private final CrawlSettings settings;
    private final BodyReader bodies;
    private final ScheduledExecutorService watchdog;
    private final Clock clock;

    /** @param watchdog closes a body still arriving at the deadline, which unblocks the thread reading it */
    HttpCall(HttpClient client, CrawlSettings settings, ScheduledExecutorService watchdog, Clock clock) {
        this.client = client;
        this.watchdog = watchdog;
        this.settings = settings;
        this.bodies = new BodyReader(settings.maxBodyBytes());
        this.clock = clock;
    }

    Outcome send(FetchRequest request, URI url, String method, byte[] body) throws InterruptedException {
        HttpRequest httpRequest;
        try {
            httpRequest = build(request, url, method, body);
        } catch (IllegalArgumentException e) {
            return new Trouble("cannot build the request for " + url + ": " + e.getMessage(), false, 0);
        }
        long started = System.nanoTime();
        long deadline = started + settings.readTimeout().toNanos();
        HttpResponse<InputStream> response;
        try {
            response = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return new Trouble("connect timed out after " + millis(settings.connectTimeout()) + " to " + url, true, 0);
        } catch (HttpTimeoutException e) {
            return new Trouble("timed out after " + millis(settings.readTimeout()) + " waiting for " + url, true, 0);
        } catch (IOException e) {
            return new Trouble("connection to " + url + " failed: " + describe(e), true, 0);
        }
        Instant at = clock.instant();
        int status = response.statusCode();
        Map<String, String> headers = headers(response);
        InputStream wire = response.body();
        // The client's own timeout ends when the headers arrive; this bounds the body too.
        ScheduledFuture<?> alarm = watchdog.schedule(() -> closeQuietly(wire, url), deadline - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        try (wire) {
            if (status < 200 || status >= 300) {
                // Closing unread drops the connection instead of draining an error page we do not want.
                return new Answer(status, headers, new byte[0], at);
            }
            long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > settings.maxBodyBytes()) {
                return new TooLarge(status, headers, at, url + " declares " + declared + " bytes, more than the "
                        + settings.maxBodyBytes() + " allowed");
            }
            return new Answer(status, headers, bodies.read(wire, headers.get("content-encoding"), deadline), at);
        } catch (IOException e) {
            return bodyTrouble(e, url, status, headers, at);
        } finally {
            alarm.cancel(false);
        }
    }

    private static void closeQuietly(InputStream wire, URI url) {
        try {
            wire.close();
        } catch (IOException e) {
            LOG.debug("Closing the timed-out body of {} failed: {}", url, e.toString());
        }
    }

    private Outcome bodyTrouble(IOException e, URI url, int status, Map<String, String> headers, Instant at) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyReader.TooLargeException tooLarge) {
                return new TooLarge(status, headers, at, url + ": " + tooLarge.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyReader.WireException wire) {
                String what = wire.getCause() == null
                        ? "timed out after " + millis(settings.readTimeout()) + " reading the body of " + url
                        : wire.getMessage() + " (" + url + ")";
                return new Trouble(what, true, status);
            }
        }
        LOG.debug("Undecodable body from {}", url, e);
        return new Trouble("cannot read the body of " + url + ": " + describe(e), false, status);
    }

    private HttpRequest build(FetchRequest request, URI url, String method, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgentHeader())
                .header("Accept", ACCEPT)
                .header("Accept-Language", ACCEPT_LANGUAGE)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        // A source's own headers win over our defaults (an API may need its own Accept).
        request.headers().forEach(builder::setHeader);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return builder.method(method.toUpperCase(Locale.ROOT), publisher).build();
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) ->
                headers.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values), (a, b) -> a + ", " + b));
        return headers;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static String millis(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
