package io.chipwatch.web;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.GazetteerEntry;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.EventDoc;
import io.chipwatch.store.FigureDoc;
import io.chipwatch.store.QueryExpr;
import io.chipwatch.store.QuerySyntax;
import io.chipwatch.store.SearchHits;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What each {@code /api/...} endpoint answers, as JSON-ready maps (and CSV tables where export
 * makes sense), from a {@link SearchStore}: the same answers on both stores. Parameters are
 * checked here; a bad one is a {@link BadRequest} naming it. Thread-safe.
 */
final class QueryApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_ARTICLE_LIMIT = 100;
    /** Figures feed charts, which want every point. */
    static final int MAX_FACT_LIMIT = 1000;
    private static final int ENTITY_LATEST = 10;

    static final Set<String> ARTICLE_PARAMS = Set.of("q", "from", "to", "offset", "limit");
    static final Set<String> FIGURE_PARAMS = Set.of("q", "metric", "subject", "product", "period", "from", "to", "offset", "limit", "format");
    static final Set<String> EVENT_PARAMS = Set.of("q", "entity", "type", "from", "to", "offset", "limit", "format");
    static final Set<String> ALERT_PARAMS = Set.of("q", "entity", "type", "from", "to", "offset", "limit", "format");

    /** An answer: its JSON, its rows when it can be exported as CSV, and the format asked for (json, csv or null). */
    record Answer(Object json, Table table, String format) {
    }

    private static final Set<String> FORMATS = Set.of("json", "csv");

    private final Supplier<SearchStore> store;
    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final Snippets snippets;

    /** @param store the store to ask, looked up per request (the run command opens it after the server starts) */
    QueryApi(Supplier<SearchStore> store, Gazetteer gazetteer, Lexicon lexicon, Snippets snippets) {
        this.store = store;
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.snippets = snippets;
    }

    Answer articles(Params p) {
        QueryExpr where = parse(p, SearchQuery.Kind.ARTICLES);
        SearchQuery q = query(SearchQuery.Kind.ARTICLES, p, where, MAX_ARTICLE_LIMIT).withFacets();
        SearchHits<ArticleDoc> hits = store().articles(q);
        List<String> terms = where == null ? List.of() : snippets.terms(QueryExpr.positiveTexts(where));
        List<Object> out = new ArrayList<>();
        hits.hits().forEach(a -> out.add(Views.article(a, terms)));
        Map<String, Object> json = page(q, hits.total(), out);
        json.put("facets", Views.facets(hits.facets()));
        return new Answer(json, null, null);
    }

    Answer figures(Params p) {
        String format = p.choice("format", FORMATS);
        QueryExpr where = parse(p, SearchQuery.Kind.FIGURES);
        String metric = p.text("metric");
        if (metric != null) {
            String label = lexicon.metric(metric).orElseThrow(() -> new BadRequest("metric",
                    "unknown metric: " + metric + " (a metric or one of its words: " + String.join(", ", lexicon.metricLabels()) + ")"));
            where = QueryExpr.and(where, new QueryExpr.Field("metric", label));
        }
        where = field(where, "subject", p.text("subject"));
        where = field(where, "product", p.text("product"));
        where = field(where, "period", period(p.text("period")));
        SearchQuery q = query(SearchQuery.Kind.FIGURES, p, where, MAX_FACT_LIMIT);
        SearchHits<FigureDoc> hits = store().figures(q);
        List<Object> out = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (FigureDoc f : hits.hits()) {
            out.add(Views.figure(f));
            rows.add(Views.figureRow(f));
        }
        return new Answer(page(q, hits.total(), out), new Table(Views.FIGURE_COLUMNS, rows), format);
    }

    Answer events(Params p) {
        String format = p.choice("format", FORMATS);
        QueryExpr where = parse(p, SearchQuery.Kind.EVENTS);
        where = field(where, "entity", p.text("entity"));
        where = field(where, "type", p.text("type"));
        SearchQuery q = query(SearchQuery.Kind.EVENTS, p, where, MAX_FACT_LIMIT);
        SearchHits<EventDoc> hits = store().events(q);
        List<Object> out = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (EventDoc e : hits.hits()) {
            out.add(Views.event(e));
            rows.add(Views.eventRow(e));
        }
        return new Answer(page(q, hits.total(), out), new Table(Views.EVENT_COLUMNS, rows), format);
    }

    Answer alerts(Params p) {
        String format = p.choice("format", FORMATS);
        QueryExpr where = parse(p, SearchQuery.Kind.ALERTS);
        where = field(where, "entity", p.text("entity"));
        where = field(where, "type", p.text("type"));
        SearchQuery q = query(SearchQuery.Kind.ALERTS, p, where, MAX_FACT_LIMIT);
        SearchHits<AlertDoc> hits = store().alerts(q);
        List<Object> out = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (AlertDoc a : hits.hits()) {
            out.add(Views.alert(a));
            rows.add(Views.alertRow(a));
        }
        return new Answer(page(q, hits.total(), out), new Table(Views.ALERT_COLUMNS, rows), format);
    }

    /**
     * An entity's page: its gazetteer entry (canonical name, type, aliases), how many articles name it,
     * figures are about it, events and alerts it acts in, its latest figures and events, the sources
     * that write about it and the entities named beside it.
     *
     * @throws BadRequest 404 when neither the gazetteer nor any article knows the name
     */
    Answer entity(String name) {
        if (name == null || name.isBlank()) {
            throw new BadRequest("name", "an entity name is needed: /api/entities/{name}");
        }
        List<GazetteerEntry> entries = gazetteer.lookup(name.strip());
        String canonical = entries.isEmpty() ? name.strip() : entries.get(0).name();
        SearchStore s = store();
        SearchQuery articles = new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 1)
                .withWhere(new QueryExpr.Field("entity", canonical)).withFacets();
        SearchHits<ArticleDoc> named = s.articles(articles);
        SearchHits<FigureDoc> figures = s.figures(new SearchQuery(SearchQuery.Kind.FIGURES, null, null, null, null, null, ENTITY_LATEST)
                .withWhere(new QueryExpr.Field("subject", canonical)));
        SearchHits<EventDoc> events = s.events(new SearchQuery(SearchQuery.Kind.EVENTS, null, null, null, null, null, ENTITY_LATEST)
                .withWhere(new QueryExpr.Field("org", canonical)));
        SearchHits<AlertDoc> alerts = s.alerts(new SearchQuery(SearchQuery.Kind.ALERTS, null, null, null, null, null, ENTITY_LATEST)
                .withWhere(new QueryExpr.Field("entity", canonical)));
        if (entries.isEmpty() && named.total() == 0 && figures.total() == 0 && events.total() == 0) {
            throw new BadRequest(404, "name", "no entity is known by this name: " + name.strip());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", canonical);
        json.put("known", !entries.isEmpty());
        json.put("type", entries.isEmpty() ? null : entries.get(0).type());
        json.put("kind", entries.isEmpty() ? null : entries.get(0).kind());
        // the names it goes by, not the misspellings the NLP also recognises
        json.put("aliases", entries.isEmpty() ? List.of() : java.util.stream.Stream.concat(entries.get(0).zh().stream(), entries.get(0).en().stream())
                .filter(alias -> !alias.equals(canonical)).distinct().toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("articles", named.total());
        counts.put("figures", figures.total());
        counts.put("events", events.total());
        counts.put("alerts", alerts.total());
        json.put("counts", counts);
        json.put("figures", figures.hits().stream().map(Views::figure).toList());
        json.put("events", events.hits().stream().map(Views::event).toList());
        json.put("alerts", alerts.hits().stream().map(Views::alert).toList());
        Map<String, Object> facets = Views.facets(named.facets());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entities = (List<Map<String, Object>>) facets.get(SearchHits.ENTITY);
        json.put("co_mentioned", entities.stream().filter(e -> !canonical.equals(e.get("value"))).toList());
        json.put("sources", facets.get(SearchHits.SOURCE));
        json.put("event_types", facets.get(SearchHits.TYPE));
        return new Answer(json, null, null);
    }

    private SearchStore store() {
        SearchStore s = store.get();
        if (s == null) {
            throw new BadRequest(503, null, "the search index is not open yet");
        }
        return s;
    }

    private static QueryExpr parse(Params p, SearchQuery.Kind kind) {
        try {
            return QuerySyntax.parse(p.text("q"), kind);
        } catch (QuerySyntax.SyntaxException e) {
            throw new BadRequest("q", e.getMessage());
        }
    }

    private static QueryExpr field(QueryExpr where, String name, String value) {
        return value == null ? where : QueryExpr.and(where, new QueryExpr.Field(name, value));
    }

    /** A FORMAT.md period label: a year (FY2024 fiscal), then optionally -Qn, -Hn, -MM or -MM-DD. */
    private static String period(String label) {
        if (label != null && !label.matches("(FY)?\\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?))?")) {
            throw new BadRequest("period", "not a period label (2024, 2024-Q1, 2024-H2, 2024-05, 2024-05-10, FY2024-Q1): " + label);
        }
        return label;
    }

    private static SearchQuery query(SearchQuery.Kind kind, Params p, QueryExpr where, int maxLimit) {
        LocalDate from = p.date("from");
        LocalDate to = p.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequest("from", "is after to (" + from + " > " + to + ")");
        }
        int limit = p.integer("limit", DEFAULT_LIMIT, 1, maxLimit);
        int offset = p.integer("offset", 0, 0, SearchQuery.MAX_WINDOW - limit);
        return new SearchQuery(kind, null, null, null, from, to, limit).withWhere(where).withPage(offset, limit);
    }

    private static Map<String, Object> page(SearchQuery q, long total, List<Object> hits) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", total);
        json.put("offset", q.offset());
        json.put("limit", q.limit());
        json.put("hits", hits);
        return json;
    }
}
