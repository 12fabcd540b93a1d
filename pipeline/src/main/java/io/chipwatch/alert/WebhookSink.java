package io.chipwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs the alert as JSON to any HTTP endpoint. The receiver checks
 * {@code X-Chipwatch-Signature: sha256=<hex HMAC-SHA256, keyed with the shared secret, of
 * timestamp + "." + the exact body bytes>}, where timestamp is the {@code X-Chipwatch-Timestamp}
 * header (epoch seconds): the signature covers the time, so a receiver that refuses old
 * timestamps refuses replayed deliveries too.
 * Thread-safe.
 */
public final class WebhookSink implements AlertSink {

    public static final String SIGNATURE_HEADER = "X-Chipwatch-Signature";
    public static final String TIMESTAMP_HEADER = "X-Chipwatch-Timestamp";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    private final String name;
    private final URI url;
    private final byte[] secret;
    private final Clock clock;
    private final HttpPoster poster;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** @param secret the shared signing secret, never logged */
    public WebhookSink(String name, URI url, String secret, HttpClient client, Duration timeout, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.secret = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.poster = new HttpPoster(client, timeout, name, Redaction.of(url, secret));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        String body;
        try {
            body = json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("sink " + name + ": cannot serialise alert " + alert.id() + ": " + e.getOriginalMessage(), false);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = HexFormat.of().formatHex(Signatures.hmacSha256(secret,
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        poster.post(url, body, Map.of(SIGNATURE_HEADER, "sha256=" + signature, TIMESTAMP_HEADER, timestamp));
        LOG.info("Sink {} delivered alert {} ({} v{}) to {}", name, alert.id(), alert.kind(), alert.version(), Redaction.url(url));
    }
}
