package io.chipwatch.crawl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the publication times list APIs give: ISO-8601, unix seconds or milliseconds, and the
 * zone-less local forms Chinese sites use, which are Beijing time.
 */
public final class ListingDates {

    /** The zone of a time written without one: every source here publishes on Beijing time. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Unix times below this are seconds, above are milliseconds (1e11 s is the year 5138). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private static final Pattern DIGITS = Pattern.compile("\\d{9,13}");

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/MM/dd"),
            DateTimeFormatter.ofPattern("yyyy.MM.dd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private ListingDates() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (DIGITS.matcher(t).matches()) {
            return Optional.of(fromEpoch(Long.parseLong(t)));
        }
        Optional<Instant> zoned = zoned(t);
        if (zoned.isPresent()) {
            return zoned;
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(t, f).atZone(BEIJING).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : LOCAL_DATES) {
            try {
                return Optional.of(LocalDate.parse(t, f).atStartOfDay(BEIJING).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** A unix time, in seconds or milliseconds (told apart by size). */
    public static Instant fromEpoch(long value) {
        return Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static Optional<Instant> zoned(String t) {
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            return Optional.of(ZonedDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not ISO with a zone id
        }
        try {
            return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
