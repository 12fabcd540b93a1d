package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The counts {@code score_nlp.py} totals over all documents, the figures it missed and the
 * spurious ones, and the summary it prints.
 */
public record NlpScores(
        int documents,
        int entGold, int entFound, int entPred, int entPredOk,
        int figGold, int figPred, int figFound, int metricOk, int subjectOk, int periodOk,
        int evGold, int evPred, int evFound, int evDateOk, int evStatusOk,
        List<FigureRef> missed, List<FigureRef> spurious) {

    public NlpScores {
        missed = List.copyOf(missed);
        spurious = List.copyOf(spurious);
    }

    /** A gold figure not found, or a record figure that found none: the tuple the verbose scorer prints. */
    public record FigureRef(JsonNode docId, JsonNode metric, JsonNode value, JsonNode unit, JsonNode text) {

        /** Python's repr of the tuple, e.g. {@code ('doc', 'revenue', 125000000, 'CNY', '营收1.25亿元')}. */
        public String repr() {
            return "(" + Stream.of(docId, metric, value, unit, text)
                    .map(Py::repr).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** The summary figures by name, in the order the scorer prints them (figure_f1 last). */
    public Map<String, Double> summary() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("entity_p", ratio(entPredOk, entPred));
        s.put("entity_r", ratio(entFound, entGold));
        s.put("figure_p", ratio(figFound, figPred));
        s.put("figure_r", ratio(figFound, figGold));
        s.put("metric_acc", ratio(metricOk, figFound));
        s.put("subject_acc", ratio(subjectOk, figFound));
        s.put("period_acc", ratio(periodOk, figFound));
        s.put("event_r", ratio(evFound, evGold));
        s.put("event_p", ratio(evFound, evPred));
        s.put("event_date_acc", ratio(evDateOk, evFound));
        double p = s.get("figure_p");
        double r = s.get("figure_r");
        s.put("figure_f1", p + r != 0 ? 2 * p * r / (p + r) : 0.0);
        return s;
    }

    /** The first line the scorer prints: {@code documents=… gold figures=… predicted=… gold entities=… gold events=…}. */
    public String countsLine() {
        return "documents=" + documents + " gold figures=" + figGold + " predicted=" + figPred
                + " gold entities=" + entGold + " gold events=" + evGold;
    }

    /** The summary line, {@code key=0.xxx} separated by spaces, exactly as the scorer prints it. */
    public String summaryLine() {
        return summary().entrySet().stream()
                .map(e -> e.getKey() + "=" + Py.format3(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** a / b, or 0 when b is 0. */
    static double ratio(int a, int b) {
        return b != 0 ? (double) a / b : 0.0;
    }
}
