package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores the entities, figures and events of evaluation records against gold documents, with
 * the semantics of {@code shared/eval/score_nlp.py} (which stays the referee):
 * <ul>
 * <li>a gold entity is found when a record entity of the same type shares a folded name or alias
 *     with it; a record entity is correct when it matches some gold entity that way;</li>
 * <li>figures match greedily and one-to-one, in gold order: same unit, value within 1% and, where
 *     the gold has a range, {@code value_max} within 1%; among candidates the first with the gold's
 *     metric wins, else the first. Matched figures then count a right metric, subject (through
 *     {@link AliasGroups}) and period;</li>
 * <li>a gold event is found by the first unused record event of the same type and org, and of the
 *     same product where the gold names one; then its date and status are counted.</li>
 * </ul>
 * Stateless and thread-safe; the inputs are not modified.
 */
public final class NlpScorer {

    private NlpScorer() {
    }

    /** Scores records against gold documents, pairing them by id (see {@link Pairing}). */
    public static NlpScores score(List<JsonNode> gold, List<JsonNode> records) {
        Totals t = new Totals();
        List<JsonNode> paired = Pairing.pair(gold, records);
        for (int i = 0; i < gold.size(); i++) {
            scoreDoc(gold.get(i), paired.get(i), t);
        }
        return new NlpScores(gold.size(), t.entGold, t.entFound, t.entPred, t.entPredOk,
                t.figGold, t.figPred, t.figFound, t.metricOk, t.subjectOk, t.periodOk,
                t.evGold, t.evPred, t.evFound, t.evDateOk, t.evStatusOk, t.missed, t.spurious);
    }

