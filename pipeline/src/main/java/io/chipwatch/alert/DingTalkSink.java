package io.chipwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Posts Markdown to a DingTalk (钉钉) group robot. With a signing secret ("加签"), each request
 * carries {@code timestamp} (epoch ms) and {@code sign} = URL-encoded Base64 of
 * HmacSHA256(key = secret, data = timestamp + "\n" + secret) as query parameters; DingTalk
 * refuses a timestamp more than an hour off. DingTalk answers HTTP 200 with {@code errcode}:
 * 0 is delivered, its rate limit and "busy" are worth a retry, everything else (310000 bad
 * signature or IP, 300001 bad token, ...) is not. Thread-safe.
 */
public final class DingTalkSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(DingTalkSink.class);
    /** 130101: sending too fast (20 messages a minute per robot); -1: system busy. */
    private static final Set<Integer> RETRYABLE = Set.of(130101, -1);

    private final String name;
    private final URI url;
    private final String secret;
    private final Clock clock;
    private final HttpPoster poster;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param url    the robot's webhook, with its access_token (a secret)
     * @param secret the signing secret (SEC...), or null for a robot secured by keywords or IPs
     */
    public DingTalkSink(String name, URI url, String secret, HttpClient client, Duration timeout, Clock clock) {
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
        AlertMessage message = AlertMessage.of(alert);
        ObjectNode body = json.createObjectNode();
        body.put("msgtype", "markdown");
        ObjectNode markdown = body.putObject("markdown");
        markdown.put("title", message.title());
        markdown.put("text", message.markdown());
        URI target = secret == null ? url : signed(clock.millis());
        JsonNode answer = poster.answer(poster.post(target, body.toString(), Map.of()), target);
        int code = answer.path("errcode").asInt(Integer.MIN_VALUE);
        if (code != 0) {
            throw poster.refused("DingTalk errcode " + (code == Integer.MIN_VALUE ? "missing" : code) + " "
                    + answer.path("errmsg").asText(""), target, RETRYABLE.contains(code));
        }
        LOG.info("Sink {} delivered alert {} ({} v{}) to {}", name, alert.id(), alert.kind(), alert.version(), Redaction.url(url));
    }

    private URI signed(long timestamp) {
        byte[] mac = Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        String sign = URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
        String u = url.toString();
        return URI.create(u + (url.getRawQuery() == null ? "?" : "&") + "timestamp=" + timestamp + "&sign=" + sign);
    }
}
