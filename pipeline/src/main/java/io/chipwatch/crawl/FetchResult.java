package io.chipwatch.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * What one fetch ended with. Only {@link Status#OK} carries a body.
 *
 * @param status     how it ended
 * @param requested  the URL asked for
 * @param finalUrl   the URL after redirects (equals {@code requested} without redirects)
 * @param httpStatus the last HTTP status, or 0 when no response arrived
 * @param body       decoded (decompressed) body bytes for OK, else empty
 * @param headers    response headers, names lower-case
 * @param fetchedAt  when the response arrived
 * @param reason     for anything but OK: a message a person can act on
 */
public record FetchResult(Status status, URI requested, URI finalUrl, int httpStatus, byte[] body, Map<String, String> headers,
                          Instant fetchedAt, String reason) {

    public enum Status {
        /** 2xx with a body. */
        OK,
        /** 304 to a conditional request. */
        NOT_MODIFIED,
        /** robots.txt disallows the URL for our user agent. */
        DISALLOWED,
        /** Refused before connecting: scheme, or an address outside the allowed ones (also after a redirect). */
        BLOCKED,
        /** The body passed the configured maximum. */
        TOO_LARGE,
        /** HTTP error after retries, timeout, too many redirects, connection failure, robots.txt unreadable. */
        FAILED
    }

    public FetchResult {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
