package io.chipwatch.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the {@code sinks:} section: {@code {type: dingtalk, name: ops, params: {...}}}.
 * Params hold no secrets, only the names of the environment variables that do.
 *
 * @param type   webhook, slack, dingtalk, feishu, wecom, email or index
 * @param name   unique name the rules refer to
 * @param params the type's settings, as read from YAML (strings, numbers, booleans, lists)
 */
public record SinkConfig(String type, String name, Map<String, Object> params) {

    public SinkConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        params = Map.copyOf(params);
    }

    /** A param as text, or null when absent. */
    public String text(String key) {
        Object v = params.get(key);
        return v == null ? null : v.toString();
    }

    /** A param as text; absent is a configuration error naming the sink and the key. */
    public String required(String key) {
        String v = text(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("sink " + name + " (" + type + "): params." + key + " is required");
        }
        return v;
    }

    public int integer(String key, int fallback) {
        Object v = params.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sink " + name + " (" + type + "): params." + key + " must be a whole number, got " + v);
        }
    }

    /** A param as a list of text; a single value counts as a list of one, absent as empty. */
    public List<String> list(String key) {
        Object v = params.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> items) {
            items.forEach(i -> out.add(String.valueOf(i)));
        } else if (v != null) {
            out.add(v.toString());
        }
        return out;
    }
}
