package io.chipwatch.crawl;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request the crawler wants made.
 *
 * @param url          absolute http or https URL
 * @param method       GET or POST
 * @param headers      extra request headers (a Referer or an API header a source needs)
 * @param body         request body for POST, or null
 * @param etag         validator from the last fetch of this URL, sent as If-None-Match; null for none
 * @param lastModified validator from the last fetch, sent as If-Modified-Since; null for none
 */
public record FetchRequest(URI url, String method, Map<String, String> headers, byte[] body, String etag, String lastModified) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        method = method == null ? "GET" : method;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest get(URI url) {
        return new FetchRequest(url, "GET", Map.of(), null, null, null);
    }

    public FetchRequest withValidators(String etag, String lastModified) {
        return new FetchRequest(url, method, headers, body, etag, lastModified);
    }
}
