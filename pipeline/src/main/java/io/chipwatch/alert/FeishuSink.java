package io.chipwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Posts text to a Feishu / Lark (飞书) custom bot. With a signing secret, the body carries
 * {@code timestamp} (epoch seconds, as a string) and {@code sign} = Base64 of
 * HmacSHA256(key = timestamp + "\n" + secret, data = no bytes): Feishu's own arrangement, the
 * reverse of DingTalk's. Feishu answers {@code {"code":0}} when delivered; its rate limit (11232)
 * is worth a retry, other codes (19021 bad signature, 19024 bad keyword, ...) are not.
 * Older bots answer {@code StatusCode} instead of {@code code}. Thread-safe.
 */
public final class FeishuSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(FeishuSink.class);
    private static final Set<Integer> RETRYABLE = Set.of(11232);

    private final String name;
    private final URI url;
    private final String secret;
    private final Clock clock;
    private final HttpPoster poster;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param url    the bot's webhook; its last path segment is a token (a secret)
     * @param secret the signing secret, or null for a bot secured by keywords or IPs
     */
    public FeishuSink(String name, URI url, String secret, HttpClient client, Duration timeout, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.secret = secret;
        this.clock = clock;
        this.poster = new HttpPoster(client, timeout, name, Redaction.of(url, secret));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        ObjectNode body = json.createObjectNode();
        if (secret != null) {
            long timestamp = clock.instant().getEpochSecond();
            byte[] mac = Signatures.hmacSha256((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
            body.put("timestamp", Long.toString(timestamp));
            body.put("sign", Base64.getEncoder().encodeToString(mac));
        }
        body.put("msg_type", "text");
        body.putObject("content").put("text", AlertMessage.of(alert).text());
        JsonNode answer = poster.answer(poster.post(url, body.toString(), Map.of()), url);
        JsonNode codeNode = answer.has("code") ? answer.get("code") : answer.get("StatusCode");
        int code = codeNode == null ? Integer.MIN_VALUE : codeNode.asInt(Integer.MIN_VALUE);
        if (code != 0) {
            String msg = answer.has("msg") ? answer.path("msg").asText("") : answer.path("StatusMessage").asText("");
            throw poster.refused("Feishu code " + (code == Integer.MIN_VALUE ? "missing" : code) + " " + msg, url,
                    RETRYABLE.contains(code));
        }
        LOG.info("Sink {} delivered alert {} ({} v{}) to {}", name, alert.id(), alert.kind(), alert.version(), Redaction.url(url));
    }
}
