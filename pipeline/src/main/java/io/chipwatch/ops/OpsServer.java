package io.chipwatch.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The operator's window into a running process: {@code /metrics} in Prometheus text format and
 * {@code /health} (200 while every stage runs, 503 once one has failed). A JDK HTTP server is
 * enough for two read-only endpoints.
 */
public final class OpsServer implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static final int THREADS = 4;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor;

    /**
     * @param port   the port to listen on (0 picks a free one)
     * @param health says whether the process is healthy, and the JSON body describing it
     */
    public OpsServer(String host, int port, Supplier<Health> health) throws IOException {
        this(host, port, health, more -> { });
    }

    /**
     * @param routes adds more endpoints (the analysts' API and page) before the server starts, so
     *               that no request finds them missing
     */
    public OpsServer(String host, int port, Supplier<Health> health, java.util.function.Consumer<HttpServer> routes) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext("/health", ex -> {
            Health h = health.get();
            respond(ex, h.up() ? 200 : 503, "application/json", h.json());
        });
        // Searches may take a while: a few threads, so that /health answers beside them.
        executor = java.util.concurrent.Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "chipwatch-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        routes.accept(server);
        server.start();
    }

    /** Health of the process: whether it serves, and a JSON description. */
    public record Health(boolean up, String json) {
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        registry.close();
    }
}
