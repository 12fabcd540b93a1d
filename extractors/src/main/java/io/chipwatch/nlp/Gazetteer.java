package io.chipwatch.nlp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The domain gazetteer: entries by canonical name and by every alias. Aliases are looked up
 * case-insensitively for Latin script. Immutable and thread-safe once loaded; load it once and
 * pass it to whatever needs it.
 */
public final class Gazetteer {

    public static final String DEFAULT_RESOURCE = "chipwatch/gazetteer.yml";

    private final Map<String, GazetteerEntry> byName;
    private final Map<String, List<GazetteerEntry>> byAlias;

    public Gazetteer(List<GazetteerEntry> entries) {
        Map<String, GazetteerEntry> names = new LinkedHashMap<>();
        for (GazetteerEntry e : entries) {
            if (names.put(e.name(), e) != null) {
                throw new IllegalArgumentException("gazetteer names " + e.name() + " twice");
            }
        }
        for (GazetteerEntry e : entries) {
            requireEntry(names, e, "vendor", e.vendor());
            requireEntry(names, e, "org", e.org());
        }
        Map<String, List<GazetteerEntry>> aliases = new HashMap<>();
        for (GazetteerEntry e : entries) {
            for (String alias : e.allNames()) {
                List<GazetteerEntry> list = aliases.computeIfAbsent(key(alias), k -> new ArrayList<>());
                if (!list.contains(e)) {
                    list.add(e);
                }
            }
        }
        aliases.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Collections.unmodifiableMap(names);
        this.byAlias = Collections.unmodifiableMap(aliases);
    }

    /** The gazetteer shipped in the models module. */
    public static Gazetteer defaults() throws IOException {
        try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("classpath resource " + DEFAULT_RESOURCE + " is missing (is chipwatch-models on the classpath?)");
            }
            return read(in);
        }
    }

    public static Gazetteer read(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File file = mapper.readValue(yaml, File.class);
        return new Gazetteer(file.entries() == null ? List.of() : file.entries());
    }

    public Optional<GazetteerEntry> byName(String canonical) {
        return Optional.ofNullable(byName.get(canonical));
    }

    /** Entries known by this alias (more than one only for ambiguous aliases); empty, never null. */
    public List<GazetteerEntry> lookup(String alias) {
        return byAlias.getOrDefault(key(alias), List.of());
    }

    public List<GazetteerEntry> entries() {
        return List.copyOf(byName.values());
    }

    public int size() {
        return byName.size();
    }

    private static String key(String alias) {
        return alias.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireEntry(Map<String, GazetteerEntry> names, GazetteerEntry e, String field, String ref) {
        if (ref != null && !names.containsKey(ref)) {
            throw new IllegalArgumentException("gazetteer entry " + e.name() + " has " + field + " " + ref + ", which is no entry");
        }
    }

    private record File(@JsonProperty("entries") List<GazetteerEntry> entries) {
    }
}
