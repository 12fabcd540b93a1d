package io.chipwatch.model;

import java.util.List;

/**
 * An entity of an article, its mentions merged across scripts, languages and misspellings.
 *
 * @param type     ORG, PERSON, PRODUCT, PLACE or TECH
 * @param name     canonical name
 * @param aliases  other names: those known to the gazetteer and those seen in the text
 * @param mentions how many times the article names it
 * @param offsets  body offsets [start, end] of each mention, in text order
 */
public record Entity(String type, String name, List<String> aliases, int mentions, List<int[]> offsets) {

    public Entity {
        aliases = List.copyOf(aliases);
        offsets = List.copyOf(offsets);
    }
}
