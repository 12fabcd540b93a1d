package io.chipwatch.nlp;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides the qualifier of a figure from the words around it. Specific words next to the number
 * (超过, 约, 高达, 至少, 不到, and 左右/以上/以下 after it) win; forecast words anywhere earlier in
 * the clause (预计, 有望, 将) apply only when nothing specific does.
 */
final class QuantityQualifiers {

    static final String EXACT = "exact";
    static final String APPROX = "approx";
    static final String OVER = "over";
    static final String UNDER = "under";
    static final String UP_TO = "up_to";
    static final String AT_LEAST = "at_least";
    static final String FORECAST = "forecast";

    /** A qualifier written after the figure and where the figure, qualifier included, ends. */
    record Suffix(String qualifier, int end) {
    }

    /** How far back a word next to the number may start; also bounds the clause scan. */
    private static final int NEAR = 24;
    private static final int CLAUSE = 48;
    private static final int LOOSE = 6;
    /** Suffix words may follow the noun of the figure: 10万片晶圆左右, 500名员工以上. */
    private static final int SUFFIX_NOUN = 4;

    // Longest first, so 略低于 is tried before 低于 and 超过 before 超.
    private static final List<Map.Entry<String, String>> BEFORE_CN = sorted(Map.ofEntries(
            Map.entry("约", APPROX), Map.entry("大约", APPROX), Map.entry("约合", APPROX), Map.entry("大概", APPROX),
            Map.entry("接近", APPROX), Map.entry("将近", APPROX), Map.entry("近", APPROX), Map.entry("几近", APPROX),
            Map.entry("差不多", APPROX), Map.entry("約", APPROX), Map.entry("大約", APPROX), Map.entry("將近", APPROX),
            Map.entry("高達", UP_TO), Map.entry("最多可達", UP_TO), Map.entry("不少於", AT_LEAST), Map.entry("低於", UNDER), Map.entry("估计约", APPROX),
            Map.entry("超过", OVER), Map.entry("超出", OVER), Map.entry("逾", OVER), Map.entry("突破", OVER),
            Map.entry("超", OVER), Map.entry("多于", OVER), Map.entry("高于", OVER), Map.entry("大于", OVER),
            Map.entry("不止", OVER),
            Map.entry("不到", UNDER), Map.entry("低于", UNDER), Map.entry("略低于", UNDER), Map.entry("不足", UNDER),
            Map.entry("少于", UNDER), Map.entry("小于", UNDER), Map.entry("未达", UNDER), Map.entry("未满", UNDER),
            Map.entry("高达", UP_TO), Map.entry("最多", UP_TO), Map.entry("最高", UP_TO), Map.entry("多达", UP_TO),
            Map.entry("至多", UP_TO), Map.entry("不超过", UP_TO), Map.entry("不超過", UP_TO), Map.entry("不高于", UP_TO),
            Map.entry("不多于", UP_TO), Map.entry("超過", OVER), Map.entry("最高可达", UP_TO), Map.entry("最多可", UP_TO),
            Map.entry("至少", AT_LEAST), Map.entry("不少于", AT_LEAST), Map.entry("不低于", AT_LEAST),
            Map.entry("起码", AT_LEAST), Map.entry("最少", AT_LEAST)));

    private static final List<Map.Entry<String, String>> BEFORE_EN = sorted(Map.ofEntries(
            Map.entry("about", APPROX), Map.entry("around", APPROX), Map.entry("approximately", APPROX),
            Map.entry("roughly", APPROX), Map.entry("nearly", APPROX), Map.entry("almost", APPROX),
            Map.entry("close to", APPROX), Map.entry("some", APPROX),
            Map.entry("more than", OVER), Map.entry("over", OVER), Map.entry("above", OVER),
            Map.entry("exceeding", OVER), Map.entry("in excess of", OVER),
            Map.entry("less than", UNDER), Map.entry("fewer than", UNDER), Map.entry("under", UNDER),
            Map.entry("below", UNDER),
            Map.entry("up to", UP_TO), Map.entry("as much as", UP_TO), Map.entry("as many as", UP_TO),
            Map.entry("at least", AT_LEAST), Map.entry("no less than", AT_LEAST)));

    private static final List<Map.Entry<String, String>> AFTER = sorted(Map.of(
            "左右", APPROX, "上下", APPROX, "以上", OVER, "之上", OVER, "以下", UNDER, "之多", UP_TO));

