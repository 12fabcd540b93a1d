package io.chipwatch.store;

import io.chipwatch.nlp.Gazetteer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The embedded {@link SearchStore}: four Lucene indices, one per document kind, in folders
 * {@code articles}, {@code figures}, {@code events} and {@code alerts} under a base folder (or in memory, for
 * tests). Chinese is analysed word by word with {@link HanLpAnalyzer}; {@link LuceneQueries}
 * says what a query matches.
 *
 * <p>{@link #index} commits before it returns, so what it took survives a crash (as documents
 * acknowledged by Elasticsearch do) and a caller may then commit its bus offsets. An article's
 * own index entry and its figures and events each change atomically, but the indices are
 * separate: a search running while a batch is indexed and refreshed may see an article
 * replaced before its figures are.
 *
 * <p>What {@link #index} took is searchable in this process when it returns (a near-real-time
 * reopen of the searchers over the writer).
 *
 * <p>Thread-safe: Lucene's {@code IndexWriter} and {@code SearcherManager} are, and the store
 * keeps no other mutable state than its closed flag. Only one process may open a folder for
 * writing at a time (Lucene's write lock); any number of others may open it with
 * {@link #openReadOnly}, which takes no lock and sees the writer's commits.
 */
public final class LuceneSearchStore implements SearchStore {

    private static final List<String> KINDS = List.of("articles", "figures", "events", "alerts");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LuceneSearchStore.class);

    private final LuceneIndex articles;
    private final LuceneIndex figures;
    private final LuceneIndex events;
    private final LuceneIndex alerts;
    private final LuceneQueries queries;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LuceneSearchStore(LuceneIndex articles, LuceneIndex figures, LuceneIndex events, LuceneIndex alerts,
                              LuceneQueries queries) {
        this.articles = articles;
        this.figures = figures;
        this.events = events;
        this.alerts = alerts;
        this.queries = queries;
    }

    /**
     * Opens the store kept in this folder, creating the folder and its indices when missing.
     *
     * @throws StoreException when an index cannot be opened: retryable when the folder is locked
     *                        by another process or I/O failed, not when an index is corrupt
     */
    public static LuceneSearchStore open(Path dir, Gazetteer gazetteer) {
        return open(gazetteer, kind -> {
            Path folder = dir.resolve(kind);
            Files.createDirectories(folder);
            return FSDirectory.open(folder);
        }, dir.toString());
    }

    /**
     * Opens the store kept in this folder for searching only, while another process (say
     * {@code chipwatch run}) may be writing it: it never takes the write lock and never creates
     * anything. Each search sees the writer's last commit — {@link #index} commits every batch, so
     * what was indexed is visible at once. A kind whose folder holds no commit yet has no hits.
     * {@link #index} throws {@link IllegalStateException}; {@link #refresh} looks for a newer commit.
     */
    public static LuceneSearchStore openReadOnly(Path dir, Gazetteer gazetteer) {
        HanLpAnalyzer analyzer = new HanLpAnalyzer(gazetteer);
        List<LuceneIndex> opened = new ArrayList<>();
        for (String kind : KINDS) {
            opened.add(LuceneIndex.openReadOnly(kind, dir.resolve(kind)));
        }
        return new LuceneSearchStore(opened.get(0), opened.get(1), opened.get(2), opened.get(3),
                new LuceneQueries(analyzer, gazetteer));
    }

    /** A store that lives in memory only and is gone when closed; for tests and one-off runs. */
    public static LuceneSearchStore inMemory(Gazetteer gazetteer) {
        return open(gazetteer, kind -> new ByteBuffersDirectory(), "memory");
    }

    private static LuceneSearchStore open(Gazetteer gazetteer, DirectoryFactory directories, String where) {
        HanLpAnalyzer analyzer = new HanLpAnalyzer(gazetteer);
        List<LuceneIndex> opened = new ArrayList<>();
        try {
            for (String kind : KINDS) {
                opened.add(LuceneIndex.open(kind, directories.open(kind), analyzer));
            }
            return new LuceneSearchStore(opened.get(0), opened.get(1), opened.get(2), opened.get(3),
                    new LuceneQueries(analyzer, gazetteer));
        } catch (IOException e) {
            for (LuceneIndex index : opened) {
                closeQuietly(index, e);
            }
            throw storeException("cannot open the search index in " + where, e, false);
        }
    }

    @Override
    public void index(List<Indexable> batch) {
        requireOpen();
        if (articles.readOnly()) {
            throw new IllegalStateException("the search store was opened read-only");
        }
        try {
            for (Indexable item : batch) {
                if (item instanceof Indexable.Article a) {
                    ArticleDoc article = a.article();
                    articles.put(article.id(), LuceneDocuments.article(article));
                    figures.replaceArticle(article.id(), documents(a.figures(), LuceneDocuments::figure));
                    events.replaceArticle(article.id(), documents(a.events(), LuceneDocuments::event));
                } else if (item instanceof AlertDoc alert) {
                    alerts.put(alert.id(), LuceneDocuments.alert(alert));
                }
            }
            for (LuceneIndex index : all()) {
                index.commit();
            }
        } catch (IOException e) {
            throw failure("cannot index " + batch.size() + " documents", e);
        }
        // Durable already: a reopen that fails leaves the batch indexed, searchable at the next refresh.
        try {
            for (LuceneIndex index : all()) {
                index.refresh();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Indexed {} documents but could not reopen the searchers over them: {}", batch.size(), e.toString());
        }
    }

    @Override
    public void refresh() {
        requireOpen();
        try {
            for (LuceneIndex index : all()) {
                index.refresh();
            }
        } catch (IOException e) {
            throw failure("cannot refresh the search index", e);
        }
    }

    @Override
    public SearchHits<ArticleDoc> articles(SearchQuery query) {
        Query lucene = queries.articles(query.requireKind(SearchQuery.Kind.ARTICLES));
        SearchHits<ArticleDoc> hits = search(articles, SearchQuery.Kind.ARTICLES, query, lucene, LuceneDocuments::article);
        if (!query.facets()) {
            return hits;
        }
        try {
            return new SearchHits<>(hits.total(), hits.hits(), articleFacets(lucene));
        } catch (IOException e) {
            throw failure("cannot count the facets of the articles index", e);
        }
    }

    /** Counts of the articles this query matches by source and entity, and of their events by type. */
    private Map<String, List<SearchHits.FacetCount>> articleFacets(Query matching) throws IOException {
        Map<String, Map<String, Long>> counts = articles.count(matching, Set.of(LuceneDocuments.SOURCE, LuceneDocuments.ENTITIES, LuceneDocuments.ID));
        List<BytesRef> ids = counts.get(LuceneDocuments.ID).keySet().stream().map(BytesRef::new).toList();
        Map<String, Long> types = ids.isEmpty() ? Map.of()
                : events.count(new TermInSetQuery(LuceneDocuments.ARTICLE_ID, ids), Set.of(LuceneDocuments.TYPE)).get(LuceneDocuments.TYPE);
        return Map.of(SearchHits.SOURCE, Facets.top(counts.get(LuceneDocuments.SOURCE)),
                SearchHits.ENTITY, Facets.top(counts.get(LuceneDocuments.ENTITIES)),
                SearchHits.TYPE, Facets.top(types));
    }

    @Override
    public SearchHits<FigureDoc> figures(SearchQuery query) {
        return search(figures, SearchQuery.Kind.FIGURES, query, queries.figures(query.requireKind(SearchQuery.Kind.FIGURES)), LuceneDocuments::figure);
    }

    @Override
    public SearchHits<EventDoc> events(SearchQuery query) {
        return search(events, SearchQuery.Kind.EVENTS, query, queries.events(query.requireKind(SearchQuery.Kind.EVENTS)), LuceneDocuments::event);
    }

    @Override
    public SearchHits<AlertDoc> alerts(SearchQuery query) {
        return search(alerts, SearchQuery.Kind.ALERTS, query, queries.alerts(query.requireKind(SearchQuery.Kind.ALERTS)), LuceneDocuments::alert);
    }

    /** Commits and closes; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        IOException first = null;
        for (LuceneIndex index : all()) {
            try {
                index.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw failure("cannot close the search index cleanly", first);
        }
    }

    private <T> SearchHits<T> search(LuceneIndex index, SearchQuery.Kind kind, SearchQuery query, Query lucene,
                                     Function<Document, T> toRecord) {
        requireOpen();
        try {
            return index.search(lucene, LuceneQueries.sort(query), query.offset(), query.limit(), toRecord);
        } catch (IOException e) {
            throw failure("cannot search the " + kind.name().toLowerCase(Locale.ROOT) + " index", e);
        }
    }

    private static <R> List<Document> documents(List<R> records, Function<R, Document> toDocument) {
        List<Document> docs = new ArrayList<>(records.size());
        for (R record : records) {
            docs.add(toDocument.apply(record));
        }
        return docs;
    }

    private List<LuceneIndex> all() {
        return List.of(articles, figures, events, alerts);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the search store is closed");
        }
    }

    private StoreException failure(String what, IOException e) {
        boolean writerBroken = all().stream().anyMatch(index -> index.tragedy() != null);
        return storeException(what, e, writerBroken);
    }

    /**
     * A damaged or incompatible index will not heal by retrying, nor will a writer that hit a
     * tragic error (Lucene has then closed it); other I/O errors (disk full, a lock held by a
     * process that is about to exit) may.
     */
    private static StoreException storeException(String what, IOException e, boolean writerBroken) {
        boolean permanent = writerBroken || e instanceof CorruptIndexException
                || e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException;
        String detail = e instanceof LockObtainFailedException
                ? "another process holds its write lock" : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new StoreException(what + " (" + detail + ")", !permanent, e);
    }

    private static void closeQuietly(LuceneIndex index, IOException cause) {
        try {
            index.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Where each kind's index lives. */
    @FunctionalInterface
    private interface DirectoryFactory {
        Directory open(String kind) throws IOException;
    }
}
