package io.chipwatch.store;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.GazetteerEntry;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.chipwatch.store.LuceneDocuments.*;

/**
 * Builds the Lucene query and sort for a {@link SearchQuery}, the same semantics for every kind:
 * <ul>
 *   <li>text: every word (as {@link HanLpAnalyzer} segments it) must occur, in the title
 *       (boosted) or body of an article, in the sentence of a figure or event. A word that is an
 *       entity alias also matches documents naming that entity, so NVIDIA finds 英伟达; for
 *       articles through their alias field, for figures, events and alerts through the gazetteer.
 *       Alerts are searched in their headline and sentence.</li>
 *   <li>entity: the gazetteer resolves any alias to its canonical name, which must be among an
 *       article's entities (or the given name among its aliases), be a figure's subject, an
 *       event's org, or an alert's org or product.</li>
 *   <li>metric (figures): exact.</li>
 *   <li>from/to: days in China time (Asia/Shanghai), both inclusive, of publication (alerts:
 *       creation); undated documents drop out.</li>
 * </ul>
 * Thread-safe: it keeps only the analyzer and gazetteer, both thread-safe.
 */
final class LuceneQueries {

    /** Days are China days: the news is Chinese, and an article at 00:30 in Beijing belongs to that day. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final float TITLE_BOOST = 2f;

    private final Analyzer analyzer;
    private final Gazetteer gazetteer;

    LuceneQueries(Analyzer analyzer, Gazetteer gazetteer) {
        this.analyzer = analyzer;
        this.gazetteer = gazetteer;
    }

    Query articles(SearchQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (hasText(q.text())) {
            all.add(text(q.text(), List.of(TITLE, BODY), word -> List.of(new TermQuery(new Term(ALIASES, aliasKey(word))))), Occur.MUST);
        }
        if (hasText(q.entity())) {
            BooleanQuery.Builder entity = new BooleanQuery.Builder();
            for (String name : canonicalNames(q.entity())) {
                entity.add(new TermQuery(new Term(ENTITIES, name)), Occur.SHOULD);
            }
            entity.add(new TermQuery(new Term(ALIASES, aliasKey(q.entity()))), Occur.SHOULD);
            all.add(entity.build(), Occur.FILTER);
        }
        return finish(all, q);
    }

    Query figures(SearchQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (hasText(q.text())) {
            all.add(text(q.text(), List.of(TEXT), word -> namedBy(word, SUBJECT, PRODUCT)), Occur.MUST);
        }
        if (hasText(q.entity())) {
            all.add(anyOf(SUBJECT, canonicalNames(q.entity())), Occur.FILTER);
        }
        if (hasText(q.metric())) {
            all.add(new TermQuery(new Term(METRIC, q.metric().strip())), Occur.FILTER);
        }
        return finish(all, q);
    }

    Query events(SearchQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (hasText(q.text())) {
            all.add(text(q.text(), List.of(TEXT), word -> namedBy(word, ORG, PRODUCT)), Occur.MUST);
        }
        if (hasText(q.entity())) {
            all.add(anyOf(ORG, canonicalNames(q.entity())), Occur.FILTER);
        }
        return finish(all, q);
    }

    Query alerts(SearchQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (hasText(q.text())) {
            all.add(text(q.text(), List.of(HEADLINE, SENTENCE), word -> namedBy(word, ORG, PRODUCT)), Occur.MUST);
        }
        if (hasText(q.entity())) {
            Set<String> names = canonicalNames(q.entity());
            BooleanQuery.Builder orgOrProduct = new BooleanQuery.Builder();
            orgOrProduct.add(anyOf(ORG, names), Occur.SHOULD);
            orgOrProduct.add(anyOf(PRODUCT, names), Occur.SHOULD);
            all.add(orgOrProduct.build(), Occur.FILTER);
        }
        return finish(all, q);
    }

    /** The time a kind is filtered and sorted by, in epoch milliseconds: an alert's creation, else publication. */
    static String timeField(SearchQuery.Kind kind) {
        return kind == SearchQuery.Kind.ALERTS ? CREATED_MILLIS : PUBLISHED_MILLIS;
    }

