package io.chipwatch.nlp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit words that may follow a number, with the figure unit and the factor to base units,
 * from {@code chipwatch/units.yml} and the currencies of {@code chipwatch/numerals.yml}.
 * Lookup is longest match at a position, indexed by first character, so that "TB/s" wins over
 * "TB", "元人民币" over "元" and "千瓦" over "千". Immutable once built.
 *
 * <p>Context rules that a table cannot express (个 followed by a noun, 片 of wafers, 成 as tenths)
 * live in {@link QuantityFinder}; this class only says which word is there.
 */
final class QuantityUnits {

    /** A unit word at some position: its figure unit, factor to base units and where it ends. */
    record Match(String token, String unit, BigDecimal factor, int end, String currency) {
        Match(String token, String unit, BigDecimal factor, int end) {
            this(token, unit, factor, end, null);
        }

        boolean isCurrency() {
            return currency != null;
        }
    }

    private record Entry(String token, String unit, BigDecimal factor, boolean ignoreCase, String notFollowedBy, String currency) {
        Entry(String token, String unit, BigDecimal factor, boolean ignoreCase, String notFollowedBy) {
            this(token, unit, factor, ignoreCase, notFollowedBy, null);
        }
    }

    static final List<String> CURRENCIES = List.of("USD", "CNY", "EUR", "JPY", "TWD", "HKD", "KRW");
    static final String RESOURCE = "chipwatch/units.yml";

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal EIGHTH = new BigDecimal("0.125"); // bits to bytes

    /** Every unit word, read once per process. */
    private static final List<Entry> ENTRIES = entries();

    private final Map<Character, List<Entry>> byFirst;

    QuantityUnits() {
        Map<Character, List<Entry>> map = new HashMap<>();
        for (Entry e : ENTRIES) {
            char c = e.token().charAt(0);
            map.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
            if (e.ignoreCase()) {
                for (char alt : new char[] {Character.toLowerCase(c), Character.toUpperCase(c)}) {
                    if (alt != c) {
                        map.computeIfAbsent(alt, k -> new ArrayList<>()).add(e);
                    }
                }
            }
        }
        map.replaceAll((k, v) -> {
            v.sort(Comparator.comparingInt((Entry e) -> e.token().length()).reversed());
            return List.copyOf(v);
        });
        this.byFirst = Map.copyOf(map);
    }

    /** The longest unit word starting exactly at {@code i}, or null. */
    Match at(String s, int i) {
        if (i >= s.length()) {
            return null;
        }
        List<Entry> candidates = byFirst.get(s.charAt(i));
        if (candidates == null) {
            return null;
        }
        for (Entry e : candidates) {
            String tok = e.token();
            if (!s.regionMatches(e.ignoreCase(), i, tok, 0, tok.length())) {
                continue;
            }
            int end = i + tok.length();
            char next = end < s.length() ? s.charAt(end) : ' ';
            // "GB" must not be the start of "GBytes" or a model name; "W" not of "Wh".
            if (isAsciiLetter(tok.charAt(tok.length() - 1)) && isAsciiLetter(next)) {
                continue;
            }
            if (e.notFollowedBy().indexOf(next) >= 0) {
                continue;
            }
            return new Match(tok, e.unit(), e.factor(), end, e.currency());
        }
        return null;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        currencies(all);
        tables(all);
        prefixedBytes(all);
        return List.copyOf(all);
    }

    /** The figure unit of a currency: its code where FORMAT.md has one, else "other". */
    static String unitOf(String currency) {
        return CURRENCIES.contains(currency) ? currency : "other";
    }

    private static void currencies(List<Entry> all) {
        NumeralTables tables = NumeralTables.standard();
        tables.currencies().forEach((code, words) -> {
            for (String w : words) {
                all.add(new Entry(w, unitOf(code), ONE, false, "", code));
            }
        });
        tables.currencyWords().forEach((code, words) -> {
            for (String w : words) {
                all.add(new Entry(w, unitOf(code), ONE, true, "", code));
            }
        });
        // 元 (and 圆 of the 大写 form) after a number is money, but not in 元件/元器件/元素/元宇宙/元年.
        for (String yuan : List.of("元", "圆", "圓")) {
            all.add(new Entry(yuan, "CNY", ONE, false, "件器素宇年旦月老首帅宵形周心桌满滿柱规規点點", "CNY"));
        }
    }

    /** One row of units.yml: words sharing a unit, factor, case rule and stop characters. */
    private record Group(String unit, BigDecimal factor, @JsonProperty("ignore_case") boolean ignoreCase,
                         @JsonProperty("not_followed_by") String notFollowedBy, List<String> words) {
    }

    private record File(List<Group> groups) {
    }

    private static void tables(List<Entry> all) {
        File f;
        try (InputStream in = QuantityUnits.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing (is chipwatch-models on the classpath?)");
            }
            f = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (Group g : f.groups()) {
            for (String w : g.words()) {
                all.add(new Entry(w, g.unit(), g.factor() == null ? ONE : g.factor(), g.ignoreCase(),
                        g.notFollowedBy() == null ? "" : g.notFollowedBy()));
            }
        }
    }

    /** Bytes and bytes per second with SI prefixes: KB, GB/s, 400Gbps (bits are eighths of bytes). */
    private static void prefixedBytes(List<Entry> all) {
        String[] prefixes = {"K", "k", "M", "G", "T", "P", "E"};
        String[] exps = {"1E3", "1E3", "1E6", "1E9", "1E12", "1E15", "1E18"};
        for (int p = 0; p < prefixes.length; p++) {
            BigDecimal f = new BigDecimal(exps[p]);
            for (String per : new String[] {"B/s", "B/S", "B/秒", "Bps", "B每秒"}) {
                all.add(new Entry(prefixes[p] + per, "bytes_per_s", f, false, ""));
            }
            for (String per : new String[] {"b/s", "b/S", "b/秒", "bps"}) {
                all.add(new Entry(prefixes[p] + per, "bytes_per_s", f.multiply(EIGHTH), false, ""));
            }
            all.add(new Entry(prefixes[p] + "B", "bytes", f, false, ""));
        }
    }
}
