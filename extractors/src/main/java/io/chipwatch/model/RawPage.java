package io.chipwatch.model;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Bytes of one fetched page with what the fetch knew about them.
 *
 * @param bytes     the raw body, never null (may be empty)
 * @param url       where it came from, or null for a local file
 * @param headers   HTTP response headers; names are matched case-insensitively
 * @param fetchedAt when it was fetched; used to infer a year the page leaves out
 */
public record RawPage(byte[] bytes, URI url, Map<String, String> headers, Instant fetchedAt) {

    public RawPage {
        Objects.requireNonNull(bytes, "bytes");
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    folded.put(k.toLowerCase(Locale.ROOT), v);
                }
            });
        }
        headers = java.util.Collections.unmodifiableMap(folded);
        fetchedAt = fetchedAt == null ? Instant.now() : fetchedAt;
    }

    public static RawPage of(byte[] bytes, URI url) {
        return new RawPage(bytes, url, Map.of(), null);
    }

    /** A header's value, or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
