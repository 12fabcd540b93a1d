package io.chipwatch.store;

import java.time.LocalDate;

/**
 * A search over one kind of document. Every field but {@code kind} and {@code limit} may be null.
 *
 * @param kind    which documents: ARTICLES, FIGURES, EVENTS or ALERTS
 * @param text    words to find; Chinese is matched word by word (HanLP segmentation), and an
 *                entity alias finds its canonical name (NVIDIA finds 英伟达); alerts are searched
 *                in their headline and sentence
 * @param entity  an entity that must be named (articles), be the subject (figures), the org (events) or the org
 *                or product (alerts); any alias
 * @param metric  figures only: the metric
 * @param from    published on or after this day (alerts: created)
 * @param to      published on or before this day (alerts: created)
 * @param limit   at most this many hits, newest first when there is no text, else best first
 * @param where   a parsed expression ({@link QuerySyntax}) the documents must match as well, or null;
 *                its words and phrases rank like text does
 * @param offset  skip this many of the hits, for paging (0: from the first)
 * @param facets  whether to count the matching documents by their keyword fields ({@link SearchHits#facets()})
 */
public record SearchQuery(Kind kind, String text, String entity, String metric, LocalDate from, LocalDate to, int limit,
                          QueryExpr where, int offset, boolean facets) {

    /** The largest offset + limit a store pages through (Elasticsearch's default result window). */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery(Kind kind, String text, String entity, String metric, LocalDate from, LocalDate to, int limit) {
        this(kind, text, entity, metric, from, to, limit, null, 0, false);
    }

    public enum Kind { ARTICLES, FIGURES, EVENTS, ALERTS }

    /** This query, when it is of the expected kind; a store's search for one kind refuses the others. */
    public SearchQuery requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalArgumentException("a " + kind + " query was passed to the search for " + expected);
        }
        return this;
    }

    public SearchQuery {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, not " + offset);
        }
        if ((long) offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException("offset + limit must be at most " + MAX_WINDOW + ", not " + ((long) offset + limit));
        }
    }

    public SearchQuery withWhere(QueryExpr expr) {
        return new SearchQuery(kind, text, entity, metric, from, to, limit, expr, offset, facets);
    }

    public SearchQuery withPage(int offset, int limit) {
        return new SearchQuery(kind, text, entity, metric, from, to, limit, where, offset, facets);
    }

    public SearchQuery withFacets() {
        return new SearchQuery(kind, text, entity, metric, from, to, limit, where, offset, true);
    }

    /** Whether hits are ranked by relevance (there are words to rank by), else newest first. */
    public boolean ranked() {
        return (text != null && !text.isBlank()) || (where != null && QueryExpr.ranks(where));
    }
}
