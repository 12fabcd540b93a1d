package io.chipwatch.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, each read at most once through a typed getter that
 * refuses a malformed value with a {@link BadRequest} naming it. A parameter the endpoint does
 * not know, or one given twice, is refused too: a typo must not silently widen a search.
 */
final class Params {

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /** Parses a raw (still percent-encoded) query string; null means none. */
    static Params parse(String rawQuery, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
                if (!known.contains(name)) {
                    throw new BadRequest(name, "unknown parameter (this endpoint takes " + String.join(", ", new TreeSet<>(known)) + ")");
                }
                if (values.put(name, value) != null) {
                    throw new BadRequest(name, "given more than once");
                }
            }
        }
        return new Params(values);
    }

    private static String decode(String s, String what) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(what, "malformed percent-encoding: " + e.getMessage());
        }
    }

    /** The value stripped, or null when absent or blank. */
    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, "not a date in the form YYYY-MM-DD: " + v);
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        String v = text(name);
        if (v == null) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "not a whole number: " + v);
        }
        if (n < min || n > max) {
            throw new BadRequest(name, "must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** One of the allowed values, or null when absent. */
    String choice(String name, Set<String> allowed) {
        String v = text(name);
        if (v != null && !allowed.contains(v)) {
            throw new BadRequest(name, "must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", not " + v);
        }
        return v;
    }
}
