package io.chipwatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules and sinks of an alerts file ({@code config/alerts.yml}), checked at load: unknown
 * keys, unknown event types, duplicate names and rules naming a sink the file does not define
 * are refused with a message naming the place. Sink params are checked when the sinks are built
 * ({@link Sinks}), since only then are their environment variables read.
 *
 * @param rules the rules, in file order
 * @param sinks the sink entries, in file order
 */
public record AlertRules(List<AlertRule> rules, List<SinkConfig> sinks) {

    /** The event types the NLP's EventFinder emits (lexicon.yml {@code events:}, plus other). */
    public static final Set<String> EVENT_TYPES = Set.of("product_announcement", "mass_production", "investment_deal",
            "supply_deal", "partnership", "export_control", "ipo", "funding", "other");
    public static final int DEFAULT_MAX_PER_HOUR = 20;

    private static final Set<String> TOP_KEYS = Set.of("rules", "sinks");
    private static final Set<String> RULE_KEYS = Set.of("name", "events", "orgs", "products", "people", "keywords",
            "sources", "figures", "sinks", "max_per_hour");
    private static final Set<String> THRESHOLD_KEYS = Set.of("metric", "min", "unit");
    private static final Set<String> SINK_KEYS = Set.of("type", "name", "params");

    public AlertRules {
        rules = List.copyOf(rules);
        sinks = List.copyOf(sinks);
    }

    public static AlertRules load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new io.chipwatch.yaml.InvalidConfigException(file + ": no such alerts file (check --alerts or the configuration's alerts)");
        }
        return parse(Files.readString(file), file.toString());
    }

    /**
     * @param origin where the text came from, for messages
     * @throws io.chipwatch.yaml.InvalidConfigException naming the file, the rule or sink and the key at fault
     */
    public static AlertRules parse(String yaml, String origin) {
        try {
            return parseUnchecked(yaml, origin);
        } catch (io.chipwatch.yaml.InvalidConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new io.chipwatch.yaml.InvalidConfigException(e.getMessage(), e);
        }
    }

    private static AlertRules parseUnchecked(String yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(origin + ": expected a mapping with rules: and sinks:");
        }
        keys(root, TOP_KEYS, origin, "");
        List<SinkConfig> sinks = new ArrayList<>();
        Set<String> sinkNames = new HashSet<>();
        int i = 0;
        for (JsonNode s : list(root, "sinks", origin, "")) {
            String where = "sinks[" + i++ + "]";
            SinkConfig sink = sink(s, origin, where);
            if (!sinkNames.add(sink.name())) {
                throw new IllegalArgumentException(origin + ": " + where + ": a second sink named " + sink.name());
            }
            sinks.add(sink);
        }
        List<AlertRule> rules = new ArrayList<>();
        Set<String> ruleNames = new HashSet<>();
        i = 0;
        for (JsonNode r : list(root, "rules", origin, "")) {
            String where = "rules[" + i++ + "]";
            AlertRule rule = rule(r, origin, where);
            if (!ruleNames.add(rule.name())) {
                throw new IllegalArgumentException(origin + ": " + where + ": a second rule named " + rule.name());
            }
            for (String sink : rule.sinks()) {
                if (!sinkNames.contains(sink)) {
                    throw new IllegalArgumentException(origin + ": " + where + " (" + rule.name() + "): sink " + sink
                            + " is not defined under sinks:; defined are " + sinkNames);
                }
            }
            rules.add(rule);
        }
        return new AlertRules(rules, sinks);
    }

    private static AlertRule rule(JsonNode node, String origin, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(origin + ": " + where + ": expected a mapping");
        }
        keys(node, RULE_KEYS, origin, where);
        String name = text(node, "name", origin, where);
        String at = where + " (" + name + ")";
        List<String> events = strings(node, "events", origin, at);
        if (events.isEmpty()) {
            events = List.of("product_announcement");
        }
        for (String e : events) {
            if (!EVENT_TYPES.contains(e)) {
                throw new IllegalArgumentException(origin + ": " + at + ": unknown event type " + e + "; known are "
                        + EVENT_TYPES.stream().sorted().toList());
            }
        }
        List<AlertRule.Threshold> thresholds = new ArrayList<>();
        int i = 0;
        for (JsonNode t : list(node, "figures", origin, at)) {
            String tWhere = at + ".figures[" + i++ + "]";
            if (!t.isObject()) {
                throw new IllegalArgumentException(origin + ": " + tWhere + ": expected {metric, min, unit}");
            }
            keys(t, THRESHOLD_KEYS, origin, tWhere);
            thresholds.add(new AlertRule.Threshold(text(t, "metric", origin, tWhere), number(t, "min", origin, tWhere),
                    text(t, "unit", origin, tWhere)));
        }
        List<String> sinks = strings(node, "sinks", origin, at);
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException(origin + ": " + at + ": sinks is required; a rule that sends nowhere is a mistake");
        }
        JsonNode max = node.get("max_per_hour");
        int maxPerHour = max == null || max.isNull() ? DEFAULT_MAX_PER_HOUR : (int) number(node, "max_per_hour", origin, at);
        try {
            return new AlertRule(name, events, strings(node, "orgs", origin, at), strings(node, "products", origin, at),
                    strings(node, "people", origin, at), strings(node, "keywords", origin, at),
                    strings(node, "sources", origin, at), thresholds, sinks, maxPerHour);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static SinkConfig sink(JsonNode node, String origin, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(origin + ": " + where + ": expected {type, name, params}");
        }
        keys(node, SINK_KEYS, origin, where);
        String type = text(node, "type", origin, where);
        String name = text(node, "name", origin, where);
        JsonNode params = node.path("params");
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            throw new IllegalArgumentException(origin + ": " + where + " (" + name + "): params must be a mapping");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        params.fields().forEachRemaining(f -> values.put(f.getKey(), value(f.getValue())));
        return new SinkConfig(type, name, values);
    }

    private static Object value(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.asText()));
            return items;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return v.isNull() ? null : v.asText();
    }

    private static void keys(JsonNode node, Set<String> known, String origin, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(origin + ": " + (where.isEmpty() ? "" : where + ": ") + "unknown key "
                        + key + "; known keys are " + known.stream().sorted().toList());
            }
        }
    }

    private static List<JsonNode> list(JsonNode node, String key, String origin, String where) {
        JsonNode v = node.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(origin + ": " + prefix(where) + key + " must be a list");
        }
        v.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode node, String key, String origin, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list(node, key, origin, where)) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new IllegalArgumentException(origin + ": " + prefix(where) + key + " must be a list of words");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    private static String text(JsonNode node, String key, String origin, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException(origin + ": " + prefix(where) + key + " is required");
        }
        return v.asText().strip();
    }

    /** Numbers may be written 1e9 (YAML reads that as text) or 1_000_000 or 1,000,000. */
    private static double number(JsonNode node, String key, String origin, String where) {
        JsonNode v = node.get(key);
        if (v != null && v.isNumber()) {
            return v.asDouble();
        }
        String raw = v == null ? "" : v.asText().replace("_", "").replace(",", "").strip();
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(origin + ": " + prefix(where) + key + " must be a number, got '" + raw + "'");
        }
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }
}
