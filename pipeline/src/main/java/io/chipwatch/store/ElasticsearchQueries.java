package io.chipwatch.store;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.GazetteerEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.chipwatch.store.ElasticsearchDocuments.*;

/**
 * Builds the Elasticsearch query and sort for a {@link SearchQuery}, with the semantics of
 * {@link LuceneQueries} (which documents them), translated clause by clause:
 * <ul>
 *   <li>text: the query is cut into words as the documents were ({@link HanLpWords}); every word
 *       must match the {@code words.*} field of title (boost 2) or body, or of the sentence (alerts:
 *       headline or sentence), or
 *       one of the alias expansions; the whole text may also match as one alias.</li>
 *   <li>entity, metric: term filters on keyword fields, the gazetteer resolving aliases.</li>
 *   <li>from/to: whole days in Asia/Shanghai, both inclusive (date math rounding to the day in
 *       that time zone).</li>
 * </ul>
 * A word is matched with a {@code match} query, operator AND, not a term query: a HanLP word may
 * hold a space (the alias "Yangtze Memory"), which the whitespace analyser splits, on both sides alike.
 */
final class ElasticsearchQueries {

    private static final String CHINA = LuceneQueries.CHINA.getId();
    private static final float TITLE_BOOST = 2f;

    private final HanLpWords words;
    private final Gazetteer gazetteer;

    ElasticsearchQueries(HanLpWords words, Gazetteer gazetteer) {
        this.words = words;
        this.gazetteer = gazetteer;
    }

