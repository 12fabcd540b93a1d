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
import io.chipwatch.model.Sentence;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

    /**
     * A fetched page on {@code chipwatch.pages}; the bytes travel base64-encoded, charset untouched,
     * gzip-compressed first when {@code encoding} is {@code gzip} (HTML shrinks five to ten times,
     * which keeps the record of a large page under Kafka's message limit; a record without
     * {@code encoding} holds the bytes as they are).
     */
    public record PageRecord(int schema, String kind, String url, Instant fetchedAt, Map<String, String> headers,
                             String bytes, String source, String encoding) {

        public RawPage toRawPage() {
            byte[] raw = Base64.getDecoder().decode(bytes);
            return new RawPage("gzip".equals(encoding) ? PageBytes.gunzip(raw) : raw, url == null ? null : URI.create(url), headers, fetchedAt);
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
                page.headers(), Base64.getEncoder().encodeToString(PageBytes.gzip(page.bytes())), source, "gzip"));
    }

    /** @throws RecordTooLargeException when the record would pass {@link #MAX_RECORD_BYTES} */
    public String article(Article article) {
        return limited(write(new ArticleRecord(SCHEMA, "article", article)), "article", article);
    }

    /**
     * The enriched record, each figure's and event's sentence cut to a window around the fact
     * ({@link FactWindows}). When it still passes {@link #MAX_RECORD_BYTES}, the sentences' texts
     * are left out ({@code sentences_text: "omitted"}): they are the body's, and
     * {@link #readEnriched} takes them from there again.
     *
     * @throws RecordTooLargeException when even that passes the limit
     */
    public String enriched(Article article, Analysis analysis) {
        ObjectNode node = json.valueToTree(new EnrichedRecord(SCHEMA, "enriched", article, analysis));
        ObjectNode analysisNode = (ObjectNode) node.get("analysis");
        FactWindows.cap(analysisNode, article.body());
        String value = write(node);
        if (utf8Length(value) > MAX_RECORD_BYTES && article.body() != null) {
            for (JsonNode sentence : analysisNode.path("sentences")) {
                ((ObjectNode) sentence).remove("text");
            }
            analysisNode.put("sentences_text", "omitted");
            value = write(node);
        }
        return limited(value, "enriched", article);
    }

    /**
     * The largest record written, in UTF-8 bytes: under Kafka's default limit of 1 MiB per message
     * (producer {@code max.request.size}, broker {@code message.max.bytes}), with room for the key
     * and the batch's overhead.
     */
    public static final int MAX_RECORD_BYTES = 900 * 1024;

    /** A record that would pass {@link #MAX_RECORD_BYTES}; the stage dead-letters its input with this message. */
    public static final class RecordTooLargeException extends IllegalArgumentException {
        RecordTooLargeException(String message) {
            super(message);
        }
    }

    private static String limited(String value, String kind, Article article) {
        int bytes = utf8Length(value);
        if (bytes > MAX_RECORD_BYTES) {
            throw new RecordTooLargeException("the " + kind + " record of " + article.id() + " would be " + bytes
                    + " bytes, over the limit of " + MAX_RECORD_BYTES + " (body of " + (article.body() == null ? 0 : article.body().length())
                    + " characters)");
        }
        return value;
    }

    private static String slice(String body, int start, int end) {
        int from = Math.max(0, Math.min(start, body.length()));
        return body.substring(from, Math.max(from, Math.min(end, body.length())));
    }

    /** UTF-8 length without encoding: surrogate pairs are 4 bytes, as their two chars count 2 + 2. */
    private static int utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    public PageRecord readPage(String value) {
        return read(value, "page", PageRecord.class);
    }

    public ArticleRecord readArticle(String value) {
        return read(value, "article", ArticleRecord.class);
    }

    /** Reads an enriched record; sentences written without their text get it back from the body. */
    public EnrichedRecord readEnriched(String value) {
        EnrichedRecord record = read(value, "enriched", EnrichedRecord.class);
        Analysis a = record.analysis();
        String body = record.article() == null ? null : record.article().body();
        if (a == null || body == null || a.sentences().stream().allMatch(s -> s.text() != null)) {
            return record;
        }
        List<Sentence> sentences = a.sentences().stream().map(s -> s.text() != null ? s
                : new Sentence(slice(body, s.start(), s.end()), s.start(), s.end(), s.lang())).toList();
        return new EnrichedRecord(record.schema(), record.kind(), record.article(),
                new Analysis(sentences, a.entities(), a.figures(), a.events()));
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
