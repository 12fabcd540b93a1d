package io.chipwatch.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the web page's static files from the jar ({@code chipwatch/web/} on the classpath):
 * {@code /} is {@code index.html}. Only plain file names are looked up, so no path can climb
 * out of that folder.
 */
final class AssetHandler implements HttpHandler {

    private static final String ROOT = "chipwatch/web/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String name = path.equals("/") ? "index.html" : path.substring(1);
            byte[] body = NAME.matcher(name).matches() ? read(name) : null;
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ApiHandler.send(ex, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
            } else if (body == null) {
                ApiHandler.send(ex, 404, "text/plain; charset=utf-8", ("no such page: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                ApiHandler.send(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
            }
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = AssetHandler.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
