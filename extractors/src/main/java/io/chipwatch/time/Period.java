package io.chipwatch.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A time expression found in text, resolved to a label and a span.
 *
 * @param label       {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, {@code YYYY-Qn}, {@code YYYY-Hn},
 *                    {@code FYYYYY} or {@code FYYYYY-Qn}; never null. A week is labelled by its Monday, a
 *                    decade or century by its first year: start and end give the whole span
 * @param start       first day of the span
 * @param end         last day of the span, inclusive
 * @param startOffset char offset of the expression in the sentence
 * @param endOffset   char offset just past the expression
 * @param text        the matched substring of the sentence
 * @param relative    whether resolving needed the publication date or an earlier sentence's year
 */
public record Period(String label, LocalDate start, LocalDate end, int startOffset, int endOffset, String text,
                     boolean relative) {

    public Period {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(text, "text");
    }
}
