package io.chipwatch.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipwatch.bus.BusRecord;

import java.io.UncheckedIOException;

/** Builds the dead-letter entry for an input a stage could not handle: where it failed, why, and the input itself. */
final class DeadLetter {

    static final int SCHEMA = 1;

    private final ObjectMapper json;

    DeadLetter(ObjectMapper json) {
        this.json = json;
    }

    /** The entry as JSON; {@code input} holds the original value as text, so even a value that is not JSON survives. */
    String entry(String stage, BusRecord input, Throwable error) {
        return write(node(stage, input, error), input);
    }

    /**
     * A notice that the stage keeps the input and retries it ({@code "status": "retrying"}): not a
     * dead letter, but where operators already look for records that are stuck.
     */
    String retrying(String stage, BusRecord input, Throwable error) {
        ObjectNode node = node(stage, input, error);
        node.put("status", "retrying");
        return write(node, input);
    }

    private ObjectNode node(String stage, BusRecord input, Throwable error) {
        ObjectNode node = json.createObjectNode();
        node.put("schema", SCHEMA);
        node.put("stage", stage);
        node.put("error", message(error));
        node.put("error_class", error.getClass().getName());
        node.put("topic", input.topic());
        node.put("partition", input.partition());
        node.put("offset", input.offset());
        node.put("key", input.key());
        node.put("input", input.value());
        return node;
    }

    private String write(ObjectNode node, BusRecord input) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the dead-letter entry of " + input.key(), e);
        }
    }

    /** Some exceptions carry no message; the class name is then the most useful thing to show. */
    static String message(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getName();
    }
}
