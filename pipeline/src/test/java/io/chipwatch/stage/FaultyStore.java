package io.chipwatch.stage;

import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.EventDoc;
import io.chipwatch.store.FigureDoc;
import io.chipwatch.store.Indexable;
import io.chipwatch.store.SearchHits;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import io.chipwatch.store.StoreException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real store with the failures a remote one has: it can be away for a number of writes
 * (retryable, as Elasticsearch down) and refuse for good a write holding an article whose title
 * contains a marker (as a mapping error in one item of a {@code _bulk}). It remembers the size
 * of every write it was asked for, failed or not.
 */
final class FaultyStore implements SearchStore {

    private final SearchStore store;
    private final String refusedTitle;
    private final AtomicInteger awayFor = new AtomicInteger();
    private final List<Integer> writes = new CopyOnWriteArrayList<>();

    FaultyStore(SearchStore store, String refusedTitle) {
        this.store = store;
        this.refusedTitle = refusedTitle;
    }

    /** The next {@code writes} writes fail as retryable; a large number keeps the store away. */
    void awayFor(int writes) {
        awayFor.set(writes);
    }

    /** The number of articles of each write asked for, in order. */
    List<Integer> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void index(List<Indexable> batch) {
        writes.add(batch.size());
        if (awayFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreException("connection refused", true, null);
        }
        for (Indexable item : batch) {
            if (item instanceof Indexable.Article a && a.article().title().contains(refusedTitle)) {
                throw new StoreException("1 of " + batch.size() + " documents failed: " + a.id() + " (400 mapper_parsing_exception)", false, null);
            }
        }
        store.index(batch);
    }

    @Override
    public void refresh() {
        store.refresh();
    }

    @Override
    public SearchHits<ArticleDoc> articles(SearchQuery query) {
        return store.articles(query);
    }

    @Override
    public SearchHits<FigureDoc> figures(SearchQuery query) {
        return store.figures(query);
    }

    @Override
    public SearchHits<EventDoc> events(SearchQuery query) {
        return store.events(query);
    }

    @Override
    public SearchHits<AlertDoc> alerts(SearchQuery query) {
        return store.alerts(query);
    }

    @Override
    public void close() {
        store.close();
    }
}
