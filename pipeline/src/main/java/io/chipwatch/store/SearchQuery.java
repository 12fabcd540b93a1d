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
 */
public record SearchQuery(Kind kind, String text, String entity, String metric, LocalDate from, LocalDate to, int limit) {

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
    }
}
