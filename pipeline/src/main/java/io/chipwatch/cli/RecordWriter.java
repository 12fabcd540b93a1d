package io.chipwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import io.chipwatch.model.Figure;
import io.chipwatch.model.Ids;
import io.chipwatch.model.Truncation;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shapes the records {@code extract} prints: the full article, the evaluation record, an error. */
final class RecordWriter {

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ObjectMapper json;

    RecordWriter(ObjectMapper json) {
        this.json = json;
    }

    String line(Map<String, Object> record) throws JsonProcessingException {
        return json.writeValueAsString(record);
    }

    /** A record as the JSON tree a reader of {@link #line} would parse, e.g. for scoring it. */
    JsonNode tree(Map<String, Object> record) {
        return json.valueToTree(record);
    }

    Map<String, Object> json(Article a, String input) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", a.id());
        r.put("input", input);
        r.put("url", a.url());
        r.put("canonical_url", a.canonicalUrl());
        r.put("title", a.title());
        r.put("published", time(a.published()));
        r.put("author", a.author());
        r.put("source", a.source());
        r.put("lang", a.lang());
        r.put("charset", a.charset());
        r.put("body", a.body());
        return r;
    }

    /** The record of shared/eval/FORMAT.md, with the NLP stage's entities, figures and events. */
    Map<String, Object> eval(Article a, String input, Analysis analysis) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", a.canonicalUrl() != null ? Ids.sha1(a.canonicalUrl()) : Ids.sha1(input));
        r.put("input", input);
        r.put("url", a.canonicalUrl());
        r.put("title", a.title());
        r.put("published", time(a.published()));
        r.put("author", a.author());
        r.put("source", a.source());
        r.put("lang", a.lang());
        r.put("body", a.body());
        r.put("entities", analysis.entities().stream().map(RecordWriter::entity).toList());
        r.put("figures", analysis.figures().stream().map(RecordWriter::figure).toList());
        r.put("events", analysis.events().stream().map(RecordWriter::event).toList());
        // sentences in another language (machine-translation leftovers), for readers and tuning
        r.put("foreign_sentences", analysis.sentences().stream().filter(s -> !s.isChinese())
                .map(s -> Map.of("start", s.start(), "end", s.end(), "lang", s.lang())).toList());
        Truncation t = analysis.truncated();
        if (t.any()) {
            // an absurd page was analysed only in part: say what was left out
            Map<String, Object> cut = new LinkedHashMap<>();
            cut.put("body_chars_skipped", t.bodyCharsSkipped());
            cut.put("sentences_cut", t.sentencesCut());
            cut.put("figures_dropped", t.figuresDropped());
            r.put("truncated", cut);
        }
        return r;
    }

    Map<String, Object> error(String input, URI url, String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", Ids.sha1(url != null ? url.toString() : input));
        r.put("input", input);
        r.put("url", url == null ? null : url.toString());
        r.put("error", reason);
        return r;
    }

    private static Map<String, Object> entity(Entity e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", e.type());
        r.put("name", e.name());
        r.put("aliases", e.aliases());
        r.put("mentions", e.mentions());
        r.put("offsets", e.offsets());
        return r;
    }

    private static Map<String, Object> figure(Figure f) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("metric", f.metric());
        r.put("value", f.value());
        r.put("value_max", f.valueMax());
        r.put("unit", f.unit());
        if (f.currency() != null) {
            r.put("currency", f.currency()); // GBP, SGD... where the unit is "other"
        }
        r.put("qualifier", f.qualifier());
        r.put("subject", f.subject());
        r.put("product", f.product());
        r.put("period", f.period());
        r.put("surface", f.surface());
        r.put("text", f.text());
        r.put("start", f.start());
        r.put("end", f.end());
        return r;
    }

    private static Map<String, Object> event(Event e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", e.type());
        r.put("org", e.org());
        r.put("product", e.product());
        r.put("date", e.date());
        r.put("status", e.status());
        r.put("trigger", e.trigger());
        r.put("text", e.text());
        r.put("start", e.start());
        r.put("end", e.end());
        return r;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : ISO_SECONDS.format(t);
    }
}
