package io.chipwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of alerts: the records on {@code chipwatch.alerts} and {@code chipwatch.alert-deliveries}
 * and the alerts the ledger keeps. Like the pipeline's other records they carry {@code schema}
 * and {@code kind}. Thread-safe.
 */
public final class AlertCodec {

    public static final int SCHEMA = 1;

    /** One alert to hand to one sink. */
    public record Delivery(Alert alert, String sink) {
    }

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // keep the publisher's offset (+08:00) rather than turning every date into UTC
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An alert on {@code chipwatch.alerts}. */
    public String alert(Alert alert) {
        ObjectNode node = header("alert");
        node.set("alert", json.valueToTree(alert));
        return write(node);
    }

    /** An alert for one sink on {@code chipwatch.alert-deliveries}. */
    public String delivery(Alert alert, String sink) {
        ObjectNode node = header("alert-delivery");
        node.put("sink", sink);
        node.set("alert", json.valueToTree(alert));
        return write(node);
    }

    public Alert readAlert(String value) {
        return alertOf(read(value, "alert"));
    }

    public Delivery readDelivery(String value) {
        JsonNode node = read(value, "alert-delivery");
        String sink = node.path("sink").asText(null);
        if (sink == null || sink.isBlank()) {
            throw new IllegalArgumentException("alert-delivery record without a sink");
        }
        return new Delivery(alertOf(node), sink);
    }

    /** An alert as a JSON tree, for records that embed one (the ledger's lines). */
    JsonNode tree(Alert alert) {
        return json.valueToTree(alert);
    }

    Alert alert(JsonNode node) {
        try {
            return json.treeToValue(node, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed alert: " + e.getOriginalMessage(), e);
        }
    }

    ObjectMapper mapper() {
        return json;
    }

    private Alert alertOf(JsonNode record) {
        JsonNode a = record.get("alert");
        if (a == null || !a.isObject()) {
            throw new IllegalArgumentException("record without an alert");
        }
        return alert(a);
    }

    private ObjectNode header(String kind) {
        ObjectNode node = json.createObjectNode();
        node.put("schema", SCHEMA);
        node.put("kind", kind);
        return node;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an alert record", e);
        }
    }

    private JsonNode read(String value, String kind) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node.path("schema").asInt(-1) != SCHEMA) {
            throw new IllegalArgumentException("record has schema " + node.path("schema") + ", this version reads schema " + SCHEMA);
        }
        if (!kind.equals(node.path("kind").asText())) {
            throw new IllegalArgumentException("expected a " + kind + " record, got kind " + node.path("kind"));
        }
        return node;
    }
}
