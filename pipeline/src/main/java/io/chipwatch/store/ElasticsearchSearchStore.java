package io.chipwatch.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipwatch.nlp.ChineseSegmenter;
import io.chipwatch.nlp.Gazetteer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static io.chipwatch.store.ElasticsearchIndices.Kind;

/**
 * The {@link SearchStore} on an Elasticsearch cluster: articles, figures, events and alerts in
 * four indices behind aliases ({@link ElasticsearchIndices}), with the query semantics of the Lucene
 * store ({@link ElasticsearchQueries}). The server needs no Chinese analysis: text is cut into
 * HanLP words here and indexed into whitespace-analysed {@code words.*} fields.
 *
 * <p>{@link #index} sends one {@code _bulk} request per batch. To replace an article's figures
 * and events it first reads (real-time, no refresh needed) which ones the indexed article had,
 * and deletes those it no longer has in the same bulk request. Elasticsearch has no
 * transactions: if some items fail, the others of the request are indexed; the error names the
 * failed ones, and indexing the batch again (ids are deterministic) repairs it.
 *
 * <p>Thread-safe: the client is, and the store keeps no other mutable state than its closed flag.
 */
public final class ElasticsearchSearchStore implements SearchStore {

    /** Elasticsearch's default index.max_result_window: deeper pages need search_after. */
    static final int MAX_HITS = 10_000;
    private static final int MAX_LISTED_FAILURES = 10;

    private final ElasticsearchClient client;
    private final ElasticsearchIndices indices;
    private final ElasticsearchRetries retries;
    private final ElasticsearchDocuments documents;
    private final ElasticsearchQueries queries;
    private final HanLpWords words;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ElasticsearchSearchStore(ElasticsearchClient client, ElasticsearchIndices indices, ElasticsearchRetries retries,
                                     HanLpWords words, Gazetteer gazetteer) {
        this.client = client;
        this.indices = indices;
        this.retries = retries;
        this.words = words;
        this.documents = new ElasticsearchDocuments(words);
        this.queries = new ElasticsearchQueries(words, gazetteer);
    }

    /** Connects, puts the index templates and creates the indices and aliases that are missing. */
    public static ElasticsearchSearchStore open(ElasticsearchConfig config, Gazetteer gazetteer) {
        return open(config, gazetteer, new ChineseSegmenter(gazetteer));
    }

    /**
     * As {@link #open(ElasticsearchConfig, Gazetteer)}, sharing a segmenter (building one reads the gazetteer into a dictionary).
     *
     * @throws StoreException when the cluster cannot be reached after the configured attempts
     *                        (retryable) or refuses the templates or indices (not retryable)
     */
    public static ElasticsearchSearchStore open(ElasticsearchConfig config, Gazetteer gazetteer, ChineseSegmenter segmenter) {
        ObjectMapper json = new ObjectMapper();
        ElasticsearchClient client = ElasticsearchClients.create(config, json);
        ElasticsearchIndices indices = new ElasticsearchIndices(config.indexPrefix());
        ElasticsearchRetries retries = new ElasticsearchRetries(config.attempts(), config.backoff());
        try {
            retries.call("cannot set up the indices " + indices.aliases() + " at " + config.urls(), () -> {
                indices.ensure(client, json);
                return null;
            });
        } catch (RuntimeException e) {
            closeQuietly(client, e);
            throw e;
        }
        return new ElasticsearchSearchStore(client, indices, retries, new HanLpWords(segmenter), gazetteer);
    }

    @Override
    public void index(List<Indexable> batch) {
        requireOpen();
        // The last copy of an article or alert wins, as when indexing one after the other.
        Map<String, Indexable.Article> byId = new LinkedHashMap<>();
        Map<String, AlertDoc> alerts = new LinkedHashMap<>();
        for (Indexable item : batch) {
            if (item instanceof Indexable.Article article) {
                byId.put(article.id(), article);
            } else if (item instanceof AlertDoc alert) {
                alerts.put(alert.id(), alert);
            }
        }
        if (byId.isEmpty() && alerts.isEmpty()) {
            return;
        }
        String what = "cannot index " + byId.size() + " articles and " + alerts.size() + " alerts";
        // Only articles replace documents of other indices, so only they need the indexed version read first.
        Map<String, ObjectNode> indexed = byId.isEmpty() ? Map.of() : retries.call(what, () -> indexedArticles(byId.keySet()));
        List<BulkOperation> operations = new ArrayList<>();
        for (Indexable.Article item : byId.values()) {
            operations.addAll(operations(item, indexed.get(item.id())));
        }
        for (AlertDoc alert : alerts.values()) {
            operations.add(put(indices.alias(Kind.ALERTS), alert.id(), documents.alert(alert)));
        }
        retries.call(what, () -> bulk(operations));
    }

