package io.chipwatch.nlp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One named thing of the semiconductor ecosystem, as written in {@code chipwatch/gazetteer.yml}.
 *
 * @param name         canonical name
 * @param type         ORG, PERSON, PRODUCT, PLACE or TECH
 * @param kind         free sub-type (foundry, gpu, process_node, ...)
 * @param zh           other Chinese names, simplified and traditional
 * @param en           English names
 * @param misspellings typos and machine-translation variants seen in text
 * @param ambiguous    aliases that need context before they are linked
 * @param vendor       for a product, the canonical name of its vendor; else null
 * @param org          for a person, the canonical name of their organisation; else null
 * @param role         for a person, their role; else null
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GazetteerEntry(String name, String type, String kind, List<String> zh, List<String> en,
                             List<String> misspellings, List<String> ambiguous,
                             String vendor, String org, String role) {

    static final Set<String> TYPES = Set.of("ORG", "PERSON", "PRODUCT", "PLACE", "TECH");

    public GazetteerEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("gazetteer entry without a name");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("gazetteer entry " + name + " has type " + type + ", expected one of " + TYPES);
        }
        zh = zh == null ? List.of() : List.copyOf(zh);
        en = en == null ? List.of() : List.copyOf(en);
        misspellings = misspellings == null ? List.of() : List.copyOf(misspellings);
        ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
    }

    /** Every name this entry is known by, canonical first. */
    public List<String> allNames() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(zh);
        all.addAll(en);
        all.addAll(misspellings);
        return all;
    }
}
