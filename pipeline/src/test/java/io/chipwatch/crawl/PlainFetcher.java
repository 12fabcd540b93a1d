package io.chipwatch.crawl;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A PageFetcher for tests: one plain java.net.http request, no robots, no politeness, no retries. */
final class PlainFetcher implements PageFetcher {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public FetchResult fetch(FetchRequest request) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.url()).timeout(Duration.ofSeconds(10));
        request.headers().forEach(builder::header);
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        if ("POST".equalsIgnoreCase(request.method())) {
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.body() == null ? new byte[0] : request.body()));
        } else {
            builder.GET();
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            int code = response.statusCode();
            FetchResult.Status status = code == 304 ? FetchResult.Status.NOT_MODIFIED
                    : code >= 200 && code < 300 ? FetchResult.Status.OK : FetchResult.Status.FAILED;
            return new FetchResult(status, request.url(), response.uri(), code,
                    status == FetchResult.Status.OK ? response.body() : null, headers, Instant.now(),
                    status == FetchResult.Status.FAILED ? "HTTP " + code : null);
        } catch (IOException e) {
            return new FetchResult(FetchResult.Status.FAILED, request.url(), request.url(), 0, null, Map.of(), Instant.now(),
                    e.toString());
        }
    }
}
