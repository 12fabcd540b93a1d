package io.chipwatch.model;

/**
 * A normalised number an article states, attributed to who and what it is about.
 *
 * @param metric    what is measured (shipments, revenue, market_share, ...; see FORMAT.md)
 * @param value     the value, or the low end of a range, in whole units
 * @param valueMax  the high end of a range, or null
 * @param unit      units, wafers, USD, CNY, percent, multiple, FLOPS, ...
 * @param qualifier exact, approx, over, under, up_to, at_least or forecast
 * @param subject   canonical name of the entity the figure is about, or null
 * @param product   canonical name of the product it concerns, or null
 * @param period    the time it refers to (2025, 2025-08, 2026-Q1, FY2026-Q2, ...), or null
 * @param surface   the figure as written
 * @param text      the sentence it came from
 * @param start     offset of the figure in the body
 * @param end       offset just past the figure in the body
 * @param currency  the ISO 4217 code of a sum of money (also when {@code unit} is {@code other},
 *                  for currencies outside the format's vocabulary: GBP, SGD, RUB, ...), else null
 */
public record Figure(String metric, double value, Double valueMax, String unit, String qualifier,
                     String subject, String product, String period,
                     String surface, String text, int start, int end, String currency) {

    /** A figure that is not a sum of money. */
    public Figure(String metric, double value, Double valueMax, String unit, String qualifier,
                  String subject, String product, String period, String surface, String text, int start, int end) {
        this(metric, value, valueMax, unit, qualifier, subject, product, period, surface, text, start, end, null);
    }
}
