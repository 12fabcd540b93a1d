package io.chipwatch.nlp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit words that may follow a number, with the figure unit and the factor to base units.
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

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal EIGHTH = new BigDecimal("0.125"); // bits to bytes

    private final Map<Character, List<Entry>> byFirst;

    QuantityUnits() {
        List<Entry> all = new ArrayList<>();
        currencies(all);
        counts(all);
        technical(all);
        Map<Character, List<Entry>> map = new HashMap<>();
        for (Entry e : all) {
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

    private static void counts(List<Entry> all) {
        add(all, "units", "颗", "顆", "张", "張", "套", "枚", "辆", "輛", "个", "個", "片");
        // 卡 as in 万卡集群: GPU cards; not 卡车 (truck), 卡片, or a configuration (8卡服务器).
        all.add(new Entry("卡", "units", ONE, false, "车車片通服机機"));
        all.add(new Entry("块", "units", ONE, false, "钱錢"));
        all.add(new Entry("塊", "units", ONE, false, "钱錢"));
        // 台 and 部 start many words; after a number only these are not counters.
        all.add(new Entry("台", "units", ONE, false, "积積湾灣北南资資企商州阶階"));
        all.add(new Entry("臺", "units", ONE, false, "积積湾灣北南资資企商州阶階"));
        all.add(new Entry("部", "units", ONE, false, "门門分署件长長"));
        addWords(all, "units", ONE, "GPUs", "chips", "units", "cards", "servers", "accelerators", "boards", "devices");
        addWords(all, "wafers", ONE, "wafers");
        // Counts of companies, people, product models, projects, lines, fabs: "items".
        all.add(new Entry("家", "items", ONE, false, "族庭用电電具"));
        all.add(new Entry("名", "items", ONE, false, "列义義字称稱单單"));
        all.add(new Entry("人", "items", ONE, false, "工形才类類民"));
        all.add(new Entry("条", "items", ONE, false, "件例款"));
        all.add(new Entry("條", "items", ONE, false, "件例款"));
        all.add(new Entry("种", "items", ONE, false, "子类類"));
        all.add(new Entry("種", "items", ONE, false, "子类類"));
        all.add(new Entry("笔", "items", ONE, false, "记記电電"));
        all.add(new Entry("筆", "items", ONE, false, "记記电電"));
        // Shares issued (发行1亿股), not 股东/股权/股票/股价.
        all.add(new Entry("股", "items", ONE, false, "东東权權票价價市息份"));
        add(all, "items", "人次", "款", "项", "項", "座", "户", "戶", "件");
        all.add(new Entry("篇", "items", ONE, false, "章幅"));
        addWords(all, "items", ONE, "companies", "people", "employees", "customers", "users");
    }

    private static void technical(List<Entry> all) {
        all.add(new Entry("%", "percent", ONE, false, ""));
        all.add(new Entry("‰", "percent", new BigDecimal("0.1"), false, ""));
        add(all, "percent", "百分点");
        addWords(all, "percent", ONE, "percent", "per cent");
        all.add(new Entry("倍", "multiple", ONE, false, "数數率"));

        addWords(all, "FLOPS", ONE, "FLOPS", "FLOP/s");
        addWords(all, "FLOPS", ChineseNumber.Magnitudes.BILLION, "GFLOPS", "gigaflops");
        addWords(all, "FLOPS", ChineseNumber.Magnitudes.TRILLION, "TFLOPS", "teraflops");
        addWords(all, "FLOPS", new BigDecimal("1E15"), "PFLOPS", "petaflops");
        addWords(all, "FLOPS", new BigDecimal("1E18"), "EFLOPS", "exaflops");
        all.add(new Entry("TOPS", "other", ChineseNumber.Magnitudes.TRILLION, false, ""));

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
        // Memory density in bits (16Gb DRAM); "Mb" is left out, it is mostly a typo for MB.
        all.add(new Entry("Gb", "bytes", ChineseNumber.Magnitudes.BILLION.multiply(EIGHTH), false, ""));
        all.add(new Entry("Tb", "bytes", ChineseNumber.Magnitudes.TRILLION.multiply(EIGHTH), false, ""));
        add(all, "bytes", "字节", "字節", "位元组", "位元組");
        all.add(new Entry("兆字节", "bytes", ChineseNumber.Magnitudes.MILLION, false, ""));
        all.add(new Entry("兆字節", "bytes", ChineseNumber.Magnitudes.MILLION, false, ""));
        all.add(new Entry("吉字节", "bytes", ChineseNumber.Magnitudes.BILLION, false, ""));
        all.add(new Entry("太字节", "bytes", ChineseNumber.Magnitudes.TRILLION, false, ""));

        add(all, "tokens", "代币", "代幣", "词元", "詞元");
        addWords(all, "tokens", ONE, "tokens", "token");

        // Power, not energy: 千瓦时 / kWh / 兆瓦时 are left alone.
        all.add(new Entry("W", "watts", ONE, false, ""));
        all.add(new Entry("mW", "watts", new BigDecimal("0.001"), false, ""));
        all.add(new Entry("kW", "watts", ChineseNumber.Magnitudes.THOUSAND, true, ""));
        all.add(new Entry("MW", "watts", ChineseNumber.Magnitudes.MILLION, false, ""));
        all.add(new Entry("GW", "watts", ChineseNumber.Magnitudes.BILLION, false, ""));
        all.add(new Entry("瓦", "watts", ONE, false, "时時斯片解"));
        all.add(new Entry("瓦特", "watts", ONE, false, "时時"));
        all.add(new Entry("千瓦", "watts", ChineseNumber.Magnitudes.THOUSAND, false, "时時"));
        all.add(new Entry("兆瓦", "watts", ChineseNumber.Magnitudes.MILLION, false, "时時"));
        all.add(new Entry("吉瓦", "watts", ChineseNumber.Magnitudes.BILLION, false, "时時"));
        addWords(all, "watts", ONE, "watts", "watt");

        BigDecimal milli = new BigDecimal("0.001");
        BigDecimal micro = new BigDecimal("0.000001");
        BigDecimal nano = new BigDecimal("0.000000001");
        add(all, "seconds", "秒钟", "秒鐘");
        all.add(new Entry("秒", "seconds", ONE, false, "杀殺"));
        all.add(new Entry("毫秒", "seconds", milli, false, ""));
        // durations are seconds too (FORMAT: latency and durations); 小时 but not 天 or 年, which
        // read as dates as often as spans
        BigDecimal hour = new BigDecimal(3600);
        BigDecimal minute = new BigDecimal(60);
        for (String h : List.of("小时", "小時", "个小时", "個小時", "钟头", "鐘頭", "个钟头", "個鐘頭")) {
            all.add(new Entry(h, "seconds", hour, false, ""));
        }
        for (String m : List.of("分钟", "分鐘")) {
            all.add(new Entry(m, "seconds", minute, false, ""));
        }
        all.add(new Entry("微秒", "seconds", micro, false, ""));
        all.add(new Entry("纳秒", "seconds", nano, false, ""));
        all.add(new Entry("納秒", "seconds", nano, false, ""));
        all.add(new Entry("ms", "seconds", milli, false, ""));
        all.add(new Entry("μs", "seconds", micro, false, ""));
        all.add(new Entry("µs", "seconds", micro, false, ""));
        all.add(new Entry("ns", "seconds", nano, false, ""));
        addWords(all, "seconds", ONE, "seconds", "second", "secs", "sec");
        addWords(all, "seconds", milli, "milliseconds", "millisecond");
        addWords(all, "seconds", micro, "microseconds");
        addWords(all, "seconds", nano, "nanoseconds");

        // Device specifications (screen, weight, battery, clock, distance, area) have no unit of
        // their own in FORMAT.md: they are "other", their value as written (6.1英寸 is 6.1).
        for (String t : List.of("英寸", "吋", "克", "公斤", "千克", "毫安时", "毫安時", "公里", "平方公里", "平方米")) {
            all.add(new Entry(t, "other", ONE, false, "服隆拉劳勞"));
        }
        for (String t : List.of("mAh", "GHz", "MHz", "Hz", "kg")) {
            all.add(new Entry(t, "other", ONE, false, ""));
        }
        // 1200万像素: pixels are counted
        all.add(new Entry("像素", "items", ONE, false, ""));
    }

    private static void add(List<Entry> all, String unit, String... tokens) {
        for (String t : tokens) {
            all.add(new Entry(t, unit, ONE, false, ""));
        }
    }

    private static void addWords(List<Entry> all, String unit, BigDecimal factor, String... words) {
        for (String w : words) {
            all.add(new Entry(w, unit, factor, true, ""));
        }
    }
}
