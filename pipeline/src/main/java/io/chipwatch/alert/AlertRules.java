package io.chipwatch.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chipwatch.yaml.InvalidConfigException;
import io.chipwatch.yaml.StrictYaml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules and sinks of an alerts file ({@code config/alerts.yml}), checked at load: unknown
 * keys and wrong types (bound strictly, see {@link StrictYaml}), unknown event types, duplicate
 * names and rules naming a sink the file does not define are refused, every one at once, each
 * with a message naming the place. Sink params are checked when the sinks are built
 * ({@link Sinks}), since only then are their environment variables read.
 *
 * @param rules the rules, in file order
 * @param sinks the sink entries, in file order
 */
public record AlertRules(List<AlertRule> rules, List<SinkConfig> sinks) {

    /** The event types the NLP's EventFinder emits (lexicon.yml {@code events:}, plus other). */
    public static final Set<String> EVENT_TYPES = Set.of("product_announcement", "mass_production", "investment_deal",
            "supply_deal", "partnership", "export_control", "ipo", "funding", "other");
    public static final int DEFAULT_MAX_PER_HOUR = 20;

    public AlertRules {
        rules = List.copyOf(rules);
        sinks = List.copyOf(sinks);
    }

    public static AlertRules load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(file + ": no such alerts file (check --alerts or the configuration's alerts)");
        }
        return parse(Files.readString(file), file.toString());
    }

    /**
     * @param origin where the text came from, for messages
     * @throws InvalidConfigException listing every mistake, each naming the file, the rule or sink and the key at fault
     */
    public static AlertRules parse(String yaml, String origin) {
        FileDto file;
        try {
            file = new StrictYaml().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), origin, FileDto.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        List<SinkConfig> sinks = new ArrayList<>();
        Set<String> sinkNames = new HashSet<>();
        List<SinkDto> sinkDtos = file.sinks() == null ? List.of() : file.sinks();
        for (int i = 0; i < sinkDtos.size(); i++) {
            String where = origin + ": sinks[" + i + "]";
            SinkDto s = sinkDtos.get(i);
            if (s == null || blank(s.type()) || blank(s.name())) {
                problems.add(where + ": type and name are required");
                continue;
            }
            if (!sinkNames.add(s.name().strip())) {
                problems.add(where + ": a second sink named " + s.name());
                continue;
            }
            sinks.add(new SinkConfig(s.type().strip(), s.name().strip(), s.params() == null ? Map.of() : params(s.params())));
        }
        List<AlertRule> rules = new ArrayList<>();
        Set<String> ruleNames = new HashSet<>();
        List<RuleDto> ruleDtos = file.rules() == null ? List.of() : file.rules();
        for (int i = 0; i < ruleDtos.size(); i++) {
            RuleDto r = ruleDtos.get(i);
            String where = origin + ": rules[" + i + "]";
            if (r == null || blank(r.name())) {
                problems.add(where + ": name is required");
                continue;
            }
            String at = where + " (" + r.name().strip() + ")";
            int before = problems.size();
            AlertRule rule = rule(r, at, problems);
            if (!ruleNames.add(r.name().strip())) {
                problems.add(where + ": a second rule named " + r.name().strip());
            }
            for (String sink : words(r.sinks(), at, "sinks", problems)) {
                if (!sinkNames.contains(sink)) {
                    problems.add(at + ": sink " + sink + " is not defined under sinks:; defined are " + sinkNames);
                }
            }
            if (rule != null && problems.size() == before) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new AlertRules(rules, sinks);
    }

    /** The rule, or null when it has problems (added to {@code problems}). */
    private static AlertRule rule(RuleDto r, String at, List<String> problems) {
        int before = problems.size();
        List<String> events = words(r.events(), at, "events", problems);
        if (events.isEmpty()) {
            events = List.of("product_announcement");
        }
        for (String e : events) {
            if (!EVENT_TYPES.contains(e)) {
                problems.add(at + ": unknown event type " + e + "; known are " + EVENT_TYPES.stream().sorted().toList());
            }
        }
        List<AlertRule.Threshold> thresholds = new ArrayList<>();
        List<ThresholdDto> figures = r.figures() == null ? List.of() : r.figures();
        for (int i = 0; i < figures.size(); i++) {
            String tWhere = at + ": figures[" + i + "]";
            ThresholdDto t = figures.get(i);
            if (t == null || blank(t.metric()) || blank(t.unit()) || t.min() == null) {
                problems.add(tWhere + ": metric, min and unit are required");
                continue;
            }
            Double min = number(t.min());
            if (min == null) {
                problems.add(tWhere + ": min must be a number, got '" + t.min() + "'");
                continue;
            }
            thresholds.add(new AlertRule.Threshold(t.metric().strip(), min, t.unit().strip()));
        }
        List<String> sinks = words(r.sinks(), at, "sinks", new ArrayList<>());
        if (sinks.isEmpty()) {
            problems.add(at + ": sinks is required; a rule that sends nowhere is a mistake");
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new AlertRule(r.name().strip(), events, words(r.orgs(), at, "orgs", problems),
                    words(r.products(), at, "products", problems), words(r.people(), at, "people", problems),
                    words(r.keywords(), at, "keywords", problems), words(r.sources(), at, "sources", problems), thresholds, sinks,
                    r.maxPerHour() == null ? DEFAULT_MAX_PER_HOUR : r.maxPerHour());
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static List<String> words(List<String> values, String at, String key, List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (blank(v)) {
                problems.add(at + ": " + key + " must be a list of words");
                return List.of();
            }
            out.add(v.strip());
        }
        return out;
    }

    /** Sink params as the sinks read them: lists as lists of text, numbers as numbers, the rest as text. */
    private static Map<String, Object> params(Map<String, Object> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                out.put(k, list.stream().map(String::valueOf).toList());
            } else if (v instanceof Number || v == null) {
                out.put(k, v);
            } else {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    /** Numbers may be written 1e9 (YAML reads that as text) or 1_000_000 or 1,000,000. */
    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).replace("_", "").replace(",", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record FileDto(List<RuleDto> rules, List<SinkDto> sinks) {
    }

    private record RuleDto(String name, List<String> events, List<String> orgs, List<String> products, List<String> people,
                           List<String> keywords, List<String> sources, List<ThresholdDto> figures, List<String> sinks,
                           @JsonProperty("max_per_hour") Integer maxPerHour) {
    }

    /** @param min a number, or text such as 1e9 or 1_000_000 */
    private record ThresholdDto(String metric, Object min, String unit) {
    }

    private record SinkDto(String type, String name, Map<String, Object> params) {
    }
}
