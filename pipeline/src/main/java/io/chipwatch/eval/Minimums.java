package io.chipwatch.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --min KEY=VALUE} floors of the scorers: in the order first given, a repeated key
 * keeping its last value; a key missing from the summary counts as 0, as in {@code score_nlp.py}.
 */
public final class Minimums {

    private final Map<String, Double> floors;

    private Minimums(Map<String, Double> floors) {
        this.floors = floors;
    }

    /**
     * Parses {@code KEY=VALUE} strings (VALUE as Python's {@code float()} reads it).
     *
     * @throws IllegalArgumentException naming the first malformed one
     */
    public static Minimums parse(List<String> specs) {
        Map<String, Double> floors = new LinkedHashMap<>();
        for (String m : specs) {
            String[] kv = m.split("=", -1);
            Double v = kv.length == 2 ? Py.parseFloat(kv[1]) : null;
            if (v == null) {
                throw new IllegalArgumentException("--min takes KEY=VALUE with a number, not '" + m + "'");
            }
            floors.put(kv[0], v);
        }
        return new Minimums(floors);
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(floors.keySet());
    }

    /**
     * The figures below their floor, each as {@code key=0.xxx<floor} the way the python scorer
     * prints them after {@code below minimum: }; empty when every floor is met.
     */
    public List<String> failures(Map<String, Double> summary) {
        List<String> below = new ArrayList<>();
        floors.forEach((key, min) -> {
            double value = summary.getOrDefault(key, 0.0);
            if (value < min) {
                below.add(key + "=" + Py.format3(value) + "<" + Py.reprFloat(min));
            }
        });
        return below;
    }
}
