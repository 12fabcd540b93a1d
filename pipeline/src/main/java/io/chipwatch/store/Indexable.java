package io.chipwatch.store;

import java.util.List;

/** Everything one enriched article puts into the store, indexed together. */
public record Indexable(ArticleDoc article, List<FigureDoc> figures, List<EventDoc> events) {

    public Indexable {
        figures = List.copyOf(figures);
        events = List.copyOf(events);
    }
}
