package io.chipwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chipwatch.yaml.InvalidConfigException;
import io.chipwatch.yaml.StrictYaml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ChipwatchConfig}: the built-in profile (embedded or kafka) or a YAML file,
 * then environment overrides. Every value has an environment name made of its path:
 * {@code bus.bootstrap} is {@code CHIPWATCH_BUS_BOOTSTRAP}, {@code store.urls} is
 * {@code CHIPWATCH_STORE_URLS} (comma-separated). The file and then the environment are bound
 * strictly: an unknown key or a value of the wrong type is an {@link InvalidConfigException}
 * listing every such mistake with its line and path. Secrets are accepted only from the
 * environment ({@code CHIPWATCH_STORE_PASSWORD}, {@code CHIPWATCH_STORE_API_KEY}); a file that
 * contains one is refused, so none ends up in a repository.
 */
public final class ConfigLoader {

    /** Paths an environment variable may set; lists take comma-separated values. */
    private static final List<String> PATHS = List.of("data", "stages", "sources", "alerts", "bus.kind", "bus.partitions",
            "bus.capacity", "bus.bootstrap", "bus.replication", "store.kind", "store.urls", "store.index_prefix",
            "store.username", "store.ca_certificate", "store.insecure_tls", "workers.extract", "workers.nlp", "workers.index");
    private static final List<String> LISTS = List.of("stages", "store.urls");
    private static final java.util.regex.Pattern PROBLEM = java.util.regex.Pattern.compile("^.*?(?::\\d+)?: ([a-z_]+(?:\\.[a-z_]+)?): (.*)$");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final StrictYaml strict = new StrictYaml();
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
                throw new InvalidConfigException("--profile " + name + ": no such profile; profiles are embedded and kafka");
            }
            return load(strict.read(in, "profile " + name, ConfigFile.class), "profile " + name);
        }
    }

    public ChipwatchConfig file(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidConfigException(path + ": no such configuration file (check --config)");
        }
        return load(strict.read(path, ConfigFile.class), path.toString());
    }

    /** Checks a configuration file as {@link #file} reads it, environment overrides included. */
    public void check(Path path) throws IOException {
        file(path);
    }

    private ChipwatchConfig load(ConfigFile file, String origin) throws IOException {
        List<String> problems = new ArrayList<>();
        ConfigFile.StoreFile s = file.store();
        if (s != null && s.password() != null) {
            problems.add(origin + ": store.password is a secret; set it in the environment instead (CHIPWATCH_STORE_PASSWORD)");
        }
        if (s != null && s.apiKey() != null) {
            problems.add(origin + ": store.api_key is a secret; set it in the environment instead (CHIPWATCH_STORE_API_KEY)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        ConfigFile c = overridden(file, origin);
        ConfigFile.BusFile bus = c.bus() == null ? new ConfigFile.BusFile(null, null, null, null, null) : c.bus();
        ConfigFile.StoreFile store = c.store() == null ? new ConfigFile.StoreFile(null, null, null, null, null, null, null, null) : c.store();
        try {
            return new ChipwatchConfig(
                    Path.of(or(c.data(), "data")),
                    new ChipwatchConfig.Bus(or(bus.kind(), "journal"), or(bus.partitions(), 4), or(bus.capacity(), 1000),
                            bus.bootstrap(), (short) (int) or(bus.replication(), 1)),
                    new ChipwatchConfig.Store(or(store.kind(), "lucene"), store.urls(), or(store.indexPrefix(), "chipwatch"),
                            store.username(), env.get("CHIPWATCH_STORE_PASSWORD"), env.get("CHIPWATCH_STORE_API_KEY"),
                            store.caCertificate(), or(store.insecureTls(), false)),
                    c.stages() == null || c.stages().isEmpty() ? ChipwatchConfig.DEFAULT_STAGES : c.stages(),
                    c.sources() == null ? null : Path.of(c.sources()),
                    c.alerts() == null ? null : Path.of(c.alerts()),
                    c.workers() == null ? ChipwatchConfig.Workers.DEFAULT : c.workers().toWorkers());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(origin + ": " + e.getMessage(), e);
        }
    }

    /** The file's values with the environment's on top, bound as strictly as the file. */
    private ConfigFile overridden(ConfigFile file, String origin) throws IOException {
        ObjectNode tree = yaml.valueToTree(file);
        List<String> set = new ArrayList<>();
        for (String path : PATHS) {
            String name = envName(path);
            String value = env.get(name);
            if (value == null) {
                continue;
            }
            set.add(name);
            String[] parts = path.split("\\.");
            ObjectNode parent = parts.length == 1 ? tree : tree.has(parts[0]) && tree.get(parts[0]).isObject()
                    ? (ObjectNode) tree.get(parts[0]) : tree.putObject(parts[0]);
            String key = parts[parts.length - 1];
            if (LISTS.contains(path)) {
                ArrayNode list = parent.putArray(key);
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        list.add(item.trim());
                    }
                }
            } else {
                parent.set(key, scalar(value));
            }
        }
        if (set.isEmpty()) {
            return file;
        }
        byte[] merged = yaml.writeValueAsBytes(tree);
        try {
            return strict.read(new ByteArrayInputStream(merged), origin, ConfigFile.class);
        } catch (InvalidConfigException e) {
            // the merged text is nobody's file: name the variable, not a line in it
            List<String> problems = new ArrayList<>();
            for (String problem : e.problems()) {
                java.util.regex.Matcher m = PROBLEM.matcher(problem);
                problems.add(m.matches() ? envName(m.group(1)) + " (over " + origin + "): " + m.group(2) : problem);
            }
            throw new InvalidConfigException(problems);
        }
    }

    /** An environment value typed as YAML would type it, so CHIPWATCH_BUS_PARTITIONS=8 is a number. */
    private JsonNode scalar(String value) throws IOException {
        JsonNode node = value.isBlank() ? null : yaml.readTree(value);
        return node == null || node.isContainerNode() ? yaml.getNodeFactory().textNode(value) : node;
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    static String envName(String path) {
        return "CHIPWATCH_" + path.replace('.', '_').toUpperCase();
    }
}
