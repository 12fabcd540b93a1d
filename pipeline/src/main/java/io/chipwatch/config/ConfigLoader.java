package io.chipwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ChipwatchConfig}: the built-in profile (embedded or kafka) or a YAML file,
 * then environment overrides. Every value has an environment name made of its path:
 * {@code bus.bootstrap} is {@code CHIPWATCH_BUS_BOOTSTRAP}, {@code store.urls} is
 * {@code CHIPWATCH_STORE_URLS} (comma-separated). Secrets are accepted only from the
 * environment ({@code CHIPWATCH_STORE_PASSWORD}, {@code CHIPWATCH_STORE_API_KEY}); a file that
 * contains one is refused, so none ends up in a repository.
 */
public final class ConfigLoader {

    private static final Set<String> SECRETS = Set.of("password", "api_key");
    private static final Set<String> KNOWN = Set.of("data", "bus", "store", "stages", "sources", "alerts", "kind", "partitions",
            "capacity", "bootstrap", "replication", "urls", "index_prefix", "username", "ca_certificate", "insecure_tls",
            "workers", "extract", "nlp", "index");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Map<String, String> env;

    /** @param env the environment (System.getenv() in production; a map in tests) */
    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /** A built-in profile: {@code embedded} (embedded bus journaled under the data folder, Lucene) or {@code kafka} (Kafka, Elasticsearch). */
    public ChipwatchConfig profile(String name) throws IOException {
        String resource = "chipwatch/config/chipwatch-" + name + ".yml";
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown profile '" + name + "'; profiles are embedded and kafka");
            }
            return load(yaml.readTree(in), resource);
        }
    }

    public ChipwatchConfig file(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("configuration file " + path + " does not exist");
        }
        return load(yaml.readTree(path.toFile()), path.toString());
    }

    private ChipwatchConfig load(JsonNode root, String origin) {
        if (!(root instanceof ObjectNode tree)) {
            throw new IllegalArgumentException(origin + ": expected a YAML mapping at the top");
        }
        check(tree, origin, "");
        override(tree, "CHIPWATCH");
        JsonNode bus = tree.path("bus");
        JsonNode store = tree.path("store");
        List<String> urls = new ArrayList<>();
        store.path("urls").forEach(u -> urls.add(u.asText()));
        List<String> stages = new ArrayList<>();
        tree.path("stages").forEach(s -> stages.add(s.asText()));
        return new ChipwatchConfig(
                Path.of(tree.path("data").asText("data")),
                new ChipwatchConfig.Bus(bus.path("kind").asText("journal"), bus.path("partitions").asInt(4),
                        bus.path("capacity").asInt(1000), text(bus, "bootstrap"), (short) bus.path("replication").asInt(1)),
                new ChipwatchConfig.Store(store.path("kind").asText("lucene"), urls, store.path("index_prefix").asText("chipwatch"),
                        text(store, "username"), env.get("CHIPWATCH_STORE_PASSWORD"), env.get("CHIPWATCH_STORE_API_KEY"),
                        text(store, "ca_certificate"), store.path("insecure_tls").asBoolean(false)),
                stages.isEmpty() ? ChipwatchConfig.DEFAULT_STAGES : stages,
                text(tree, "sources") == null ? null : Path.of(text(tree, "sources")),
                text(tree, "alerts") == null ? null : Path.of(text(tree, "alerts")),
                workers(tree.path("workers"), origin));
    }

    /** {@code workers: {extract: 2, nlp: 2, index: 1}}; a stage left out gets one per core. */
    private static ChipwatchConfig.Workers workers(JsonNode node, String origin) {
        Map<String, Integer> perStage = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode n = f.getValue();
            if (n.isNull()) {
                continue;
            }
            if (!(n.isIntegralNumber() && n.canConvertToInt()) && !(n.isTextual() && n.asText().strip().matches("\\d{1,6}"))) {
                throw new IllegalArgumentException(origin + ": workers." + f.getKey() + " must be a whole number, not '" + n.asText() + "'");
            }
            perStage.put(f.getKey(), n.asInt());
        }
        try {
            return new ChipwatchConfig.Workers(perStage);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Unknown keys are typos; secrets belong in the environment. */
    private static void check(JsonNode node, String origin, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String where = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (SECRETS.contains(f.getKey())) {
                throw new IllegalArgumentException(origin + ": " + where + " is a secret; set it in the environment instead ("
                        + envName("CHIPWATCH", where) + ")");
            }
            if (!KNOWN.contains(f.getKey())) {
                throw new IllegalArgumentException(origin + ": unknown key " + where);
            }
            if (f.getValue().isObject()) {
                check(f.getValue(), origin, where);
            }
        }
    }

    /** Replaces each value whose environment name is set; lists take comma-separated values. */
    private void override(ObjectNode node, String prefix) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = node.get(name);
            String envName = prefix + "_" + name.toUpperCase();
            if (value.isObject()) {
                override((ObjectNode) value, envName);
                continue;
            }
            String set = env.get(envName);
            if (set == null) {
                continue;
            }
            if (value.isArray()) {
                ArrayNode list = node.putArray(name);
                for (String item : set.split(",")) {
                    if (!item.isBlank()) {
                        list.add(item.trim());
                    }
                }
            } else {
                node.put(name, set);
            }
        }
    }

    private static String envName(String prefix, String path) {
        return prefix + "_" + path.replace('.', '_').toUpperCase();
    }
}
