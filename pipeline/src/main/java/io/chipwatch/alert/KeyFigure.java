package io.chipwatch.alert;

import io.chipwatch.model.Figure;

/**
 * A number an alert reports, as the figure finder normalised it.
 *
 * @param metric   shipments, investment, revenue, ...
 * @param value    the value, or the low end of a range, in whole units (1e9 for 10亿)
 * @param valueMax the high end of a range, or null
 * @param unit     units, USD, CNY, percent, ...
 * @param period   the period it refers to, or null
 * @param sentence the sentence it was stated in
 */
public record KeyFigure(String metric, double value, Double valueMax, String unit, String period, String sentence) {

    public static KeyFigure of(Figure f) {
        return new KeyFigure(f.metric(), f.value(), f.valueMax(), f.unit(), f.period(), f.text());
    }

    /** Two figures that state the same thing, whatever sentence they came from. */
    boolean sameAs(KeyFigure other) {
        return metric.equals(other.metric) && value == other.value && java.util.Objects.equals(valueMax, other.valueMax)
                && java.util.Objects.equals(unit, other.unit) && java.util.Objects.equals(period, other.period);
    }
}
