package io.chipwatch.store;

import java.util.List;

/**
 * The port to the search index. Adapters: Elasticsearch and embedded Lucene, with the same
 * document shapes and query features (one contract test suite covers both).
 *
 * <p>A store may be opened for searching only ({@code Components.readOnlyStore}), beside a process
 * that writes it: the embedded Lucene store then takes no lock and sees the writer's commits.
 * {@link #index} on such a store throws {@link IllegalStateException}.
 */
public interface SearchStore extends AutoCloseable {

    /**
     * Indexes the documents of these articles and these alerts. Ids are deterministic, so indexing
     * an article again replaces its documents (its old figures and events included), and an alert
     * again replaces it, instead of adding copies.
     *
     * @throws StoreException when the store cannot take them; nothing is then half-indexed for an article
     */
    void index(List<Indexable> batch);

    /** Makes everything indexed so far visible to searches. */
    void refresh();

    SearchHits<ArticleDoc> articles(SearchQuery query);

    SearchHits<FigureDoc> figures(SearchQuery query);

    SearchHits<EventDoc> events(SearchQuery query);

    SearchHits<AlertDoc> alerts(SearchQuery query);

    @Override
    void close();
}