    /** Index the article, its figures and events; delete the figures and events its indexed version had and this one has not. */
    private List<BulkOperation> operations(Indexable.Article item, ObjectNode indexed) {
        List<BulkOperation> ops = new ArrayList<>();
        String articles = indices.alias(Kind.ARTICLES);
        String figures = indices.alias(Kind.FIGURES);
        String events = indices.alias(Kind.EVENTS);
        ops.add(put(articles, item.article().id(), documents.article(item)));
        Set<String> figureIds = new HashSet<>();
        for (FigureDoc f : item.figures()) {
            ops.add(put(figures, f.id(), documents.figure(f)));
            figureIds.add(f.id());
        }
        Set<String> eventIds = new HashSet<>();
        for (EventDoc e : item.events()) {
            ops.add(put(events, e.id(), documents.event(e)));
            eventIds.add(e.id());
        }
        if (indexed != null) {
            for (String old : ElasticsearchDocuments.figureIds(indexed)) {
                if (!figureIds.contains(old)) {
                    ops.add(delete(figures, old));
                }
            }
            for (String old : ElasticsearchDocuments.eventIds(indexed)) {
                if (!eventIds.contains(old)) {
                    ops.add(delete(events, old));
                }
            }
        }
        return ops;
    }

    /** The figure and event ids of the articles already indexed, by article id; real-time, so unrefreshed ones count. */
    private Map<String, ObjectNode> indexedArticles(Set<String> ids) throws IOException {
        MgetResponse<ObjectNode> found = client.mget(m -> m.index(indices.alias(Kind.ARTICLES)).ids(List.copyOf(ids))
                .sourceIncludes(ElasticsearchDocuments.FIGURE_IDS, ElasticsearchDocuments.EVENT_IDS), ObjectNode.class);
        Map<String, ObjectNode> byId = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : found.docs()) {
            if (item.isFailure()) {
                throw new IOException("reading article " + item.failure().id() + " failed: " + reason(item.failure().error()));
            }
            GetResult<ObjectNode> doc = item.result();
            if (doc.found() && doc.source() != null) {
                byId.put(doc.id(), doc.source());
            }
        }
        return byId;
    }

    private Void bulk(List<BulkOperation> operations) throws IOException, ElasticsearchRetries.BulkFailure {
        BulkResponse response = client.bulk(b -> b.operations(operations));
        if (!response.errors()) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        boolean retryable = true;
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
                failures.add(item.index() + "/" + item.id() + " (" + item.status() + " " + reason(item.error()) + ")");
                retryable &= ElasticsearchRetries.retryableStatus(item.status());
            }
        }
        String listed = String.join("; ", failures.subList(0, Math.min(MAX_LISTED_FAILURES, failures.size())));
        throw new ElasticsearchRetries.BulkFailure(failures.size() + " of " + operations.size() + " documents failed: " + listed
                + (failures.size() > MAX_LISTED_FAILURES ? "; …" : ""), retryable);
    }

    @Override
    public void refresh() {
        requireOpen();
        retries.call("cannot refresh " + indices.aliases(), () -> client.indices().refresh(r -> r.index(indices.aliases())));
    }

    @Override
    public SearchHits<ArticleDoc> articles(SearchQuery query) {
        Query es = queries.articles(query.requireKind(SearchQuery.Kind.ARTICLES));
        SearchHits<ArticleDoc> hits = search(Kind.ARTICLES, query, es, ElasticsearchDocuments::article);
        return query.facets() ? new SearchHits<>(hits.total(), hits.hits(), articleFacets(es)) : hits;
    }

    /**
     * Counts of the matching articles by source and entity (terms aggregations), and of the events of
     * those articles by type: the ids of up to {@value #MAX_HITS} matching articles filter the events.
     */
    private Map<String, List<SearchHits.FacetCount>> articleFacets(Query matching) {
        String articlesIndex = indices.alias(Kind.ARTICLES);
        SearchResponse<ObjectNode> counted = retries.call("cannot count the facets of " + articlesIndex, () ->
                client.search(s -> s.index(articlesIndex).query(matching).size(MAX_HITS).source(src -> src.fetch(false))
                        .aggregations(SearchHits.SOURCE, terms(ElasticsearchDocuments.SOURCE))
                        .aggregations(SearchHits.ENTITY, terms(ElasticsearchDocuments.ENTITIES)), ObjectNode.class));
        List<co.elastic.clients.elasticsearch._types.FieldValue> ids = counted.hits().hits().stream()
                .map(h -> co.elastic.clients.elasticsearch._types.FieldValue.of(h.id())).toList();
        List<SearchHits.FacetCount> types = List.of();
        if (!ids.isEmpty()) {
            String eventsIndex = indices.alias(Kind.EVENTS);
            SearchResponse<ObjectNode> events = retries.call("cannot count the event types of " + eventsIndex, () ->
                    client.search(s -> s.index(eventsIndex).size(0)
                            .query(q -> q.terms(t -> t.field(ElasticsearchDocuments.ARTICLE_ID).terms(v -> v.value(ids))))
                            .aggregations(SearchHits.TYPE, terms(ElasticsearchDocuments.TYPE)), ObjectNode.class));
            types = buckets(events, SearchHits.TYPE);
        }
        return Map.of(SearchHits.SOURCE, buckets(counted, SearchHits.SOURCE), SearchHits.ENTITY, buckets(counted, SearchHits.ENTITY),
                SearchHits.TYPE, types);
    }

    /** Most frequent first, ties by value, as {@link Facets#top} orders the Lucene store's counts. */
    private static co.elastic.clients.elasticsearch._types.aggregations.Aggregation terms(String field) {
        return co.elastic.clients.elasticsearch._types.aggregations.Aggregation.of(a -> a.terms(t -> t.field(field).size(SearchHits.FACET_SIZE)
                .order(co.elastic.clients.util.NamedValue.of("_count", SortOrder.Desc), co.elastic.clients.util.NamedValue.of("_key", SortOrder.Asc))));
    }

    private static List<SearchHits.FacetCount> buckets(SearchResponse<ObjectNode> response, String name) {
        return response.aggregations().get(name).sterms().buckets().array().stream()
                .map(b -> new SearchHits.FacetCount(b.key().stringValue(), b.docCount())).toList();
    }

    @Override
    public SearchHits<FigureDoc> figures(SearchQuery query) {
        return search(Kind.FIGURES, query, queries.figures(query.requireKind(SearchQuery.Kind.FIGURES)), ElasticsearchDocuments::figure);
    }

    @Override
    public SearchHits<EventDoc> events(SearchQuery query) {
        return search(Kind.EVENTS, query, queries.events(query.requireKind(SearchQuery.Kind.EVENTS)), ElasticsearchDocuments::event);
    }

    @Override
    public SearchHits<AlertDoc> alerts(SearchQuery query) {
        return search(Kind.ALERTS, query, queries.alerts(query.requireKind(SearchQuery.Kind.ALERTS)), ElasticsearchDocuments::alert);
    }

    private <T> SearchHits<T> search(Kind kind, SearchQuery query, Query es, Function<ObjectNode, T> toRecord) {
        requireOpen();
        List<SortOptions> sort = ElasticsearchQueries.sort(query);
        SearchResponse<ObjectNode> response = retries.call("cannot search " + indices.alias(kind), () ->
                client.search(s -> s.index(indices.alias(kind)).query(es).sort(sort).from(query.offset()).size(Math.min(query.limit(), MAX_HITS))
                        .trackTotalHits(t -> t.enabled(true)), ObjectNode.class));
        List<T> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            hits.add(toRecord.apply(hit.source()));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchHits<>(total, hits);
    }

    /** Closes the connections; calling it again does nothing. The indices stay. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        words.close();
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new StoreException("cannot close the Elasticsearch client cleanly", false, e);
        }
    }

    private static BulkOperation put(String index, String id, ObjectNode doc) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a document to index needs an id");
        }
        return BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(doc)));
    }

    private static BulkOperation delete(String index, String id) {
        return BulkOperation.of(b -> b.delete(d -> d.index(index).id(id)));
    }

    private static String reason(ErrorCause error) {
        return error == null ? "unknown" : error.type() + ": " + error.reason();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the search store is closed");
        }
    }

    private static void closeQuietly(ElasticsearchClient client, RuntimeException cause) {
        try {
            client._transport().close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchSearchStore" + indices.aliases().toString().toLowerCase(Locale.ROOT);
    }
}
