package io.chipwatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chipwatch.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes {@code /api/...} requests to {@link QueryApi} and writes its answers: JSON, or CSV when
 * asked ({@code format=csv} or {@code Accept: text/csv}) where an endpoint has rows. Errors are
 * JSON too: {@code {"error": why, "parameter": which}} with 400 for a bad parameter, 404 for an
 * unknown endpoint or entity, 405 for a method other than GET, 503 when the store cannot answer.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String ENTITIES = "/api/entities/";

    private final QueryApi api;
    private final ObjectMapper json = new ObjectMapper();

    ApiHandler(QueryApi api) {
        this.api = api;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseHeaders().set("Allow", "GET, HEAD");
                    throw new BadRequest(405, null, "only GET is served here, not " + ex.getRequestMethod());
                }
                answer(ex, route(ex));
            } catch (BadRequest e) {
                error(ex, e.status(), e.parameter(), e.getMessage());
            } catch (StoreException e) {
                LOG.warn("The search index could not answer {}: {}", ex.getRequestURI(), e.getMessage());
                error(ex, 503, null, "the search index could not answer: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Answering {} failed", ex.getRequestURI(), e);
                error(ex, 500, null, "internal error: " + e.getClass().getSimpleName());
            }
        }
    }

    private QueryApi.Answer route(HttpExchange ex) {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        switch (path) {
            case "/api/articles":
                return api.articles(Params.parse(query, QueryApi.ARTICLE_PARAMS));
            case "/api/figures":
                return api.figures(Params.parse(query, QueryApi.FIGURE_PARAMS));
            case "/api/events":
                return api.events(Params.parse(query, QueryApi.EVENT_PARAMS));
            case "/api/alerts":
                return api.alerts(Params.parse(query, QueryApi.ALERT_PARAMS));
            default:
                if (path.startsWith(ENTITIES) && path.length() > ENTITIES.length()) {
                    Params.parse(query, Set.of());
                    String name;
                    try {
                        name = URLDecoder.decode(path.substring(ENTITIES.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest("name", "malformed percent-encoding in the path");
                    }
                    return api.entity(name);
                }
                throw new BadRequest(404, null, "no such endpoint: " + path
                        + " (there are /api/articles, /api/figures, /api/events, /api/alerts, /api/entities/{name})");
        }
    }

    private void answer(HttpExchange ex, QueryApi.Answer answer) throws IOException {
        String format = answer.format();
        String accept = ex.getRequestHeaders().getFirst("Accept");
        boolean csv = answer.table() != null && ("csv".equals(format)
                || (format == null && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")));
        if (csv) {
            String endpoint = ex.getRequestURI().getPath().substring("/api/".length());
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"chipwatch-" + endpoint + ".csv\"");
            send(ex, 200, "text/csv; charset=utf-8", answer.table().csv().getBytes(StandardCharsets.UTF_8));
        } else {
            send(ex, 200, "application/json; charset=utf-8", json.writeValueAsBytes(answer.json()));
        }
    }

    private void error(HttpExchange ex, int status, String parameter, String reason) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        body.put("status", status);
        send(ex, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
