package io.chipwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's entries as JSON, the same whatever stores them (a line of the file, a record of
 * the topic): {@code {"op":"keep"|"sent"|"delivered", ...}}. Each entry is one whole change of
 * {@link LedgerState}, so a store that writes it in one piece never leaves the state half
 * changed. Thread-safe.
 */
final class LedgerEntries {

    private final AlertCodec codec = new AlertCodec();

    String keep(Alert alert) {
        ObjectNode e = entry("keep");
        e.set("alert", codec.tree(alert));
        return write(e);
    }

    String sent(Alert alert, String articleId, List<String> sinks) {
        ObjectNode e = entry("sent");
        e.put("article", articleId);
        sinks.forEach(e.putArray("sinks")::add);
        e.set("alert", codec.tree(alert));
        return write(e);
    }

    String delivered(String alertId, String sink, Instant at) {
        ObjectNode e = entry("delivered");
        e.put("alert", alertId);
        e.put("sink", sink);
        e.put("at", at.toString());
        return write(e);
    }

    /**
     * Applies one entry to the state.
     *
     * @throws IllegalArgumentException if the entry is null (a tombstone), not JSON, or has an unknown op or a malformed alert
     */
    void apply(String entry, LedgerState state) {
        if (entry == null) {
            throw new IllegalArgumentException("no entry");
        }
        JsonNode e;
        try {
            e = codec.mapper().readTree(entry);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
        }
        String op = e.path("op").asText();
        switch (op) {
            case "keep" -> state.keep(codec.alert(e.path("alert")));
            case "sent" -> {
                List<String> sinks = new ArrayList<>();
                e.path("sinks").forEach(s -> sinks.add(s.asText()));
                state.sent(codec.alert(e.path("alert")), e.path("article").asText(null), sinks);
            }
            case "delivered" -> state.markDelivered(e.path("alert").asText(), e.path("sink").asText());
            default -> throw new IllegalArgumentException("unknown entry " + op);
        }
    }

    private ObjectNode entry(String op) {
        ObjectNode e = codec.mapper().createObjectNode();
        e.put("op", op);
        return e;
    }

    private String write(ObjectNode entry) {
        try {
            return codec.mapper().writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a ledger entry", e);
        }
    }
}
