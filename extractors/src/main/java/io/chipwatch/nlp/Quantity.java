package io.chipwatch.nlp;

/**
 * One figure found in a sentence: a number with its unit, normalised (money in whole currency
 * units, percent in percent, FLOPS/bytes/watts/seconds in base units).
 *
 * @param value     the value, or the low end of a range
 * @param valueMax  the high end of a range, or {@code null} for a single value
 * @param unit      one of the figure units of the evaluation format (units, wafers, USD, CNY, ...)
 * @param qualifier exact, approx, over, under, up_to, at_least or forecast
 * @param start     offset of the figure (number, unit and any attached currency sign) in the sentence
 * @param end       offset just after the figure
 * @param text      {@code sentence.substring(start, end)}
 * @param currency  the ISO 4217 code of a sum of money (unit {@code other} for codes outside the
 *                  evaluation format: GBP, SGD, RUB, ...), else null
 */
public record Quantity(double value, Double valueMax, String unit, String qualifier, int start, int end, String text,
                       String currency) {

    /** A figure that is not money. */
    public Quantity(double value, Double valueMax, String unit, String qualifier, int start, int end, String text) {
        this(value, valueMax, unit, qualifier, start, end, text, null);
    }
}
