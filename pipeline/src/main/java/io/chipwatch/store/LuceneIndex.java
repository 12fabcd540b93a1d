package io.chipwatch.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.IOUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One Lucene index (one document kind): either a writer and a near-real-time searcher over it, or,
 * read-only, a searcher over the last commit that another process's writer made in a folder.
 * Thread-safe, as {@link IndexWriter} and {@link SearcherManager} are.
 */
final class LuceneIndex implements AutoCloseable {

    private final String name;
    /** Read-only: null until the folder holds a commit, opened by {@link #searchers()}. */
    private volatile Directory directory;
    private final IndexWriter writer;
    private volatile SearcherManager searchers;
    /** Read-only: the folder the writer of another process commits to; null for a writer's index. */
    private final Path folder;

    private LuceneIndex(String name, Directory directory, IndexWriter writer, SearcherManager searchers, Path folder) {
        this.name = name;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.folder = folder;
    }

    /** Opens the index in this directory, creating it when empty; the directory is closed with the index. */
    static LuceneIndex open(String name, Directory directory, Analyzer analyzer) throws IOException {
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(directory, config);
            return new LuceneIndex(name, directory, writer, new SearcherManager(writer, null), null);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            directory.close();
            throw e;
        }
    }

    /**
     * Opens the index in this folder for reading only: it never takes the write lock, so another
     * process may be writing it. It sees that writer's commits: each search first looks for a newer
     * one. A folder that does not exist yet, or holds no commit yet, is an empty index until it does;
     * nothing is created.
     */
    static LuceneIndex openReadOnly(String name, Path folder) {
        return new LuceneIndex(name, null, null, null, folder);
    }

    boolean readOnly() {
        return writer == null;
    }

    String name() {
        return name;
    }

    /** Adds the document, or replaces the one with the same id. */
    void put(String id, Document doc) throws IOException {
        requireWriter();
        writer.updateDocument(new Term(LuceneDocuments.ID, id), doc);
    }

    /**
     * Replaces every document of this article by these, in one atomic step: no searcher sees the
     * old ones gone and the new ones missing, nor both.
     */
    void replaceArticle(String articleId, List<Document> docs) throws IOException {
        requireWriter();
        Term article = new Term(LuceneDocuments.ARTICLE_ID, articleId);
        if (docs.isEmpty()) {
            // Not updateDocuments with nothing to add: with Lucene 9.12.3 that made the writer's RAM
            // accounting assertion (netBytes) fail on close under -ea; a lone delete is atomic anyway.
            writer.deleteDocuments(article);
        } else {
            writer.updateDocuments(article, docs);
        }
    }

    void commit() throws IOException {
        requireWriter();
        writer.commit();
    }

    /**
     * Makes what was written so far visible to searches (read-only: what the writer committed so
     * far), waiting if another thread is refreshing.
     */
    void refresh() throws IOException {
        SearcherManager current = searchers();
        if (current != null) {
            current.maybeRefreshBlocking();
        }
    }

    /**
     * The searchers; read-only, opened once the folder holds a commit (null before). Lucene's
     * readers take no lock, and a commit being written meanwhile is retried by {@code DirectoryReader}.
     */
    private SearcherManager searchers() throws IOException {
        SearcherManager current = searchers;
        if (current != null || writer != null) {
            return current;
        }
        synchronized (this) {
            if (searchers == null && Files.isDirectory(folder)) {
                // NoLockFactory: a reader has no business with the lock, so it cannot even be asked to take it.
                Directory opened = FSDirectory.open(folder, NoLockFactory.INSTANCE);
                try {
                    if (DirectoryReader.indexExists(opened)) {
                        searchers = new SearcherManager(opened, null);
                        directory = opened;
                    }
                } finally {
                    if (directory != opened) {
                        opened.close();
                    }
                }
            }
            return searchers;
        }
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("the " + name + " index was opened read-only");
        }
    }

    /** The top documents by this sort, mapped to records, and how many matched in all. */
    <T> SearchHits<T> search(Query query, Sort sort, int limit, Function<Document, T> toRecord) throws IOException {
        return search(query, sort, 0, limit, toRecord);
    }

    /** The documents ranked offset to offset + limit by this sort, mapped to records, and how many matched in all. */
    <T> SearchHits<T> search(Query query, Sort sort, int offset, int limit, Function<Document, T> toRecord) throws IOException {
        SearcherManager searchers = freshSearchers();
        if (searchers == null) {
            return new SearchHits<>(0, List.of());
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            // A priority queue of `limit` slots is allocated up front, so never ask for more than exist.
            int n = Math.max(1, Math.min(offset + limit, searcher.getIndexReader().maxDoc()));
            // Integer.MAX_VALUE: count every hit exactly instead of stopping at a lower bound.
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE));
            StoredFields stored = searcher.storedFields();
            List<T> hits = new ArrayList<>(Math.max(0, top.scoreDocs.length - offset));
            for (int i = offset; i < top.scoreDocs.length; i++) {
                hits.add(toRecord.apply(stored.document(top.scoreDocs[i].doc)));
            }
            return new SearchHits<>(top.totalHits.value, hits);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * How many matching documents hold each value of these stored fields, by field. Reads the
     * stored fields of every match: enough for the embedded store's size, and it works on
     * indices written before facets existed (no doc values needed).
     */
    Map<String, Map<String, Long>> count(Query query, Set<String> fields) throws IOException {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        fields.forEach(f -> counts.put(f, new HashMap<>()));
        SearcherManager searchers = freshSearchers();
        if (searchers == null) {
            return counts;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            for (int doc : matches(searcher, query)) {
                Document d = stored.document(doc, fields);
                for (String field : fields) {
                    // a value counts once per document, even if a document holds it twice
                    for (String value : new java.util.LinkedHashSet<>(Arrays.asList(d.getValues(field)))) {
                        counts.get(field).merge(value, 1L, Long::sum);
                    }
                }
            }
            return counts;
        } finally {
            searchers.release(searcher);
        }
    }

    /** The searchers, having looked for another process's newer commit when read-only; null when there is no index yet. */
    private SearcherManager freshSearchers() throws IOException {
        SearcherManager searchers = searchers();
        if (searchers != null && writer == null) {
            // Another process writes: look for its newer commit (cheap when there is none; another
            // thread already looking means this search takes the searcher it has now).
            searchers.maybeRefresh();
        }
        return searchers;
    }

    /** The ids (top-level doc numbers) of every document matching the query. */
    private static List<Integer> matches(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new CollectorManager<Collector, List<Integer>>() {
            @Override
            public Collector newCollector() {
                return new DocIds();
            }

            @Override
            public List<Integer> reduce(Collection<Collector> collectors) {
                List<Integer> all = new ArrayList<>();
                collectors.forEach(c -> all.addAll(((DocIds) c).ids));
                return all;
            }
        });
    }

    /** Collects the matching doc numbers, without scores. */
    private static final class DocIds extends SimpleCollector {
        private final List<Integer> ids = new ArrayList<>();
        private int base;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void collect(int doc) {
            ids.add(base + doc);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** The writer's unrecoverable error, if it had one: it is then closed and the index must be reopened. */
    Throwable tragedy() {
        return writer == null ? null : writer.getTragicException();
    }

    /** Commits what was written, then closes the searchers, the writer and the directory (read-only: closes the searchers). */
    @Override
    public void close() throws IOException {
        if (writer == null) {
            synchronized (this) {
                IOUtils.close(searchers, directory);
            }
            return;
        }
        boolean committed = false;
        try {
            if (writer.isOpen()) {
                writer.commit();
            }
            committed = true;
        } finally {
            if (committed) {
                IOUtils.close(searchers, writer, directory);
            } else {
                // Let the commit's exception through, not a follow-up one from closing.
                IOUtils.closeWhileHandlingException(searchers, writer, directory);
            }
        }
    }
}
