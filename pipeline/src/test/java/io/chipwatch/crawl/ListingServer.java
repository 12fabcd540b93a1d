package io.chipwatch.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A tiny HTTP server on 127.0.0.1 serving canned listings, recording the requests it got. */
final class ListingServer implements AutoCloseable {

    record Request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response ok(String contentType, byte[] body) {
            return new Response(200, contentType, body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    ListingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ListingServer serve(String pathAndQuery, String contentType, String body) {
        return serve(pathAndQuery, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    ListingServer serve(String pathAndQuery, String contentType, byte[] body) {
        routes.put(pathAndQuery, r -> Response.ok(contentType, body));
        return this;
    }

    /** Serves with an ETag and answers 304 to a request carrying it. */
    ListingServer serveWithEtag(String pathAndQuery, String contentType, String body, String etag) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        routes.put(pathAndQuery, r -> etag.equals(r.header("if-none-match"))
                ? new Response(304, null, new byte[0], Map.of("ETag", etag))
                : new Response(200, contentType, bytes, Map.of("ETag", etag, "Last-Modified", "Tue, 23 Apr 2024 02:00:00 GMT")));
        return this;
    }

    ListingServer handle(String pathAndQuery, Function<Request, Response> handler) {
        routes.put(pathAndQuery, handler);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), key, headers, body);
            requests.add(request);
            Function<Request, Response> route = routes.get(key);
            Response response = route == null ? new Response(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), Map.of())
                    : route.apply(request);
            if (response.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", response.contentType());
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean noBody = response.status() == 304 || response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
