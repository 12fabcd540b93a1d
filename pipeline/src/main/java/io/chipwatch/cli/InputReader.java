package io.chipwatch.cli;

import io.chipwatch.model.RawPage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one CLI input: a file, standard input ("-"), or an http(s) URL fetched with a plain GET. */
final class InputReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USER_AGENT = "chipwatch/0.1 (+https://github.com/chipwatch)";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(TIMEOUT)
            .build();
    private final InputStream stdin;

    InputReader(InputStream stdin) {
        this.stdin = stdin;
    }

    static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    /**
     * @param pageUrl the URL to attribute to a file or stdin input (the {@code --url} option), or null
     */
    RawPage read(String input, URI pageUrl) throws IOException {
        if (isUrl(input)) {
            return fetch(URI.create(input));
        }
        byte[] bytes = input.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(input));
        return new RawPage(bytes, pageUrl, Map.of(), Instant.now());
    }

    private RawPage fetch(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        if (response.statusCode() >= 400) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        return new RawPage(response.body(), response.uri(), headers, Instant.now());
    }

    /** The inputs with each folder replaced by its files in name order (hidden and *.json files skipped). */
    static java.util.List<String> expand(java.util.List<String> inputs) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String input : inputs) {
            java.nio.file.Path p = isUrl(input) || "-".equals(input) ? null : java.nio.file.Path.of(input);
            if (p != null && java.nio.file.Files.isDirectory(p)) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(p)) {
                    out.addAll(files.filter(java.nio.file.Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().endsWith(".json"))
                            .map(java.nio.file.Path::toString).sorted().toList());
                }
            } else {
                out.add(input);
            }
        }
        return out;
    }
}
