package io.chipwatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Maps the store's records to Elasticsearch documents (the fields of config/elasticsearch/*.json)
 * and back. A null record field is left out of the document, so a hit rebuilds into an equal
 * record. Besides the record's fields a document carries what only searching needs: {@code words.*}
 * (the text cut into HanLP words), {@code alias_keys} (aliases lower-cased, as the Lucene store
 * matches them), and on articles the ids of their figures and events, so that indexing an
 * article again can delete the ones it no longer has.
 */
final class ElasticsearchDocuments {

    static final String ID = "id";
    static final String ARTICLE_ID = "article_id";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String PUBLISHED = "published";
    static final String AUTHOR = "author";
    static final String SOURCE = "source";
    static final String LANG = "lang";
    static final String BODY = "body";
    static final String ENTITIES = "entities";
    static final String ALIASES = "aliases";
    static final String ALIAS_KEYS = "alias_keys";
    static final String FIGURE_IDS = "figure_ids";
    static final String EVENT_IDS = "event_ids";
    static final String METRIC = "metric";
    static final String VALUE = "value";
    static final String VALUE_MAX = "value_max";
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
    static final String CHANGES = "changes";
    static final String WORDS = "words";
    static final String TITLE_WORDS = WORDS + "." + TITLE;
    static final String BODY_WORDS = WORDS + "." + BODY;
    static final String TEXT_WORDS = WORDS + "." + TEXT;
    static final String HEADLINE_WORDS = WORDS + "." + HEADLINE;
    static final String SENTENCE_WORDS = WORDS + "." + SENTENCE;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HanLpWords words;

    ElasticsearchDocuments(HanLpWords words) {
        this.words = words;
    }

    ObjectNode article(Indexable.Article item) {
        ArticleDoc a = item.article();
        ObjectNode d = NODES.objectNode();
        put(d, ID, a.id());
        put(d, URL, a.url());
        put(d, TITLE, a.title());
        published(d, a.published());
        put(d, AUTHOR, a.author());
        put(d, SOURCE, a.source());
        put(d, LANG, a.lang());
        put(d, BODY, a.body());
        strings(d, ENTITIES, a.entities());
        strings(d, ALIASES, a.aliases());
        strings(d, ALIAS_KEYS, a.aliases().stream().map(LuceneDocuments::aliasKey).distinct().toList());
        strings(d, FIGURE_IDS, item.figures().stream().map(FigureDoc::id).toList());
        strings(d, EVENT_IDS, item.events().stream().map(EventDoc::id).toList());
        ObjectNode w = d.putObject(WORDS);
        put(w, TITLE, words.joined(a.title()));
        put(w, BODY, words.joined(a.body()));
        return d;
    }

    static ArticleDoc article(JsonNode d) {
        return new ArticleDoc(text(d, ID), text(d, URL), text(d, TITLE), published(d), text(d, AUTHOR),
                text(d, SOURCE), text(d, LANG), text(d, BODY), strings(d, ENTITIES), strings(d, ALIASES));
    }

    /** The figure and event ids an indexed article document says it has. */
    static List<String> figureIds(JsonNode article) {
        return strings(article, FIGURE_IDS);
    }

    static List<String> eventIds(JsonNode article) {
        return strings(article, EVENT_IDS);
    }

    ObjectNode figure(FigureDoc f) {
        ObjectNode d = NODES.objectNode();
        put(d, ID, f.id());
        put(d, ARTICLE_ID, f.articleId());
        put(d, METRIC, f.metric());
        d.put(VALUE, f.value());
        if (f.valueMax() != null) {
            d.put(VALUE_MAX, f.valueMax());
        }
        put(d, UNIT, f.unit());
        put(d, QUALIFIER, f.qualifier());
        put(d, SUBJECT, f.subject());
        put(d, PRODUCT, f.product());
        put(d, PERIOD, f.period());
        published(d, f.published());
        put(d, URL, f.url());
        put(d, TITLE, f.title());
        put(d, TEXT, f.text());
        put(d.putObject(WORDS), TEXT, words.joined(f.text()));
        return d;
    }

