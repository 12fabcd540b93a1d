package io.chipwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Posts Markdown to a WeCom (企业微信) group robot. The webhook's {@code key} parameter is the
 * only credential, so the URL comes from the environment and is logged redacted. WeCom answers
 * {@code {"errcode":0}} when delivered; its frequency limit (45009) and "busy" (-1) are worth a
 * retry, other codes (93000 bad key, 40058 bad content, ...) are not. Thread-safe.
 */
public final class WeComSink implements AlertSink {

    /** WeCom refuses markdown content over 4096 bytes of UTF-8. */
    static final int MAX_CONTENT_BYTES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(WeComSink.class);
    private static final Set<Integer> RETRYABLE = Set.of(45009, -1);

    private final String name;
    private final URI url;
    private final HttpPoster poster;
    private final ObjectMapper json = new ObjectMapper();

    public WeComSink(String name, URI url, HttpClient client, Duration timeout) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.poster = new HttpPoster(client, timeout, name, Redaction.of(url));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        ObjectNode body = json.createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", fit(AlertMessage.of(alert).markdown()));
        JsonNode answer = poster.answer(poster.post(url, body.toString(), Map.of()), url);
        int code = answer.path("errcode").asInt(Integer.MIN_VALUE);
        if (code != 0) {
            throw poster.refused("WeCom errcode " + (code == Integer.MIN_VALUE ? "missing" : code) + " "
                    + answer.path("errmsg").asText(""), url, RETRYABLE.contains(code));
        }
        LOG.info("Sink {} delivered alert {} ({} v{}) to {}", name, alert.id(), alert.kind(), alert.version(), Redaction.url(url));
    }

    /** Cuts at a character boundary so the content stays within the byte limit. */
    static String fit(String content) {
        if (content.getBytes(StandardCharsets.UTF_8).length <= MAX_CONTENT_BYTES) {
            return content;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        int budget = MAX_CONTENT_BYTES - "…".getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > budget) {
                break;
            }
            b.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }
}
