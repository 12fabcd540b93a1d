package io.chipwatch.store;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Maps the store's records to Lucene documents and back. Every record field is stored, a null
 * one as no field at all, so a hit rebuilds into an equal record. Besides being stored:
 * keyword fields (facets and filters) are indexed verbatim as {@link StringField}s, text fields
 * are analysed by the index's {@link HanLpAnalyzer}, and {@code published} (of alerts:
 * {@code created}) is also indexed as epoch milliseconds ({@value #PUBLISHED_MILLIS},
 * {@value #CREATED_MILLIS}) for range filters and sorting. Alert fields are named as in the
 * Elasticsearch template (snake case), the older kinds keep their names.
 */
final class LuceneDocuments {

    static final String ID = "id";
    static final String ARTICLE_ID = "articleId";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_MILLIS = "published_ms";
    static final String AUTHOR = "author";
    static final String SOURCE = "source";
    static final String LANG = "lang";
    static final String BODY = "body";
    static final String ENTITIES = "entities";
    static final String ALIASES = "aliases";
    static final String METRIC = "metric";
    static final String VALUE = "value";
    static final String VALUE_MAX = "valueMax";
    static final String UNIT = "unit";
    static final String QUALIFIER = "qualifier";
    static final String SUBJECT = "subject";
    static final String PRODUCT = "product";
    static final String PERIOD = "period";
    static final String TEXT = "text";
    static final String TYPE = "type";
    static final String ORG = "org";
    static final String DATE = "date";
    static final String STATUS = "status";
    static final String KIND = "kind";
    static final String VERSION = "version";
    static final String RULE = "rule";
    static final String EVENT_TYPE = "event_type";
    static final String PLANNED = "planned";
    static final String HEADLINE = "headline";
    static final String SENTENCE = "sentence";
    static final String FIGURES = "figures";
    static final String SOURCE_URLS = "source_urls";
    static final String SOURCE_TITLES = "source_titles";
    static final String CREATED = "created";
    static final String CREATED_MILLIS = "created_ms";
    static final String CHANGES = "changes";

    private LuceneDocuments() {
    }

    /** Aliases are matched case-insensitively (NVIDIA, Nvidia, nvidia), so they are indexed lower-cased. */
    static String aliasKey(String alias) {
        return alias.strip().toLowerCase(Locale.ROOT);
    }

    static Document article(ArticleDoc a) {
        Document d = new Document();
        id(d, a.id());
        stored(d, URL, a.url());
        text(d, TITLE, a.title());
        published(d, a.published());
        stored(d, AUTHOR, a.author());
        keyword(d, SOURCE, a.source());
        keyword(d, LANG, a.lang());
        text(d, BODY, a.body());
        for (String entity : a.entities()) {
            keyword(d, ENTITIES, entity);
        }
        for (String alias : a.aliases()) {
            // Indexed lower-cased for matching, stored as written for the round trip.
            d.add(new StringField(ALIASES, aliasKey(alias), Field.Store.NO));
            d.add(new StoredField(ALIASES, alias));
        }
        return d;
    }

    static ArticleDoc article(Document d) {
        return new ArticleDoc(d.get(ID), d.get(URL), d.get(TITLE), published(d), d.get(AUTHOR),
                d.get(SOURCE), d.get(LANG), d.get(BODY), values(d, ENTITIES), values(d, ALIASES));
    }

    static Document figure(FigureDoc f) {
        Document d = new Document();
        id(d, f.id());
        keyword(d, ARTICLE_ID, f.articleId());
        keyword(d, METRIC, f.metric());
        d.add(new StoredField(VALUE, f.value()));
        if (f.valueMax() != null) {
            d.add(new StoredField(VALUE_MAX, f.valueMax()));
        }
        keyword(d, UNIT, f.unit());
        stored(d, QUALIFIER, f.qualifier());
        keyword(d, SUBJECT, f.subject());
        keyword(d, PRODUCT, f.product());
        keyword(d, PERIOD, f.period());
        published(d, f.published());
        stored(d, URL, f.url());
        stored(d, TITLE, f.title());
        text(d, TEXT, f.text());
        return d;
    }

    static FigureDoc figure(Document d) {
        IndexableField valueMax = d.getField(VALUE_MAX);
        return new FigureDoc(d.get(ID), d.get(ARTICLE_ID), d.get(METRIC),
                d.getField(VALUE).numericValue().doubleValue(),
                valueMax == null ? null : valueMax.numericValue().doubleValue(),
                d.get(UNIT), d.get(QUALIFIER), d.get(SUBJECT), d.get(PRODUCT), d.get(PERIOD),
                published(d), d.get(URL), d.get(TITLE), d.get(TEXT));
    }

    static Document event(EventDoc e) {
        Document d = new Document();
        id(d, e.id());
        keyword(d, ARTICLE_ID, e.articleId());
        keyword(d, TYPE, e.type());
        keyword(d, ORG, e.org());
        keyword(d, PRODUCT, e.product());
        stored(d, DATE, e.date());
        keyword(d, STATUS, e.status());
        published(d, e.published());
        stored(d, URL, e.url());
        stored(d, TITLE, e.title());
        text(d, TEXT, e.text());
        return d;
    }

    static EventDoc event(Document d) {
        return new EventDoc(d.get(ID), d.get(ARTICLE_ID), d.get(TYPE), d.get(ORG), d.get(PRODUCT),
                d.get(DATE), d.get(STATUS), published(d), d.get(URL), d.get(TITLE), d.get(TEXT));
    }

    static Document alert(AlertDoc a) {
        Document d = new Document();
        id(d, a.id());
        keyword(d, KIND, a.kind());
        d.add(new StoredField(VERSION, a.version()));
        keyword(d, RULE, a.rule());
        keyword(d, ORG, a.org());
        keyword(d, PRODUCT, a.product());
        keyword(d, EVENT_TYPE, a.eventType());
        keyword(d, PLANNED, a.planned());
        text(d, HEADLINE, a.headline());
        text(d, SENTENCE, a.sentence());
        a.figures().forEach(f -> stored(d, FIGURES, f));
        a.sourceUrls().forEach(u -> stored(d, SOURCE_URLS, u));
        a.sourceTitles().forEach(t -> stored(d, SOURCE_TITLES, t));
        long millis = a.created().toEpochMilli();
        d.add(new StoredField(CREATED, a.created().toString()));
        d.add(new LongPoint(CREATED_MILLIS, millis));
        d.add(new NumericDocValuesField(CREATED_MILLIS, millis));
        a.changes().forEach(c -> stored(d, CHANGES, c));
        return d;
    }

    static AlertDoc alert(Document d) {
        return new AlertDoc(d.get(ID), d.get(KIND), d.getField(VERSION).numericValue().intValue(), d.get(RULE),
                d.get(ORG), d.get(PRODUCT), d.get(EVENT_TYPE), d.get(PLANNED), d.get(HEADLINE), d.get(SENTENCE),
                values(d, FIGURES), values(d, SOURCE_URLS), values(d, SOURCE_TITLES), Instant.parse(d.get(CREATED)),
                values(d, CHANGES));
    }

    /** The id is the update key, and a doc value so that sorting can break ties the same way every time. */
    private static void id(Document d, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a document to index needs an id");
        }
        d.add(new StringField(ID, id, Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(id)));
    }

    /**
     * Stored as the ISO string, which keeps the offset (an equal record comes back), and indexed
     * as the instant for range filters and newest-first sorting.
     */
    private static void published(Document d, OffsetDateTime published) {
        if (published != null) {
            long millis = published.toInstant().toEpochMilli();
            d.add(new StoredField(PUBLISHED, published.toString()));
            d.add(new LongPoint(PUBLISHED_MILLIS, millis));
            d.add(new NumericDocValuesField(PUBLISHED_MILLIS, millis));
        }
    }

    private static OffsetDateTime published(Document d) {
        String iso = d.get(PUBLISHED);
        return iso == null ? null : OffsetDateTime.parse(iso);
    }

    private static void keyword(Document d, String name, String value) {
        if (value != null) {
            d.add(new StringField(name, value, Field.Store.YES));
        }
    }

    private static void text(Document d, String name, String value) {
        if (value != null) {
            d.add(new TextField(name, value, Field.Store.YES));
        }
    }

    private static void stored(Document d, String name, String value) {
        if (value != null) {
            d.add(new StoredField(name, value));
        }
    }

    private static List<String> values(Document d, String name) {
        return Arrays.asList(d.getValues(name));
    }
}
