package io.chipwatch.store;

import java.util.List;

/** The documents a search found, at most the query's limit, and how many matched in all. */
public record SearchHits<T>(long total, List<T> hits) {

    public SearchHits {
        hits = List.copyOf(hits);
    }
}
