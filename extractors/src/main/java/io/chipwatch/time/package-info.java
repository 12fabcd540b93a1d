/**
 * Dates, times and periods as Chinese news writes them: publication times resolved to
 * {@link java.time.OffsetDateTime}, and time expressions in sentences resolved against the
 * publication date to {@link io.chipwatch.time.Period}s, with their words from
 * {@code chipwatch/time-words.yml} in the models module.
 */
package io.chipwatch.time;
