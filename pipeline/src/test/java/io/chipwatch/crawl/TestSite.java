package io.chipwatch.crawl;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (a free port) for crawler tests: register what each path answers, then look at
 * the requests that arrived. Unregistered paths answer 404; so does {@code /robots.txt} until {@link #robots} sets it.
 *
 * <pre>{@code
 * try (TestSite site = TestSite.start()) {
 *     site.page("/a.html", "text/html; charset=utf-8", "<p>hi</p>");
 *     site.respond("/busy", Reply.status(503).header("Retry-After", "1"), Reply.ok("text/plain", "done"));
 *     ... fetch site.url("/a.html") ...
 *     assertThat(site.requestsTo("/busy")).hasSize(2);
 * }
 * }</pre>
 *
 * Handlers run on a pool of several threads, so a slow handler does not hold up others.
 */
public final class TestSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestSite.class);

    /** Writes the whole response for one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /**
     * One request as it arrived.
     *
     * @param arrivedNanos {@link System#nanoTime()} when the server began handling it
     */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                          long arrivedNanos) {

        /** First value of a header, any case, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A canned response.
     *
     * @param conditional answer 304 when the request's If-None-Match equals this reply's ETag, or its
     *                    If-Modified-Since equals its Last-Modified
     * @param delay       wait before sending anything
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean conditional) {

        public Reply {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            body = body == null ? new byte[0] : body;
            delay = delay == null ? Duration.ZERO : delay;
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), null, null, false);
        }

        public static Reply ok(String contentType, byte[] body) {
            return status(200).header("Content-Type", contentType).body(body);
        }

        public static Reply ok(String contentType, String body) {
            return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply redirect(int status, String location) {
            return status(status).header("Location", location);
        }

        public Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay, conditional);
        }

        public Reply body(byte[] bytes) {
            return new Reply(status, headers, bytes, delay, conditional);
        }

        public Reply delay(Duration wait) {
            return new Reply(status, headers, body, wait, conditional);
        }

        /** Sets ETag and Last-Modified and answers 304 to a request that carries either back. */
        public Reply validators(String etag, String lastModified) {
            Reply withHeaders = this;
            if (etag != null) {
                withHeaders = withHeaders.header("ETag", etag);
            }
            if (lastModified != null) {
                withHeaders = withHeaders.header("Last-Modified", lastModified);
            }
            return new Reply(status, withHeaders.headers, body, delay, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final ConcurrentMap<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private TestSite(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static TestSite start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "test-site-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        TestSite site = new TestSite(server, threads);
        server.createContext("/", site::dispatch);
        server.start();
        return site;
    }

    /** An absolute URL on this site; {@code path} may carry a query. */
    public URI url(String path) {
        return URI.create(base() + path);
    }

    /** {@code http://127.0.0.1:port} */
    public String base() {
        return "http://" + host() + ":" + port();
    }

    public String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves a body with 200 and this Content-Type. */
    public TestSite page(String path, String contentType, byte[] body) {
        return respond(path, Reply.ok(contentType, body));
    }

    public TestSite page(String path, String contentType, String body) {
        return respond(path, Reply.ok(contentType, body));
    }

    /** Serves robots.txt. */
    public TestSite robots(String text) {
        return page("/robots.txt", "text/plain", text);
    }

    /**
     * Answers the replies in turn, one per request; the last one repeats.
     */
    public TestSite respond(String path, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("respond needs at least one reply");
        }
        List<Reply> turns = List.copyOf(Arrays.asList(replies));
        AtomicInteger next = new AtomicInteger();
        return handle(path, exchange -> send(exchange, turns.get(Math.min(next.getAndIncrement(), turns.size() - 1))));
    }

    /** Full control over the response of one path (exact match, query ignored). */
    public TestSite handle(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests whose path (without query) is exactly this. */
    public List<Request> requestsTo(String path) {
        return requests().stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Writes a reply to an exchange; for handlers that decide per request which reply to give. */
    public static void send(HttpExchange exchange, Reply reply) throws IOException {
        sleep(reply.delay());
        Headers responseHeaders = exchange.getResponseHeaders();
        reply.headers().forEach(responseHeaders::add);
        int status = reply.status();
        if (reply.conditional() && notModified(exchange.getRequestHeaders(), reply.headers())) {
            status = 304;
        }
        boolean noBody = status == 304 || status == 204 || status < 200 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : reply.body().length == 0 ? -1 : reply.body().length);
        if (!noBody && reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
        exchange.close();
    }

    private static boolean notModified(Headers request, Map<String, String> reply) {
        String etag = reply.get("ETag");
        String lastModified = reply.get("Last-Modified");
        return (etag != null && etag.equals(request.getFirst("If-None-Match")))
                || (lastModified != null && lastModified.equals(request.getFirst("If-Modified-Since")));
    }

    /** Sleeps in a handler; an interrupt (the server stopping) ends the wait early. */
    public static void sleep(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, uri.getRawQuery(), Collections.unmodifiableMap(headers),
                body, arrived));
        Handler handler = handlers.get(path);
        try {
            if (handler == null) {
                send(exchange, Reply.status(404).header("Content-Type", "text/plain")
                        .body("not found".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            handler.handle(exchange);
        } catch (RuntimeException e) {
            LOG.warn("Test site handler for {} failed", path, e);
        } catch (IOException e) {
            // Usually the client gave up (timeout, size limit); the test asserts on what the client saw.
            LOG.debug("Test site handler for {} ended early: {}", path, e.toString());
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
