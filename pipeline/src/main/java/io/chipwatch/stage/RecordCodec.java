package io.chipwatch.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON of the records on the pipeline's topics. Every record carries {@code schema} (its
 * version) and {@code kind}, so a consumer can refuse what it does not understand with a clear
 * message rather than a parse error. Thread-safe.
 */
public final class RecordCodec {

    public static final int SCHEMA = 1;

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A fetched page on {@code chipwatch.pages}; the bytes travel base64-encoded, charset untouched. */
    public record PageRecord(int schema, String kind, String url, Instant fetchedAt, Map<String, String> headers,
                             String bytes, String source) {

        public RawPage toRawPage() {
            return new RawPage(Base64.getDecoder().decode(bytes), url == null ? null : URI.create(url), headers, fetchedAt);
        }
    }

    /** An extracted article on {@code chipwatch.articles}. */
    public record ArticleRecord(int schema, String kind, Article article) {
    }

    /** An article with its entities, figures and events on {@code chipwatch.enriched}. */
    public record EnrichedRecord(int schema, String kind, Article article, Analysis analysis) {
    }

    public String page(RawPage page, String source) {
        return write(new PageRecord(SCHEMA, "page", page.url() == null ? null : page.url().toString(), page.fetchedAt(),
                page.headers(), Base64.getEncoder().encodeToString(page.bytes()), source));
    }

    public String article(Article article) {
        return write(new ArticleRecord(SCHEMA, "article", article));
    }

    public String enriched(Article article, Analysis analysis) {
        return write(new EnrichedRecord(SCHEMA, "enriched", article, analysis));
    }

    public PageRecord readPage(String value) {
        return read(value, "page", PageRecord.class);
    }

    public ArticleRecord readArticle(String value) {
        return read(value, "article", ArticleRecord.class);
    }

    public EnrichedRecord readEnriched(String value) {
        return read(value, "enriched", EnrichedRecord.class);
    }

    private String write(Object record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + record.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String value, String kind, Class<T> type) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record is not JSON: " + e.getOriginalMessage(), e);
        }
        int schema = node.path("schema").asInt(-1);
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("record has schema " + node.path("schema") + ", this version reads schema " + SCHEMA);
        }
        if (!kind.equals(node.path("kind").asText())) {
            throw new IllegalArgumentException("expected a " + kind + " record, got kind " + node.path("kind"));
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + kind + " record: " + e.getOriginalMessage(), e);
        }
    }
}
