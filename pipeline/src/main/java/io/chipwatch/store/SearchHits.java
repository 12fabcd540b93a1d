package io.chipwatch.store;

import java.util.List;
import java.util.Map;

/**
 * The documents a search found, at most the query's limit, and how many matched in all; when the
 * query asked for facets, the matching documents counted by keyword field.
 *
 * @param facets by facet name ({@value #SOURCE}, {@value #ENTITY}, {@value #TYPE} for articles), the
 *               values most frequent first (ties by value), at most {@value #FACET_SIZE} each; empty
 *               when not asked for
 */
public record SearchHits<T>(long total, List<T> hits, Map<String, List<FacetCount>> facets) {

    public static final String SOURCE = "source";
    public static final String ENTITY = "entity";
    /** Of articles: the types of the events found in the matching articles, counted per event. */
    public static final String TYPE = "type";
    public static final int FACET_SIZE = 20;

    /** A value of a keyword field and how many matching documents have it. */
    public record FacetCount(String value, long count) {
    }

    public SearchHits {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public SearchHits(long total, List<T> hits) {
        this(total, hits, Map.of());
    }
}
