package io.chipwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One POST of a JSON body for an HTTP sink, with the failure classified: connection errors,
 * timeouts, 5xx and 429 are retryable, other 4xx are not. Messages carry the sink's name, the
 * redacted URL and the status, never a secret. Thread-safe.
 */
final class HttpPoster {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPoster.class);
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final HttpClient client;
    private final Duration timeout;
    private final String sink;
    private final Redaction redaction;
    private final ObjectMapper json = new ObjectMapper();

    /** The status and body of a 2xx answer. */
    record Response(int status, String body) {
    }

    HttpPoster(HttpClient client, Duration timeout, String sink, Redaction redaction) {
        this.client = client;
        this.timeout = timeout;
        this.sink = sink;
        this.redaction = redaction;
    }

    Response post(URI uri, String body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw failure("timed out after " + timeout.toMillis() + " ms", uri, true);
        } catch (IOException e) {
            throw failure("could not connect (" + e.getClass().getSimpleName() + scrubbed(e) + ")", uri, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", uri, true);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            LOG.debug("Sink {} got HTTP {} from {}", sink, status, Redaction.url(uri));
            return new Response(status, response.body());
        }
        boolean retryable = status == 429 || status >= 500;
        throw failure("HTTP " + status + bodyExcerpt(response.body()), uri, retryable);
    }

    /** The JSON answer of a chat service, or a non-retryable failure when it is not JSON. */
    JsonNode answer(Response response, URI uri) throws DeliveryException {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw failure("answer is not a JSON object" + bodyExcerpt(response.body()), uri, false);
            }
            return node;
        } catch (IOException e) {
            throw failure("answer is not JSON" + bodyExcerpt(response.body()), uri, false);
        }
    }

    /** A failure the service reported inside a 200 answer. */
    DeliveryException refused(String what, URI uri, boolean retryable) {
        return failure(what, uri, retryable);
    }

    private DeliveryException failure(String what, URI uri, boolean retryable) {
        return new DeliveryException(redaction.scrub("sink " + sink + ": " + what + " at " + Redaction.url(uri)), retryable);
    }

    private String scrubbed(Exception e) {
        return e.getMessage() == null ? "" : ": " + redaction.scrub(e.getMessage());
    }

    private String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String b = body.strip().replace('\n', ' ');
        return ": " + (b.length() > MAX_BODY_IN_MESSAGE ? b.substring(0, MAX_BODY_IN_MESSAGE) + "…" : b);
    }
}