    /** Verbs and particles between the qualifier and the number: 约为, 超过了, 高达到. */
    private static final String FILLERS = "为為达達到了是在有占佔";

    private static final List<String> FORECAST_CN = List.of(
            "预计", "預計", "预期", "預期", "有望", "将", "將", "可能", "或将", "或將", "或达", "或超", "计划", "計劃",
            "预测", "預測", "预估", "預估", "料将", "展望");
    private static final List<String> FORECAST_EN = List.of(
            "will", "expected", "expects", "expect", "forecast", "projected", "could", "may", "plans", "estimated");

    /**
     * The qualifier written just before a figure starting at {@code start}, or null. Words are
     * looked for no further back than {@code floor} (the end of the previous figure).
     */
    String before(String s, int start, int floor) {
        int from = Math.max(floor, clauseStart(s, start, NEAR));
        String w = s.substring(from, start).stripTrailing();
        for (int dropped = 0; dropped < 3 && !w.isEmpty(); dropped++) {
            if (w.endsWith("最近") || w.endsWith("附近")) {
                return null;
            }
            for (Map.Entry<String, String> e : BEFORE_CN) {
                if (w.endsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            if (FILLERS.indexOf(w.charAt(w.length() - 1)) < 0) {
                break;
            }
            w = w.substring(0, w.length() - 1).stripTrailing();
        }
        // A two-character word a verb away still qualifies: 最多配备8张, 至少需要20万颗.
        String near = s.substring(Math.max(from, start - LOOSE), start);
        for (Map.Entry<String, String> e : BEFORE_CN) {
            if (e.getKey().length() >= 2 && near.contains(e.getKey())) {
                return e.getValue();
            }
        }
        String lower = s.substring(from, start).stripTrailing().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : BEFORE_EN) {
            String k = e.getKey();
            if (lower.endsWith(k)) {
                int at = lower.length() - k.length();
                if (at == 0 || !Character.isLetter(lower.charAt(at - 1))) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** A qualifier written right after the figure ending at {@code end} (五成以上, 30万台左右), or null. */
    Suffix after(String s, int end) {
        int i = end;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        for (int skip = i; skip <= i + SUFFIX_NOUN && skip < s.length(); skip++) {
            for (Map.Entry<String, String> e : AFTER) {
                if (s.startsWith(e.getKey(), skip) && !s.startsWith("上下游", skip)) {
                    return new Suffix(e.getValue(), skip + e.getKey().length());
                }
            }
            char c = s.charAt(skip);
            if (!Character.isIdeographic(c) || ChineseNumber.isNumeral(c) || skip - i >= SUFFIX_NOUN) {
                break;
            }
        }
        // A trailing 多 ("10亿美元多") only at the end of a phrase, not in "多用于".
        if (i < s.length() && (s.charAt(i) == '多' || s.charAt(i) == '余' || s.charAt(i) == '餘')) {
            char next = i + 1 < s.length() ? s.charAt(i + 1) : '。';
            if ("，,。；;、）)！!？? 的".indexOf(next) >= 0) {
                return new Suffix(OVER, i + 1);
            }
        }
        return null;
    }

    /** Whether the clause before {@code start} speaks of the future. */
    boolean forecast(String s, int start) {
        int from = sentenceStart(s, start);
        String clause = s.substring(from, start);
        for (String w : FORECAST_CN) {
            if (clause.contains(w)) {
                return true;
            }
        }
        String lower = clause.toLowerCase(Locale.ROOT);
        for (String w : FORECAST_EN) {
            int at = lower.indexOf(w);
            while (at >= 0) {
                int end = at + w.length();
                boolean left = at == 0 || !Character.isLetter(lower.charAt(at - 1));
                boolean right = end == lower.length() || !Character.isLetter(lower.charAt(end));
                if (left && right) {
                    return true;
                }
                at = lower.indexOf(w, at + 1);
            }
        }
        return false;
    }

    private static int clauseStart(String s, int start, int max) {
        int from = Math.max(0, start - max);
        for (int i = start - 1; i >= from; i--) {
            if ("，,。；;：:！!？?、\n（(“\"".indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return from;
    }

    private static int sentenceStart(String s, int start) {
        int from = Math.max(0, start - CLAUSE);
        for (int i = start - 1; i >= from; i--) {
            if ("。；;！!？?\n".indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return from;
    }

    private static List<Map.Entry<String, String>> sorted(Map<String, String> m) {
        return m.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }
}