    /** Best first when there is text to rank by, else newest first; undated last; ties by id, so pages are stable. */
    static Sort sort(SearchQuery q) {
        SortField newest = new SortField(timeField(q.kind()), SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        SortField byId = new SortField(ID, SortField.Type.STRING);
        return q.ranked()
                ? new Sort(SortField.FIELD_SCORE, newest, byId)
                : new Sort(newest, byId);
    }

    /** Every word must match one of the fields, or one of the extra queries for that word. */
    private Query text(String text, List<String> fields, WordExpansion expansion) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        List<String> terms = words(text);
        for (String word : terms) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (String field : fields) {
                Query term = new TermQuery(new Term(field, word));
                anyField.add(field.equals(TITLE) ? new BoostQuery(term, TITLE_BOOST) : term, Occur.SHOULD);
            }
            for (Query extra : expansion.queries(word)) {
                anyField.add(extra, Occur.SHOULD);
            }
            words.add(anyField.build(), Occur.MUST);
        }
        // A multi-word alias (Moore Threads) is cut into words that no alias field holds: match it whole too.
        BooleanQuery.Builder wordsOrWhole = new BooleanQuery.Builder();
        if (!terms.isEmpty()) {
            wordsOrWhole.add(words.build(), Occur.SHOULD);
        }
        for (Query whole : expansion.queries(text.strip())) {
            wordsOrWhole.add(whole, Occur.SHOULD);
        }
        return wordsOrWhole.build();
    }

    /** The Lucene query for an expression of the query language, over documents of this kind. */
    Query where(QueryExpr e, SearchQuery.Kind kind) {
        if (e instanceof QueryExpr.Words w) {
            return switch (kind) {
                case ARTICLES -> text(w.text(), List.of(TITLE, BODY), word -> List.of(new TermQuery(new Term(ALIASES, aliasKey(word)))));
                case FIGURES -> text(w.text(), List.of(TEXT), word -> namedBy(word, SUBJECT, PRODUCT));
                case EVENTS -> text(w.text(), List.of(TEXT), word -> namedBy(word, ORG, PRODUCT));
                case ALERTS -> text(w.text(), List.of(HEADLINE, SENTENCE), word -> namedBy(word, ORG, PRODUCT));
            };
        }
        if (e instanceof QueryExpr.Phrase p) {
            List<String> fields = switch (kind) {
                case ARTICLES -> List.of(TITLE, BODY);
                case FIGURES, EVENTS -> List.of(TEXT);
                case ALERTS -> List.of(HEADLINE, SENTENCE);
            };
            List<String> terms = tokens(p.text());
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String field : fields) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                terms.forEach(t -> phrase.add(new Term(field, t)));
                any.add(field.equals(TITLE) ? new BoostQuery(phrase.build(), TITLE_BOOST) : phrase.build(), Occur.SHOULD);
            }
            return any.build();
        }
        if (e instanceof QueryExpr.Field f) {
            return field(f, kind);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (e instanceof QueryExpr.And and) {
            boolean positive = false;
            for (QueryExpr x : and.all()) {
                if (x instanceof QueryExpr.Not not) {
                    b.add(where(not.expr(), kind), Occur.MUST_NOT);
                } else {
                    b.add(where(x, kind), Occur.MUST);
                    positive = true;
                }
            }
            if (!positive) {
                b.add(new MatchAllDocsQuery(), Occur.MUST);
            }
        } else if (e instanceof QueryExpr.Or or) {
            for (QueryExpr x : or.any()) {
                b.add(where(x, kind), Occur.SHOULD);
            }
            b.setMinimumNumberShouldMatch(1);
        } else if (e instanceof QueryExpr.Not not) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
            b.add(where(not.expr(), kind), Occur.MUST_NOT);
        }
        return b.build();
    }

    private Query field(QueryExpr.Field f, SearchQuery.Kind kind) {
        String v = f.value();
        return switch (kind + ":" + f.name()) {
            case "ARTICLES:entity" -> {
                BooleanQuery.Builder entity = new BooleanQuery.Builder();
                for (String name : canonicalNames(v)) {
                    entity.add(new TermQuery(new Term(ENTITIES, name)), Occur.SHOULD);
                }
                entity.add(new TermQuery(new Term(ALIASES, aliasKey(v))), Occur.SHOULD);
                yield new ConstantScoreQuery(entity.build());
            }
            case "ARTICLES:source" -> new ConstantScoreQuery(new TermQuery(new Term(SOURCE, v)));
            case "FIGURES:entity", "FIGURES:subject" -> new ConstantScoreQuery(anyOf(SUBJECT, canonicalNames(v)));
            case "FIGURES:product", "EVENTS:product", "ALERTS:product" -> new ConstantScoreQuery(anyOf(PRODUCT, canonicalNames(v)));
            case "FIGURES:metric" -> new ConstantScoreQuery(new TermQuery(new Term(METRIC, v)));
            case "FIGURES:period" -> {
                // 2024 finds 2024, 2024-Q1, 2024-05…; 2024-Q1 only itself and what lies below it
                BooleanQuery.Builder period = new BooleanQuery.Builder();
                period.add(new TermQuery(new Term(PERIOD, v)), Occur.SHOULD);
                period.add(new PrefixQuery(new Term(PERIOD, v + "-")), Occur.SHOULD);
                yield new ConstantScoreQuery(period.build());
            }
            case "EVENTS:entity", "EVENTS:org", "ALERTS:org" -> new ConstantScoreQuery(anyOf(ORG, canonicalNames(v)));
            case "EVENTS:type" -> new ConstantScoreQuery(new TermQuery(new Term(TYPE, v)));
            case "EVENTS:status" -> new ConstantScoreQuery(new TermQuery(new Term(STATUS, v)));
            case "ALERTS:entity" -> {
                BooleanQuery.Builder orgOrProduct = new BooleanQuery.Builder();
                orgOrProduct.add(anyOf(ORG, canonicalNames(v)), Occur.SHOULD);
                orgOrProduct.add(anyOf(PRODUCT, canonicalNames(v)), Occur.SHOULD);
                yield new ConstantScoreQuery(orgOrProduct.build());
            }
            case "ALERTS:type" -> new ConstantScoreQuery(new TermQuery(new Term(EVENT_TYPE, v)));
            case "ALERTS:rule" -> new ConstantScoreQuery(new TermQuery(new Term(RULE, v)));
            default -> throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " have no field " + f.name());
        };
    }

    /** The analyzer's words of this text in order, duplicates kept (a phrase needs them all). */
    private List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing the query text failed", e);
        }
        return words;
    }

    /** Queries on keyword fields for the entities this word is an alias of; empty when it is none. */
    private List<Query> namedBy(String word, String... fields) {
        List<Query> queries = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (GazetteerEntry entry : gazetteer.lookup(word)) {
            names.add(entry.name());
        }
        for (String field : fields) {
            for (String name : names) {
                queries.add(new TermQuery(new Term(field, name)));
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

    private static Query anyOf(String field, Set<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }
        return any.build();
    }

    private Query finish(BooleanQuery.Builder all, SearchQuery q) {
        if (q.where() != null) {
            all.add(where(q.where(), q.kind()), Occur.MUST);
        }
        if (q.from() != null || q.to() != null) {
            all.add(between(timeField(q.kind()), q.from(), q.to()), Occur.FILTER);
        }
        BooleanQuery query = all.build();
        return query.clauses().isEmpty() ? new MatchAllDocsQuery() : query;
    }

    private static Query between(String field, LocalDate from, LocalDate to) {
        long lower = from == null ? Long.MIN_VALUE : startOf(from);
        long upper = to == null ? Long.MAX_VALUE : startOf(to.plusDays(1)) - 1;
        return LongPoint.newRangeQuery(field, lower, upper);
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant().toEpochMilli();
    }

    /** The terms the index holds for this text: the analyzer's words, duplicates dropped. */
    List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            // Reading a String cannot fail; this is not an I/O problem of the store.
            throw new UncheckedIOException("analysing the query text failed", e);
        }
        return List.copyOf(words);
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