    static FigureDoc figure(JsonNode d) {
        JsonNode valueMax = d.get(VALUE_MAX);
        return new FigureDoc(text(d, ID), text(d, ARTICLE_ID), text(d, METRIC), d.path(VALUE).asDouble(),
                valueMax == null || valueMax.isNull() ? null : valueMax.asDouble(),
                text(d, UNIT), text(d, QUALIFIER), text(d, SUBJECT), text(d, PRODUCT), text(d, PERIOD),
                published(d), text(d, URL), text(d, TITLE), text(d, TEXT));
    }

    ObjectNode event(EventDoc e) {
        ObjectNode d = NODES.objectNode();
        put(d, ID, e.id());
        put(d, ARTICLE_ID, e.articleId());
        put(d, TYPE, e.type());
        put(d, ORG, e.org());
        put(d, PRODUCT, e.product());
        put(d, DATE, e.date());
        put(d, STATUS, e.status());
        published(d, e.published());
        put(d, URL, e.url());
        put(d, TITLE, e.title());
        put(d, TEXT, e.text());
        put(d.putObject(WORDS), TEXT, words.joined(e.text()));
        return d;
    }

    static EventDoc event(JsonNode d) {
        return new EventDoc(text(d, ID), text(d, ARTICLE_ID), text(d, TYPE), text(d, ORG), text(d, PRODUCT),
                text(d, DATE), text(d, STATUS), published(d), text(d, URL), text(d, TITLE), text(d, TEXT));
    }

    ObjectNode alert(AlertDoc a) {
        ObjectNode d = NODES.objectNode();
        put(d, ID, a.id());
        put(d, KIND, a.kind());
        d.put(VERSION, a.version());
        put(d, RULE, a.rule());
        put(d, ORG, a.org());
        put(d, PRODUCT, a.product());
        put(d, EVENT_TYPE, a.eventType());
        put(d, PLANNED, a.planned());
        put(d, HEADLINE, a.headline());
        put(d, SENTENCE, a.sentence());
        strings(d, FIGURES, a.figures());
        strings(d, SOURCE_URLS, a.sourceUrls());
        strings(d, SOURCE_TITLES, a.sourceTitles());
        // Instant.toString is ISO in UTC with a Z, which the date field parses and Instant.parse reads back.
        d.put(CREATED, a.created().toString());
        strings(d, CHANGES, a.changes());
        ObjectNode w = d.putObject(WORDS);
        put(w, HEADLINE, words.joined(a.headline()));
        put(w, SENTENCE, words.joined(a.sentence()));
        return d;
    }

    static AlertDoc alert(JsonNode d) {
        return new AlertDoc(text(d, ID), text(d, KIND), d.path(VERSION).asInt(), text(d, RULE), text(d, ORG),
                text(d, PRODUCT), text(d, EVENT_TYPE), text(d, PLANNED), text(d, HEADLINE), text(d, SENTENCE),
                strings(d, FIGURES), strings(d, SOURCE_URLS), strings(d, SOURCE_TITLES), Instant.parse(text(d, CREATED)),
                strings(d, CHANGES));
    }

    /**
     * ISO with the offset as given and seconds always written (OffsetDateTime.toString drops
     * ":00"), which any Elasticsearch date format parses; the stored string keeps the offset, so
     * an equal record comes back, while the index holds the instant.
     */
    private static void published(ObjectNode d, OffsetDateTime published) {
        if (published != null) {
            d.put(PUBLISHED, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(published));
        }
    }

    private static OffsetDateTime published(JsonNode d) {
        String iso = text(d, PUBLISHED);
        return iso == null ? null : OffsetDateTime.parse(iso);
    }

    private static void put(ObjectNode d, String name, String value) {
        if (value != null) {
            d.put(name, value);
        }
    }

    private static void strings(ObjectNode d, String name, Collection<String> values) {
        ArrayNode array = d.putArray(name);
        values.forEach(array::add);
    }

    private static String text(JsonNode d, String name) {
        JsonNode v = d.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode d, String name) {
        List<String> values = new ArrayList<>();
        JsonNode v = d.get(name);
        if (v != null && v.isArray()) {
            v.forEach(s -> values.add(s.asText()));
        } else if (v != null && !v.isNull()) {
            values.add(v.asText());
        }
        return values;
    }
}