    Query articles(SearchQuery q) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (hasText(q.text())) {
            must.add(text(q.text(), List.of(TITLE_WORDS, BODY_WORDS), word -> List.of(term(ALIAS_KEYS, LuceneDocuments.aliasKey(word)))));
        }
        if (hasText(q.entity())) {
            List<Query> entity = new ArrayList<>();
            for (String name : canonicalNames(q.entity())) {
                entity.add(term(ENTITIES, name));
            }
            entity.add(term(ALIAS_KEYS, LuceneDocuments.aliasKey(q.entity())));
            filter.add(anyOf(entity));
        }
        return finish(must, filter, q);
    }

    Query figures(SearchQuery q) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (hasText(q.text())) {
            must.add(text(q.text(), List.of(TEXT_WORDS), word -> namedBy(word, SUBJECT, PRODUCT)));
        }
        if (hasText(q.entity())) {
            filter.add(anyOf(canonicalNames(q.entity()).stream().map(name -> term(SUBJECT, name)).toList()));
        }
        if (hasText(q.metric())) {
            filter.add(term(METRIC, q.metric().strip()));
        }
        return finish(must, filter, q);
    }

    Query events(SearchQuery q) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (hasText(q.text())) {
            must.add(text(q.text(), List.of(TEXT_WORDS), word -> namedBy(word, ORG, PRODUCT)));
        }
        if (hasText(q.entity())) {
            filter.add(anyOf(canonicalNames(q.entity()).stream().map(name -> term(ORG, name)).toList()));
        }
        return finish(must, filter, q);
    }

    Query alerts(SearchQuery q) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (hasText(q.text())) {
            must.add(text(q.text(), List.of(HEADLINE_WORDS, SENTENCE_WORDS), word -> namedBy(word, ORG, PRODUCT)));
        }
        if (hasText(q.entity())) {
            List<Query> orgOrProduct = new ArrayList<>();
            for (String name : canonicalNames(q.entity())) {
                orgOrProduct.add(term(ORG, name));
                orgOrProduct.add(term(PRODUCT, name));
            }
            filter.add(anyOf(orgOrProduct));
        }
        return finish(must, filter, q);
    }

    /** The date a kind is filtered and sorted by: an alert's creation, else publication. */
    static String timeField(SearchQuery.Kind kind) {
        return kind == SearchQuery.Kind.ALERTS ? CREATED : PUBLISHED;
    }

    /** Best first when there is text to rank by, else newest first; undated last; ties by id, so pages are stable. */
    static List<SortOptions> sort(SearchQuery q) {
        SortOptions newest = SortOptions.of(s -> s.field(f -> f.field(timeField(q.kind())).order(SortOrder.Desc).missing("_last")));
        SortOptions byId = SortOptions.of(s -> s.field(f -> f.field(ID).order(SortOrder.Asc)));
        return q.ranked()
                ? List.of(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))), newest, byId)
                : List.of(newest, byId);
    }

    /** Every word must match one of the fields or one of its expansions; or the whole text matches an expansion. */
    private Query text(String text, List<String> fields, WordExpansion expansion) {
        List<Query> wordsOrWhole = new ArrayList<>();
        List<String> terms = words.distinct(text);
        if (!terms.isEmpty()) {
            List<Query> everyWord = new ArrayList<>();
            for (String word : terms) {
                List<Query> anyField = new ArrayList<>();
                for (String field : fields) {
                    float boost = field.equals(TITLE_WORDS) ? TITLE_BOOST : 1f;
                    anyField.add(Query.of(x -> x.match(m -> m.field(field).query(word).operator(Operator.And).boost(boost))));
                }
                anyField.addAll(expansion.queries(word));
                everyWord.add(anyOf(anyField));
            }
            wordsOrWhole.add(Query.of(x -> x.bool(b -> b.must(everyWord))));
        }
        // A multi-word alias (Moore Threads) is cut into words no alias field holds: match it whole too.
        wordsOrWhole.addAll(expansion.queries(text.strip()));
        // Nothing to look for (only punctuation): Lucene's empty query finds nothing, so must this.
        return wordsOrWhole.isEmpty() ? Query.of(x -> x.matchNone(m -> m)) : anyOf(wordsOrWhole);
    }

    /** The query for an expression of the query language, with the meaning {@link LuceneQueries#where} gives it. */
    Query where(QueryExpr e, SearchQuery.Kind kind) {
        if (e instanceof QueryExpr.Words w) {
            return switch (kind) {
                case ARTICLES -> text(w.text(), List.of(TITLE_WORDS, BODY_WORDS), word -> List.of(term(ALIAS_KEYS, LuceneDocuments.aliasKey(word))));
                case FIGURES -> text(w.text(), List.of(TEXT_WORDS), word -> namedBy(word, SUBJECT, PRODUCT));
                case EVENTS -> text(w.text(), List.of(TEXT_WORDS), word -> namedBy(word, ORG, PRODUCT));
                case ALERTS -> text(w.text(), List.of(HEADLINE_WORDS, SENTENCE_WORDS), word -> namedBy(word, ORG, PRODUCT));
            };
        }
        if (e instanceof QueryExpr.Phrase p) {
            List<String> fields = switch (kind) {
                case ARTICLES -> List.of(TITLE_WORDS, BODY_WORDS);
                case FIGURES, EVENTS -> List.of(TEXT_WORDS);
                case ALERTS -> List.of(HEADLINE_WORDS, SENTENCE_WORDS);
            };
            String joined = words.joined(p.text());
            if (joined.isBlank()) {
                return Query.of(x -> x.matchNone(m -> m));
            }
            List<Query> any = new ArrayList<>();
            for (String field : fields) {
                float boost = field.equals(TITLE_WORDS) ? TITLE_BOOST : 1f;
                any.add(Query.of(x -> x.matchPhrase(m -> m.field(field).query(joined).boost(boost))));
            }
            return anyOf(any);
        }
        if (e instanceof QueryExpr.Field f) {
            return Query.of(x -> x.constantScore(c -> c.filter(field(f, kind))));
        }
        if (e instanceof QueryExpr.And and) {
            List<Query> must = new ArrayList<>();
            List<Query> mustNot = new ArrayList<>();
            for (QueryExpr x : and.all()) {
                if (x instanceof QueryExpr.Not not) {
                    mustNot.add(where(not.expr(), kind));
                } else {
                    must.add(where(x, kind));
                }
            }
            if (must.isEmpty()) {
                must.add(Query.of(x -> x.matchAll(m -> m)));
            }
            return Query.of(x -> x.bool(b -> b.must(must).mustNot(mustNot)));
        }
        if (e instanceof QueryExpr.Or or) {
            return anyOf(or.any().stream().map(x -> where(x, kind)).toList());
        }
        QueryExpr.Not not = (QueryExpr.Not) e;
        Query excluded = where(not.expr(), kind);
        return Query.of(x -> x.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(excluded)));
    }

    private Query field(QueryExpr.Field f, SearchQuery.Kind kind) {
        String v = f.value();
        return switch (kind + ":" + f.name()) {
            case "ARTICLES:entity" -> {
                List<Query> entity = new ArrayList<>();
                for (String name : canonicalNames(v)) {
                    entity.add(term(ENTITIES, name));
                }
                entity.add(term(ALIAS_KEYS, LuceneDocuments.aliasKey(v)));
                yield anyOf(entity);
            }
            case "ARTICLES:source" -> term(SOURCE, v);
            case "FIGURES:entity", "FIGURES:subject" -> anyOf(canonicalNames(v).stream().map(n -> term(SUBJECT, n)).toList());
            case "FIGURES:product", "EVENTS:product", "ALERTS:product" -> anyOf(canonicalNames(v).stream().map(n -> term(PRODUCT, n)).toList());
            case "FIGURES:metric" -> term(METRIC, v);
            case "FIGURES:period" -> anyOf(List.of(term(PERIOD, v), Query.of(x -> x.prefix(p -> p.field(PERIOD).value(v + "-")))));
            case "EVENTS:entity", "EVENTS:org", "ALERTS:org" -> anyOf(canonicalNames(v).stream().map(n -> term(ORG, n)).toList());
            case "EVENTS:type" -> term(TYPE, v);
            case "EVENTS:status" -> term(STATUS, v);
            case "ALERTS:entity" -> {
                List<Query> orgOrProduct = new ArrayList<>();
                for (String name : canonicalNames(v)) {
                    orgOrProduct.add(term(ORG, name));
                    orgOrProduct.add(term(PRODUCT, name));
                }
                yield anyOf(orgOrProduct);
            }
            case "ALERTS:type" -> term(EVENT_TYPE, v);
            case "ALERTS:rule" -> term(RULE, v);
            default -> throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " have no field " + f.name());
        };
    }

    /** Term queries on keyword fields for the entities this word is an alias of; empty when it is none. */
    private List<Query> namedBy(String word, String... fields) {
        Set<String> names = new LinkedHashSet<>();
        for (GazetteerEntry entry : gazetteer.lookup(word)) {
            names.add(entry.name());
        }
        List<Query> queries = new ArrayList<>();
        for (String field : fields) {
            for (String name : names) {
                queries.add(term(field, name));
            }
        }
        return queries;
    }

    /** The canonical names this entity is known by, or the name itself when the gazetteer does not know it. */
    private Set<String> canonicalNames(String entity) {
        Set<String> names = new LinkedHashSet<>();
        names.add(entity.strip());
        for (GazetteerEntry entry : gazetteer.lookup(entity)) {
            names.add(entry.name());
        }
        return names;
    }

    private Query finish(List<Query> must, List<Query> filter, SearchQuery q) {
        if (q.where() != null) {
            must.add(where(q.where(), q.kind()));
        }
        if (q.from() != null || q.to() != null) {
            filter.add(between(timeField(q.kind()), q.from(), q.to()));
        }
        if (must.isEmpty() && filter.isEmpty()) {
            return Query.of(x -> x.matchAll(m -> m));
        }
        return Query.of(x -> x.bool(b -> b.must(must).filter(filter)));
    }

    /** "D||/d" rounds to the start of day D for gte and to its last millisecond for lte, in China time. */
    private static Query between(String field, LocalDate from, LocalDate to) {
        return Query.of(x -> x.range(r -> r.date(d -> {
            d.field(field).format("strict_date").timeZone(CHINA);
            if (from != null) {
                d.gte(from + "||/d");
            }
            if (to != null) {
                d.lte(to + "||/d");
            }
            return d;
        })));
    }

    private static Query term(String field, String value) {
        return Query.of(x -> x.term(t -> t.field(field).value(value)));
    }

    private static Query anyOf(List<Query> queries) {
        return Query.of(x -> x.bool(b -> b.should(queries).minimumShouldMatch("1")));
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** Extra ways one query word, or the whole query text, may match besides the text fields. */
    @FunctionalInterface
    private interface WordExpansion {
        List<Query> queries(String word);
    }
}
