package io.chipwatch.nlp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words that classify figures and events, from {@code chipwatch/lexicon.yml} in the models
 * module, so analysts tune them without touching code. Immutable.
 */
public final class Lexicon {

    public static final String DEFAULT_RESOURCE = "chipwatch/lexicon.yml";

    /** A lexicon word found in text. */
    public record Hit(String label, String word, int start, int end) {
    }

    private final Map<String, List<String>> metrics;
    private final Map<String, String> unitMetrics;
    private final List<String> conversions;
    private final Map<String, List<String>> events;
    private final List<String> planned;

    Lexicon(File f) {
        this.metrics = copy(f.metrics());
        this.unitMetrics = f.unitMetrics() == null ? Map.of() : Map.copyOf(f.unitMetrics());
        this.conversions = f.conversions() == null ? List.of() : List.copyOf(f.conversions());
        this.events = copy(f.events());
        this.planned = f.planned() == null ? List.of() : List.copyOf(f.planned());
    }

    public static Lexicon defaults() throws IOException {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("classpath resource " + DEFAULT_RESOURCE + " is missing (is chipwatch-models on the classpath?)");
            }
            return read(in);
        }
    }

    public static Lexicon read(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new Lexicon(mapper.readValue(yaml, File.class));
    }

    /** Metric words in text[from, to), in text order; longer words win where they overlap. */
    public List<Hit> metricWords(String text, int from, int to) {
        return find(metrics, text, from, to);
    }

    public List<Hit> eventWords(String text, int from, int to) {
        return find(events, text, from, to);
    }

    public Optional<String> unitMetric(String unit) {
        return Optional.ofNullable(unitMetrics.get(unit));
    }

    public boolean hasConversionWord(String text) {
        return conversions.stream().anyMatch(text::contains);
    }

    public boolean hasPlannedWord(String text) {
        return planned.stream().anyMatch(text::contains);
    }

    private static List<Hit> find(Map<String, List<String>> words, String text, int from, int to) {
        String region = text.substring(from, to).toLowerCase(Locale.ROOT);
        List<Hit> hits = new java.util.ArrayList<>();
        for (Map.Entry<String, List<String>> e : words.entrySet()) {
            for (String w : e.getValue()) {
                String lw = w.toLowerCase(Locale.ROOT);
                for (int i = region.indexOf(lw); i >= 0; i = region.indexOf(lw, i + 1)) {
                    hits.add(new Hit(e.getKey(), w, from + i, from + i + w.length()));
                }
            }
        }
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Hit> kept = new java.util.ArrayList<>();
        int reach = -1;
        for (Hit h : hits) {
            if (h.start() >= reach) {
                kept.add(h);
                reach = h.end();
            }
        }
        return kept;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    record File(@JsonProperty("metrics") Map<String, List<String>> metrics,
                @JsonProperty("unit_metrics") Map<String, String> unitMetrics,
                @JsonProperty("conversions") List<String> conversions,
                @JsonProperty("events") Map<String, List<String>> events,
                @JsonProperty("planned") List<String> planned) {
    }
}
