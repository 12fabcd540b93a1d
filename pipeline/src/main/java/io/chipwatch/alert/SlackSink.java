package io.chipwatch.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Posts to a Slack incoming webhook as mrkdwn text. The webhook URL is the secret (its path
 * holds the token), so it comes from the environment and is logged redacted. Slack answers
 * 200 "ok", or 4xx with a reason (invalid_payload, no_service) that retrying will not fix.
 * Thread-safe.
 */
public final class SlackSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSink.class);

    private final String name;
    private final URI url;
    private final HttpPoster poster;
    private final ObjectMapper json = new ObjectMapper();

    public SlackSink(String name, URI url, HttpClient client, Duration timeout) {
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
        body.put("text", AlertMessage.of(alert).slack());
        poster.post(url, body.toString(), Map.of());
        LOG.info("Sink {} delivered alert {} ({} v{}) to {}", name, alert.id(), alert.kind(), alert.version(), Redaction.url(url));
    }
}