    /** Whether two values (null for None) are within a relative tolerance of 1%, as {@code close()} says. */
    public static boolean close(JsonNode a, JsonNode b) {
        a = a == null || a.isNull() ? null : a;
        b = b == null || b.isNull() ? null : b;
        if (a == null || b == null) {
            return a == null && b == null;
        }
        Double fa = Py.toFloat(a);
        Double fb = Py.toFloat(b);
        if (fa == null || fb == null) {
            return false;
        }
        double x = fa;
        double y = fb;
        if (x == y) {
            return true;
        }
        return Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y));
    }

    private static void scoreDoc(JsonNode gold, JsonNode pred, Totals t) {
        List<JsonNode> gents = Py.items(gold, "entities");
        List<JsonNode> pents = Py.items(pred, "entities");
        for (JsonNode g : gents) {
            if (matchesAny(g, pents)) {
                t.entFound++;
            }
        }
        for (JsonNode p : pents) {
            if (matchesAny(p, gents)) {
                t.entPredOk++;
            }
        }
        t.entGold += gents.size();
        t.entPred += pents.size();

        // names in figures and events compare through gold aliases plus the record's own alias
        // lists for the entities gold also knows
        List<JsonNode> known = new ArrayList<>(gents);
        for (JsonNode p : pents) {
            Set<String> pn = AliasGroups.namesOf(p);
            if (gents.stream().anyMatch(g -> !Collections.disjoint(pn, AliasGroups.namesOf(g)))) {
                known.add(p);
            }
        }
        AliasGroups al = new AliasGroups(known);

        scoreFigures(gold, pred, al, t);
        scoreEvents(gold, pred, al, t);
    }

    private static boolean matchesAny(JsonNode e, List<JsonNode> others) {
        Set<String> names = AliasGroups.namesOf(e);
        for (JsonNode o : others) {
            if (Py.eq(Py.get(o, "type"), Py.get(e, "type")) && !Collections.disjoint(AliasGroups.namesOf(o), names)) {
                return true;
            }
        }
        return false;
    }

    private static void scoreFigures(JsonNode gold, JsonNode pred, AliasGroups al, Totals t) {
        List<JsonNode> gfig = Py.items(gold, "figures");
        List<JsonNode> pfig = Py.items(pred, "figures");
        Set<Integer> used = new HashSet<>();
        JsonNode docId = Py.get(gold, "id");
        for (JsonNode g : gfig) {
            int hit = -1;
            for (int i = 0; i < pfig.size(); i++) {
                JsonNode p = pfig.get(i);
                if (used.contains(i) || !Py.eq(Py.get(p, "unit"), Py.get(g, "unit"))) {
                    continue;
                }
                if (!close(Py.get(p, "value"), Py.get(g, "value"))) {
                    continue;
                }
                if (Py.get(g, "value_max") != null && !close(Py.get(p, "value_max"), Py.get(g, "value_max"))) {
                    continue;
                }
                if (hit < 0 || (sameMetric(p, g) && !sameMetric(pfig.get(hit), g))) {
                    hit = i;
                }
            }
            if (hit < 0) {
                t.missed.add(ref(docId, g));
                continue;
            }
            used.add(hit);
            JsonNode p = pfig.get(hit);
            t.figFound++;
            t.metricOk += sameMetric(p, g) ? 1 : 0;
            t.subjectOk += al.same(Py.get(p, "subject"), Py.get(g, "subject")) ? 1 : 0;
            t.periodOk += sameFolded(Py.get(p, "period"), Py.get(g, "period")) ? 1 : 0;
        }
        t.figGold += gfig.size();
        t.figPred += pfig.size();
        for (int i = 0; i < pfig.size(); i++) {
            if (!used.contains(i)) {
                t.spurious.add(ref(docId, pfig.get(i)));
            }
        }
    }

    private static void scoreEvents(JsonNode gold, JsonNode pred, AliasGroups al, Totals t) {
        List<JsonNode> gev = Py.items(gold, "events");
        List<JsonNode> pev = Py.items(pred, "events");
        Set<Integer> used = new HashSet<>();
        for (JsonNode g : gev) {
            for (int i = 0; i < pev.size(); i++) {
                JsonNode p = pev.get(i);
                if (used.contains(i) || !Py.eq(Py.get(p, "type"), Py.get(g, "type"))) {
                    continue;
                }
                if (!al.same(Py.get(p, "org"), Py.get(g, "org"))) {
                    continue;
                }
                if (Py.get(g, "product") != null && !al.same(Py.get(p, "product"), Py.get(g, "product"))) {
                    continue;
                }
                used.add(i);
                t.evFound++;
                t.evDateOk += sameFolded(Py.get(p, "date"), Py.get(g, "date")) ? 1 : 0;
                t.evStatusOk += Py.eq(Py.get(p, "status"), Py.get(g, "status")) ? 1 : 0;
                break;
            }
        }
        t.evGold += gev.size();
        t.evPred += pev.size();
    }

    private static boolean sameMetric(JsonNode p, JsonNode g) {
        return Py.eq(Py.get(p, "metric"), Py.get(g, "metric"));
    }

    /** {@code fold(a) == fold(b)}, where None equals None. */
    private static boolean sameFolded(JsonNode a, JsonNode b) {
        String fa = AliasGroups.fold(a);
        String fb = AliasGroups.fold(b);
        return fa == null ? fb == null : fa.equals(fb);
    }

    private static NlpScores.FigureRef ref(JsonNode docId, JsonNode f) {
        return new NlpScores.FigureRef(docId, Py.get(f, "metric"), Py.get(f, "value"), Py.get(f, "unit"), Py.get(f, "text"));
    }

    /** Running totals over the documents of one scoring. */
    private static final class Totals {
        int entGold, entFound, entPred, entPredOk;
        int figGold, figPred, figFound, metricOk, subjectOk, periodOk;
        int evGold, evPred, evFound, evDateOk, evStatusOk;
        final List<NlpScores.FigureRef> missed = new ArrayList<>();
        final List<NlpScores.FigureRef> spurious = new ArrayList<>();
    }
}
