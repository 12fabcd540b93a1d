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

    private final WordIndex metrics;
    private final java.util.Set<String> metricLabels;
    private final Map<String, String> unitMetrics;
    private final List<String> conversions;
    private final WordIndex events;
    private final List<String> planned;
    private final java.util.Set<String> governmentActs;

    /** The label of a word that contains a trigger but names no event (供应链 holds 供应). */
    private static final String NOT_AN_EVENT = "";

    Lexicon(File f) {
        this.metrics = new WordIndex(copy(f.metrics()));
        this.metricLabels = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(copy(f.metrics()).keySet()));
        this.unitMetrics = f.unitMetrics() == null ? Map.of() : Map.copyOf(f.unitMetrics());
        this.conversions = f.conversions() == null ? List.of() : List.copyOf(f.conversions());
        Map<String, List<String>> eventWords = new LinkedHashMap<>(copy(f.events()));
        if (f.eventBlockers() != null) {
            eventWords.put(NOT_AN_EVENT, List.copyOf(f.eventBlockers()));
        }
        this.events = new WordIndex(eventWords);
        this.planned = f.planned() == null ? List.of() : List.copyOf(f.planned());
        this.governmentActs = f.governmentActs() == null ? java.util.Set.of()
                : f.governmentActs().stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
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

    /** Event trigger words in text[from, to), in text order, without those inside a longer word that names no event. */
    public List<Hit> eventWords(String text, int from, int to) {
        return find(events, text, from, to).stream().filter(h -> !NOT_AN_EVENT.equals(h.label())).toList();
    }

    /** Whether a trigger word is something only a government does (a subsidy): its actor is the government. */
    public boolean isGovernmentAct(String trigger) {
        return governmentActs.contains(trigger.toLowerCase(Locale.ROOT));
    }

    /** The metric labels (shipments, revenue, ...), in the lexicon's order. */
    public java.util.Set<String> metricLabels() {
        return metricLabels;
    }

    /**
     * The metric a label or one of its words names as a whole (出货量, 出貨, shipments, Shipments), or empty;
     * for an analyst's filter, where a word inside a longer text does not count.
     */
    public Optional<String> metric(String labelOrWord) {
        String w = labelOrWord.strip();
        for (String label : metricLabels) {
            if (label.equalsIgnoreCase(w)) {
                return Optional.of(label);
            }
        }
        return metrics.scan(w, 0, w.length()).stream().filter(h -> h.start() == 0 && h.end() == w.length())
                .map(Hit::label).findFirst();
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

    private static List<Hit> find(WordIndex words, String text, int from, int to) {
        List<Hit> hits = words.scan(text, from, to);
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

    /** Every word of a label map in one Aho–Corasick automaton, keys folded to lower case. */
    private static final class WordIndex {

        private final com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<List<String[]>> automaton =
                new com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<>();
        private final boolean empty;

        WordIndex(Map<String, List<String>> words) {
            java.util.TreeMap<String, List<String[]>> keys = new java.util.TreeMap<>();
            words.forEach((label, list) -> list.forEach(
                    w -> keys.computeIfAbsent(w.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(new String[]{label, w})));
            this.empty = keys.isEmpty();
            if (!empty) {
                automaton.build(keys);
            }
        }

        List<Hit> scan(String text, int from, int to) {
            List<Hit> hits = new java.util.ArrayList<>();
            if (empty || from >= to) {
                return hits;
            }
            String region = EntityDictionary.fold(text.substring(from, to));
            automaton.parseText(region, (begin, end, value) -> {
                for (String[] labelAndWord : value) {
                    hits.add(new Hit(labelAndWord[0], labelAndWord[1], from + begin, from + end));
                }
            });
            return hits;
        }
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
                @JsonProperty("planned") List<String> planned,
                @JsonProperty("event_blockers") List<String> eventBlockers,
                @JsonProperty("government_acts") List<String> governmentActs) {
    }
}
