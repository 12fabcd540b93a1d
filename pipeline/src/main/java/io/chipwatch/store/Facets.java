package io.chipwatch.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Facet counts in the order both stores give them: most frequent first, ties by value. */
final class Facets {

    private Facets() {
    }

    static List<SearchHits.FacetCount> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new SearchHits.FacetCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SearchHits.FacetCount::count).reversed().thenComparing(SearchHits.FacetCount::value))
                .limit(SearchHits.FACET_SIZE)
                .toList();
    }
}
