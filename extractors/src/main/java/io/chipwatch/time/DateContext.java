package io.chipwatch.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a date written without a year or zone is resolved against.
 *
 * @param yearHint  a year the page itself suggests (from its URL or another full date), or null
 * @param reference the fetch time: a month-day is taken in the latest year not after it
 * @param zone      the zone of times written without one
 */
public record DateContext(Integer yearHint, Instant reference, ZoneId zone) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static DateContext at(Instant reference) {
        return new DateContext(null, reference, CHINA);
    }

    public DateContext withYearHint(Integer year) {
        return new DateContext(year, reference, zone);
    }
}
