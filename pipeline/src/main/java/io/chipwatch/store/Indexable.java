package io.chipwatch.store;

import java.util.List;

/**
 * Something {@link SearchStore#index} takes: an enriched article with its figures and events,
 * indexed together, or an alert. Sealed, so every adapter knows each shape it must store.
 */
public sealed interface Indexable permits Indexable.Article, AlertDoc {

    /** The document id: indexing something with the same id again replaces it. */
    String id();

    /** Everything one enriched article puts into the store. */
    record Article(ArticleDoc article, List<FigureDoc> figures, List<EventDoc> events) implements Indexable {

        public Article {
            figures = List.copyOf(figures);
            events = List.copyOf(events);
        }

        @Override
        public String id() {
            return article.id();
        }
    }
}
