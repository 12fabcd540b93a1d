package io.chipwatch.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first publication-style date and time in a string, in the forms Chinese news pages
 * use: {@code 2025-10-25 10:20}, {@code 2025/10/25}, {@code 2025年10月25日 10:20},
 * {@code 2025.10.25}, ISO 8601 with or without a zone, {@code 10-25 10:20} (year inferred),
 * {@code 10月25日} (year inferred) and Unix timestamps in seconds or milliseconds.
 *
 * <p>Times without a zone are taken in the context's zone (Asia/Shanghai by default). Returns
 * empty, never null, when nothing valid is found. Thread-safe.
 */
public final class ChineseDateTimeParser {

    private static final String TIME = "(?:\\s*(?:T|日|-)?\\s*(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2})(?:\\.\\d+)?)?秒?)?";
    private static final String ZONE = "\\s*(Z|[+-]\\d{2}:?\\d{2}|GMT[+-]\\d{1,2}(?::?\\d{2})?)?";
    private static final Pattern FULL = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?![0-9])\\s*日?" + TIME + ZONE);
    private static final Pattern COMPACT = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:\\s*(\\d{2}):?(\\d{2})(?::?(\\d{2}))?)?(?![0-9])");
    private static final Pattern MONTH_DAY_TIME = Pattern.compile(
            "(?<![0-9./\\-])(\\d{1,2})\\s*[-/月]\\s*(\\d{1,2})\\s*日?\\s+(\\d{1,2})[:：](\\d{2})(?![0-9])");
    private static final Pattern MONTH_DAY_CN = Pattern.compile(
            "(?<![0-9年])(\\d{1,2})月(\\d{1,2})日" + TIME);
    private static final Pattern EPOCH = Pattern.compile("^\\s*(\\d{10}|\\d{13})\\s*$");

    /** Parses a whole value from a machine-readable place (meta tag, JSON-LD, timestamp variable). */
    public Optional<OffsetDateTime> parseValue(String value, DateContext ctx) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Matcher epoch = EPOCH.matcher(v);
        if (epoch.matches()) {
            long n = Long.parseLong(epoch.group(1));
            Instant at = epoch.group(1).length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return plausible(at.atZone(ctx.zone()).toOffsetDateTime());
        }
        try {
            return plausible(OffsetDateTime.parse(v));
        } catch (DateTimeParseException ignored) {
            // not strict ISO 8601; fall through to the lenient forms
        }
        Optional<OffsetDateTime> full = findFull(v, ctx);
        if (full.isPresent()) {
            return full;
        }
        return findCompact(v, ctx);
    }

    /** Finds the first date in running text, such as a page's date line. */
    public Optional<OffsetDateTime> find(String text, DateContext ctx) {
        return locate(text, ctx).map(FoundTime::at);
    }

    /**
     * A date found in running text.
     *
     * @param at      the resolved time
     * @param hasTime whether the text gave a time of day, not only a date
     */
    public record FoundTime(OffsetDateTime at, boolean hasTime) {
    }

    /** Like {@link #find} but says whether the text gave a time of day. */
    public Optional<FoundTime> locate(String text, DateContext ctx) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher f = FULL.matcher(text);
        while (f.find()) {
            Optional<OffsetDateTime> r = build(ctx, f.group(1), f.group(2), f.group(3), f.group(4), f.group(5), f.group(6), f.group(7));
            if (r.isPresent()) {
                return Optional.of(new FoundTime(r.get(), f.group(4) != null));
            }
        }
        Matcher m = MONTH_DAY_TIME.matcher(text);
        while (m.find()) {
            Optional<OffsetDateTime> r = withInferredYear(ctx, m.group(1), m.group(2), m.group(3), m.group(4), null);
            if (r.isPresent()) {
                return Optional.of(new FoundTime(r.get(), true));
            }
        }
        Matcher cn = MONTH_DAY_CN.matcher(text);
        while (cn.find()) {
            Optional<OffsetDateTime> r = withInferredYear(ctx, cn.group(1), cn.group(2), cn.group(3), cn.group(4), cn.group(5));
            if (r.isPresent()) {
                return Optional.of(new FoundTime(r.get(), cn.group(3) != null));
            }
        }
        return Optional.empty();
    }

    /** Whether the text holds a full date (with its year) anywhere. */
    public boolean hasFullDate(String text) {
        return text != null && FULL.matcher(text).find();
    }

    private Optional<OffsetDateTime> findFull(String text, DateContext ctx) {
        Matcher m = FULL.matcher(text);
        while (m.find()) {
            Optional<OffsetDateTime> r = build(ctx, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private Optional<OffsetDateTime> findCompact(String text, DateContext ctx) {
        Matcher m = COMPACT.matcher(text);
        while (m.find()) {
            Optional<OffsetDateTime> r = build(ctx, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private Optional<OffsetDateTime> withInferredYear(DateContext ctx, String month, String day, String hour, String minute, String second) {
        int mo = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) {
            return Optional.empty();
        }
        LocalDate ref = ctx.reference().atZone(ctx.zone()).toLocalDate();
        int year = ctx.yearHint() != null ? ctx.yearHint() : ref.getYear();
        try {
            LocalDate date = LocalDate.of(year, mo, d);
            if (ctx.yearHint() == null && date.isAfter(ref.plusDays(1))) {
                date = date.minusYears(1);
            }
            return build(ctx, String.valueOf(date.getYear()), month, day, hour, minute, second, null);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Optional<OffsetDateTime> build(DateContext ctx, String y, String mo, String d,
                                           String h, String mi, String s, String zone) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            LocalTime time = LocalTime.MIDNIGHT;
            if (h != null && mi != null) {
                time = LocalTime.of(Integer.parseInt(h), Integer.parseInt(mi), s == null ? 0 : Integer.parseInt(s));
            }
            LocalDateTime local = LocalDateTime.of(date, time);
            OffsetDateTime result = zone == null
                    ? local.atZone(ctx.zone()).toOffsetDateTime()
                    : local.atOffset(offset(zone));
            return plausible(result);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String z = zone.startsWith("GMT") ? zone.substring(3) : zone;
        if (z.matches("[+-]\\d{1,2}")) {
            return ZoneOffset.ofHours(Integer.parseInt(z));
        }
        if (z.matches("[+-]\\d{4}")) {
            z = z.substring(0, 3) + ":" + z.substring(3);
        }
        return ZoneOffset.of(z);
    }

    private static Optional<OffsetDateTime> plausible(OffsetDateTime t) {
        int year = t.getYear();
        return year >= 1990 && year <= 2100 ? Optional.of(t) : Optional.empty();
    }
}
