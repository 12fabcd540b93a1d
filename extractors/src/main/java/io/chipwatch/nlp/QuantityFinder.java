package io.chipwatch.nlp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every figure (a number with a unit) in one Chinese or mixed sentence and normalises it:
 * money in whole currency units, percent in percent, FLOPS, bytes, watts and seconds in base
 * units, counts of chips, cards and devices as {@code units}, other counts as {@code items}.
 *
 * <p>Precision matters more than recall: a number is reported only when a unit, currency sign,
 * %, 倍 or a counter word is attached to it. Years, dates, ordinals (第四), model names (H20,
 * MI450, Core i7-1370P), process nodes (4nm), phone numbers, stock codes and durations (88天)
 * carry no unit from the table and so fall out without special cases; the few that could look
 * like figures (12个月, 一颗, 数百亿) are excluded explicitly below.
 *
 * <p>One left-to-right pass over a copy of the sentence with full-width forms folded to ASCII
 * (same length, so offsets stay valid). No regular expressions on the hot path except one
 * anchored pattern for 翻番. Immutable and thread-safe.
 */
public final class QuantityFinder {

    private static final Pattern DOUBLING = Pattern.compile("翻了?(?:([一两二三四1234])番|一?倍|番)");
    private static final String RANGE_SEPARATORS = "-–—~〜至到";
    private static final String MORE = "多余餘";
    /** After 成, these make a word (成为, 成本, 成功), not a tenth. */
    private static final String CHENG_WORDS = "为為员員本功立熟交长長型品都就不果绩績效";

    private static final Map<String, String> CURRENCY_PREFIX_UNITS = Map.ofEntries(
            Map.entry("US$", "USD"), Map.entry("NT$", "TWD"), Map.entry("HK$", "HKD"), Map.entry("$", "USD"),
            Map.entry("€", "EUR"), Map.entry("¥", "CNY"), Map.entry("£", "other"),
            Map.entry("USD", "USD"), Map.entry("RMB", "CNY"), Map.entry("CNY", "CNY"), Map.entry("EUR", "EUR"),
            Map.entry("JPY", "JPY"), Map.entry("TWD", "TWD"), Map.entry("HKD", "HKD"), Map.entry("KRW", "KRW"),
            Map.entry("人民币", "CNY"), Map.entry("人民幣", "CNY"), Map.entry("新台币", "TWD"), Map.entry("新台幣", "TWD"),
            Map.entry("新臺幣", "TWD"), Map.entry("港币", "HKD"), Map.entry("港幣", "HKD"));
    private static final List<String> CURRENCY_PREFIXES = CURRENCY_PREFIX_UNITS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();
    /** Letter words that may be glued to a number without making it a model name (RMB5亿). */
    private static final Set<String> CURRENCY_CODES = Set.of("US", "NT", "HK", "USD", "RMB", "CNY", "EUR", "JPY", "TWD", "HKD", "KRW");

    private static final List<String> ENGLISH_MAGNITUDES = List.of("trillion", "billion", "million", "thousand", "bn", "mn", "tn");
    private static final List<BigDecimal> ENGLISH_FACTORS = List.of(
            ChineseNumber.Magnitudes.TRILLION, ChineseNumber.Magnitudes.BILLION, ChineseNumber.Magnitudes.MILLION,
            ChineseNumber.Magnitudes.THOUSAND, ChineseNumber.Magnitudes.BILLION, ChineseNumber.Magnitudes.MILLION,
            ChineseNumber.Magnitudes.TRILLION);

    /** 个 then one of these is a duration (12个月), not a count. */
    private static final List<String> GE_DURATIONS = List.of(
            "月", "小时", "小時", "季度", "星期", "礼拜", "禮拜", "工作日", "交易日", "财年", "財年", "年头", "年頭",
            "世纪", "世紀", "周", "週", "钟头", "鐘頭", "晚上", "半月", "年");
    /** 个 then an abstract noun (三个方面) is rhetoric, not a figure. */
    private static final List<String> GE_ABSTRACT = List.of(
            "方面", "问题", "問題", "阶段", "階段", "原因", "因素", "维度", "維度", "层面", "層面", "环节", "環節",
            "方向", "步骤", "步驟", "部分", "角度", "特点", "特點", "关键", "關鍵", "重点", "重點", "目标", "目標", "任务", "任務");
    /** 个 then one of these counts things that are not devices. */
    private static final List<String> GE_ITEMS = List.of(
            "国家", "國家", "地区", "地區", "城市", "省", "项目", "項目", "行业", "行業", "领域", "領域", "客户", "客戶",
            "团队", "團隊", "合作伙伴", "品牌", "场景", "場景", "应用", "應用", "参数", "參數", "晶体管", "晶體管");
    private static final List<String> WAFER_WORDS = List.of("晶圆", "晶圓", "wafer");
    private static final List<String> WAFER_CONTEXT = List.of("晶圆", "晶圓", "wafer", "产能", "產能", "投片");

    private final QuantityUnits units = new QuantityUnits();
    private final QuantityQualifiers qualifiers = new QuantityQualifiers();

    public QuantityFinder() {
    }

    /** Every figure in {@code sentence}, in text order and non-overlapping. */
    public List<Quantity> findAll(String sentence) {
        if (sentence == null || sentence.isEmpty()) {
            return List.of();
        }
        String s = normalise(sentence);
        List<Quantity> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (QuantityUnits.isAsciiLetter(c)) {
                i = skipWord(s, i);
            } else if ((c == '百' || c == '千') && s.startsWith("分之", i + 1)) {
                i = percentOf(s, sentence, i, out);
            } else if (c == '翻') {
                i = doubling(s, sentence, i, out);
            } else if (isDigit(c) || ChineseNumber.isNumeral(c)) {
                i = Math.max(figure(s, sentence, i, out), i + 1);
            } else {
                i++;
            }
        }
        return List.copyOf(out);
    }

    // ---- one figure, possibly a range ------------------------------------------------------

    /**
     * A number as written: mantissa times magnitude (万, 亿, billion), with the clues that qualify
     * it: {@code bare} for a magnitude without digits (万亿), {@code more} for 多/余, {@code singleDigit}
     * for one Chinese digit (两家), {@code smallInt} for 1..10 (may take 成), {@code zhao} for 兆.
     */
    private record Num(int start, int end, BigDecimal mantissa, BigDecimal magnitude, boolean hasMagnitude,
                       boolean bare, boolean singleDigit, boolean more, boolean smallInt, boolean zhao) {
        BigDecimal value() {
            return mantissa.multiply(magnitude);
        }
    }

    /** A number with whatever unit (or currency sign) is attached to it; unit null when none. */
    private record Side(Num num, int start, String unit, BigDecimal factor, boolean unitAfter, int end) {
        BigDecimal value() {
            return num.value().multiply(factor);
        }
    }

    /** Reads the figure starting at {@code i}, adds it to {@code out}, returns where to go on. */
    private int figure(String s, String original, int i, List<Quantity> out) {
        // the run is skipped only when no figure starts here: measuring it up front for every
        // figure made a megabyte of 1.1.1.… quadratic
        if (!mayStartFigure(s, i)) {
            return skipRun(s, i);
        }
        Side a = side(s, i, true);
        if (a == null) {
            return skipRun(s, i);
        }
        Side b = rangeEnd(s, a);
        if (b != null) {
            String unit = rangeUnit(a, b);
            if (unit == null && a.unit() == null) {
                return b.end(); // two bare numbers: a phone number, a date, a model range
            }
            if (unit != null) {
                BigDecimal magnitude = a.num().magnitude();
                if (!a.num().hasMagnitude() && b.num().hasMagnitude()) {
                    magnitude = b.num().magnitude(); // 3-5亿美元 is 3亿 to 5亿
                }
                BigDecimal factor = a.unit() != null ? a.factor() : b.factor();
                BigDecimal low = a.num().mantissa().multiply(magnitude).multiply(factor);
                BigDecimal high = b.value();
                if (low.compareTo(high) < 0) {
                    return emit(s, original, out, a.start(), b.end(), low, high, unit,
                            a.num().more() || b.num().more(), a.num().bare());
                }
            }
        }
        if (a.unit() == null || isNarrativeCount(a)) {
            return a.end();
        }
        return emit(s, original, out, a.start(), a.end(), a.value(), null, a.unit(), a.num().more(), a.num().bare());
    }

    /** Ordinals (第四), rates (每颗), ranks (前三), vague amounts (数十亿, 成千上万, 之一) are no figures. */
    private static boolean mayStartFigure(String s, int i) {
        int p = i - 1;
        while (p >= 0 && s.charAt(p) == ' ') {
            p--;
        }
        if (p < 0) {
            return true;
        }
        char prev = s.charAt(p);
        if (prev == '第' || prev == '每') {
            return false;
        }
        if (prev == '前') {
            return p > 0 && "目之此以提当當眼面空向超史".indexOf(s.charAt(p - 1)) >= 0;
        }
        // 成千上万 is vague, but in 达成万亿美元协议 the 成 ends a verb
        boolean verbCheng = prev == '成' && p > 0 && "达達完形变變构構组組促造".indexOf(s.charAt(p - 1)) >= 0;
        if (!isDigit(s.charAt(i)) && "数數几幾上成好之".indexOf(prev) >= 0 && !verbCheng) {
            return false;
        }
        return !(p == i - 1 && QuantityUnits.isAsciiLetter(prev));
    }

    /** The second half of a range (30万-40万颗, 10%至15%, $3-5 billion), or null. */
    private Side rangeEnd(String s, Side a) {
        int n = s.length();
        int p = skipSpaces(s, a.end());
        if (p >= n || RANGE_SEPARATORS.indexOf(s.charAt(p)) < 0 || fromTo(s, a.start())) {
            return null;
        }
        int q = p + 1;
        if (s.charAt(p) == '—' && q < n && s.charAt(q) == '—') {
            q++;
        }
        q = skipSpaces(s, q);
        for (String prefix : CURRENCY_PREFIXES) {
            if (s.startsWith(prefix, q)) {
                q = skipSpaces(s, q + prefix.length());
                break;
            }
        }
        if (q >= n || !(isDigit(s.charAt(q)) || ChineseNumber.isNumeral(s.charAt(q)))) {
            return null;
        }
        return side(s, q, false);
    }

    /** 从10%到15% is a change, not a range. */
    private static boolean fromTo(String s, int start) {
        for (int p = start - 1; p >= 0 && p >= start - 3; p--) {
            char c = s.charAt(p);
            if (c == '从' || c == '從' || c == '由') {
                return true;
            }
        }
        return false;
    }

    /** The shared unit of a range, or null when the halves disagree or the range has none. */
    private static String rangeUnit(Side a, Side b) {
        if (b.unit() != null && (a.unit() == null || a.unit().equals(b.unit()))) {
            return b.unit();
        }
        if (a.unit() != null && b.unit() == null && !a.unitAfter()) {
            return a.unit(); // $3-5 billion: the currency sign in front covers both
        }
        return null;
    }

    /** A number at {@code i} with its currency sign and unit; null when there is no number. */
    private Side side(String s, int i, boolean allowBare) {
        int start = i;
        String prefixUnit = null;
        int prefixStart = currencyPrefix(s, i);
        if (prefixStart >= 0) {
            start = prefixStart;
            prefixUnit = CURRENCY_PREFIX_UNITS.get(s.substring(prefixStart, skipBackSpace(s, i)));
        }
        Num num = number(s, i, allowBare, prefixUnit != null);
        if (num == null) {
            return null;
        }
        int n = s.length();
        int k = num.end() < n && s.charAt(num.end()) == ' ' ? num.end() + 1 : num.end();
        if (num.end() < n && s.charAt(num.end()) == '成' && num.smallInt()
                && (num.end() + 1 >= n || CHENG_WORDS.indexOf(s.charAt(num.end() + 1)) < 0)) {
            return new Side(num, start, "percent", BigDecimal.TEN, true, num.end() + 1); // 三成 is 30%
        }
        QuantityUnits.Match m = units.at(s, k);
        if (m != null && (m.token().equals("个") || m.token().equals("個"))) {
            m = afterGe(s, m);
            if (m == null) {
                return new Side(num, start, null, BigDecimal.ONE, false, num.end());
            }
        } else if (m != null && m.token().equals("片")) {
            m = new QuantityUnits.Match(m.token(), isWafer(s, num.start(), m.end()) ? "wafers" : "units", m.factor(), m.end());
        }
        if (m != null) {
            String unit = m.unit();
            if (prefixUnit != null && m.token().equals("元")) {
                unit = prefixUnit; // 新台幣2兆元, 人民币72亿元: the sign names the currency, 元 just repeats it
            } else if (num.zhao() && m.token().equals("元")) {
                unit = "TWD"; // trillions in 兆 are Taiwan usage (the mainland writes 万亿), so 元 is NT$
            }
            return new Side(num, start, unit, m.factor(), true, m.end());
        }
        return new Side(num, start, prefixUnit, BigDecimal.ONE, false, num.end());
    }

    /** 个 before a noun counts devices, except before durations, 百分点, tokens and a few others. */
    private QuantityUnits.Match afterGe(String s, QuantityUnits.Match ge) {
        int p = skipSpaces(s, ge.end());
        if (s.startsWith("百分点", p) || s.startsWith("百分點", p)) {
            return new QuantityUnits.Match("个百分点", "percent", BigDecimal.ONE, p + 3);
        }
        QuantityUnits.Match next = units.at(s, p);
        if (next != null && next.unit().equals("tokens")) {
            return next;
        }
        if (startsWithAny(s, p, GE_DURATIONS) || startsWithAny(s, p, GE_ABSTRACT)) {
            return null;
        }
        if (startsWithAny(s, p, GE_ITEMS)) {
            return new QuantityUnits.Match(ge.token(), "items", BigDecimal.ONE, ge.end());
        }
        return ge;
    }

    /** 片 counts wafers when the wafer is named nearby (90万片内存晶圆, 晶圆产能5万片/月). */
    private static boolean isWafer(String s, int numStart, int end) {
        String after = s.substring(end, Math.min(s.length(), end + 6)).toLowerCase(Locale.ROOT);
        for (String w : WAFER_WORDS) {
            if (after.contains(w)) {
                return true;
            }
        }
        if (s.startsWith("/月", end) || s.startsWith("每月", end)) {
            return true;
        }
        String before = s.substring(Math.max(0, numStart - 12), numStart).toLowerCase(Locale.ROOT);
        for (String w : WAFER_CONTEXT) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    // ---- numbers ------------------------------------------------------------------------------

    /**
     * The number at {@code i}: Arabic with thousands commas and decimals, or a Chinese numeral run,
     * then 多/余, then magnitudes (万, 亿, 千万; 兆 only before a currency; billion, or K/M/B after
     * a currency sign or before tokens). Null when there is none or it is too vague (十几, 三四百).
     */
    private Num number(String s, int i, boolean allowBare, boolean currency) {
        int n = s.length();
        int q = i;
        BigDecimal mantissa;
        boolean chinese = false;
        boolean bare = false;
        boolean singleDigit = false;
        char c = s.charAt(i);
        if (isDigit(c)) {
            while (q < n && isDigit(s.charAt(q))) {
                q++;
            }
            if (q - i <= 3) {
                while (q + 3 < n && s.charAt(q) == ',' && isDigit(s.charAt(q + 1)) && isDigit(s.charAt(q + 2))
                        && isDigit(s.charAt(q + 3)) && (q + 4 >= n || !isDigit(s.charAt(q + 4)))) {
                    q += 4;
                }
            }
            if (q + 1 < n && s.charAt(q) == '.' && isDigit(s.charAt(q + 1))) {
                q++;
                while (q < n && isDigit(s.charAt(q))) {
                    q++;
                }
            }
            mantissa = new BigDecimal(s.substring(i, q).replace(",", ""));
        } else if (ChineseNumber.isNumeral(c)) {
            if (c == '零' || c == '〇') {
                return null; // 零部件; refused before measuring the run, or 零点零点… costs its length at every 零
            }
            while (q < n) {
                char ch = s.charAt(q);
                if (ChineseNumber.isNumeral(ch)
                        || ((ch == '点' || ch == '點') && q > i && q + 1 < n && ChineseNumber.isChineseDigit(s.charAt(q + 1)))) {
                    q++;
                } else {
                    break;
                }
            }
            String run = s.substring(i, q);
            if (run.charAt(0) == '零' || run.charAt(0) == '〇' || stutters(run)) {
                return null; // 零部件; 三四百 and 一两 are vague
            }
            boolean digits = false;
            for (int k = 0; k < run.length(); k++) {
                digits |= ChineseNumber.isChineseDigit(run.charAt(k));
            }
            if (!digits && run.charAt(0) != '十' && run.charAt(0) != '拾') {
                // A bare magnitude (万亿美元, 千亿元) is a figure of speech for "about"; alone
                // (万台, 千元机) it is too vague unless 余/多 follows (百余家).
                boolean followedByMore = q < n && MORE.indexOf(s.charAt(q)) >= 0;
                if (!allowBare || (run.length() < 2 && !followedByMore)) {
                    return null;
                }
                bare = true;
            }
            mantissa = ChineseNumber.parseDecimal(run);
            if (mantissa == null) {
                return null;
            }
            singleDigit = run.length() == 1 && ChineseNumber.isChineseDigit(run.charAt(0));
            chinese = true;
        } else {
            return null;
        }
        if (q < n && (s.charAt(q) == '几' || s.charAt(q) == '幾' || (chinese && s.charAt(q) == '来'))) {
            return null; // 十几家, 十来家
        }
        boolean more = false;
        if (q + 1 < n && MORE.indexOf(s.charAt(q)) >= 0) {
            more = true; // 30多万, 1000多家, 百余家
            q++;
        }
        if (!chinese && q + 1 < n && s.charAt(q) == ' ' && ChineseNumber.isNumeral(s.charAt(q + 1))
                && !ChineseNumber.isChineseDigit(s.charAt(q + 1))) {
            q++; // "10 万张": spacing tools put a blank between Latin digits and Han characters
        }
        BigDecimal magnitude = BigDecimal.ONE;
        boolean hasMagnitude = false;
        boolean zhao = false;
        while (q < n) {
            char ch = s.charAt(q);
            if (s.startsWith("分之", q + 1) || s.startsWith("百分点", q) || s.startsWith("百分點", q)) {
                break;
            }
            BigDecimal m = ChineseNumber.magnitude(ch);
            if (m == null || (ch == '兆' && !currencyAt(s, q + 1))) {
                break; // 兆瓦 and 兆字节 are mega; 兆元 is Taiwan's trillion
            }
            magnitude = magnitude.multiply(m);
            hasMagnitude = true;
            zhao |= ch == '兆';
            q++;
        }
        if (!more && hasMagnitude && q + 1 < n && MORE.indexOf(s.charAt(q)) >= 0) {
            more = true; // 10万余台
            q++;
        }
        if (!chinese && !hasMagnitude) {
            int r = q < n && s.charAt(q) == ' ' ? q + 1 : q;
            for (int w = 0; w < ENGLISH_MAGNITUDES.size(); w++) {
                String word = ENGLISH_MAGNITUDES.get(w);
                int e = r + word.length();
                if (s.regionMatches(true, r, word, 0, word.length()) && (e >= n || !QuantityUnits.isAsciiLetter(s.charAt(e)))) {
                    magnitude = ENGLISH_FACTORS.get(w);
                    hasMagnitude = true;
                    q = e;
                    break;
                }
            }
            if (!hasMagnitude && q < n && "KMBT".indexOf(s.charAt(q)) >= 0
                    && (q + 1 >= n || !QuantityUnits.isAsciiLetter(s.charAt(q + 1)))
                    && (currency || tokensAt(s, q + 1))) {
                magnitude = switch (s.charAt(q)) {
                    case 'K' -> ChineseNumber.Magnitudes.THOUSAND;
                    case 'M' -> ChineseNumber.Magnitudes.MILLION;
                    case 'B' -> ChineseNumber.Magnitudes.BILLION;
                    default -> ChineseNumber.Magnitudes.TRILLION;
                };
                hasMagnitude = true;
                q++;
            }
        }
        BigDecimal plain = mantissa.stripTrailingZeros();
        boolean smallInt = !hasMagnitude && !more && plain.scale() <= 0
                && plain.compareTo(BigDecimal.ONE) >= 0 && plain.compareTo(BigDecimal.TEN) <= 0;
        return new Num(i, q, mantissa, magnitude, hasMagnitude, bare, singleDigit, more, smallInt, zhao);
    }

    /** Two non-zero Chinese digits in a row (三四, 一两) make a vague estimate, not a number. */
    private static boolean stutters(String run) {
        for (int k = 1; k < run.length(); k++) {
            char a = run.charAt(k - 1);
            char b = run.charAt(k);
            if (ChineseNumber.isChineseDigit(a) && ChineseNumber.isChineseDigit(b)
                    && ChineseNumber.digitValue(a) != 0 && ChineseNumber.digitValue(b) != 0) {
                return true;
            }
        }
        return false;
    }

    private boolean currencyAt(String s, int p) {
        QuantityUnits.Match m = units.at(s, MORE.indexOf(charAt(s, p)) >= 0 ? p + 1 : p);
        return m != null && m.isCurrency();
    }

    private boolean tokensAt(String s, int p) {
        QuantityUnits.Match m = units.at(s, skipSpaces(s, p));
        return m != null && m.unit().equals("tokens");
    }

    /** Start of a currency sign or code right before the number at {@code i}, or -1. */
    private static int currencyPrefix(String s, int i) {
        int e = skipBackSpace(s, i);
        for (String prefix : CURRENCY_PREFIXES) {
            int b = e - prefix.length();
            if (b >= 0 && s.startsWith(prefix, b)) {
                if (QuantityUnits.isAsciiLetter(prefix.charAt(0)) && b > 0 && QuantityUnits.isAsciiLetter(s.charAt(b - 1))) {
                    continue;
                }
                return b;
            }
        }
        return -1;
    }

    // ---- special forms ------------------------------------------------------------------------

    /** 百分之五十 is 50 percent; 千分之五 is 0.5 percent; 百分之十至百分之十五 is a range. */
    private int percentOf(String s, String original, int i, List<Quantity> out) {
        BigDecimal scale = s.charAt(i) == '千' ? new BigDecimal("0.1") : BigDecimal.ONE;
        Num low = percentNumber(s, i + 3);
        if (low == null) {
            return i + 3;
        }
        BigDecimal value = low.value().multiply(scale);
        int end = low.end();
        int p = skipSpaces(s, end);
        if (p < s.length() && RANGE_SEPARATORS.indexOf(s.charAt(p)) >= 0) {
            int q = skipSpaces(s, p + 1);
            if (s.startsWith("百分之", q) || s.startsWith("千分之", q)) {
                Num high = percentNumber(s, q + 3);
                if (high != null) {
                    BigDecimal v = high.value().multiply(s.charAt(q) == '千' ? new BigDecimal("0.1") : BigDecimal.ONE);
                    if (value.compareTo(v) < 0) {
                        return emit(s, original, out, i, high.end(), value, v, "percent", false, false);
                    }
                }
            }
        }
        return emit(s, original, out, i, end, value, null, "percent", low.more(), false);
    }

    private Num percentNumber(String s, int p) {
        if (p >= s.length()) {
            return null;
        }
        if (s.charAt(p) == '百' && (p + 1 >= s.length() || !ChineseNumber.isNumeral(s.charAt(p + 1)))) {
            return new Num(p, p + 1, ChineseNumber.Magnitudes.HUNDRED, BigDecimal.ONE, false, false, false, false, false, false);
        }
        return isDigit(s.charAt(p)) || ChineseNumber.isNumeral(s.charAt(p)) ? number(s, p, false, false) : null;
    }

    /** 翻一番 doubles (2), 翻两番 quadruples (4), 翻番 and 翻倍 double. */
    private int doubling(String s, String original, int i, List<Quantity> out) {
        Matcher m = DOUBLING.matcher(s).region(i, Math.min(s.length(), i + 5));
        if (!m.lookingAt()) {
            return i + 1;
        }
        int times = 1;
        if (m.group(1) != null) {
            times = ChineseNumber.digitValue(m.group(1).charAt(0));
        }
        BigDecimal value = BigDecimal.valueOf(1L << times);
        return emit(s, original, out, i, m.end(), value, null, "multiple", false, false);
    }

    // ---- output -------------------------------------------------------------------------------

    private int emit(String s, String original, List<Quantity> out, int start, int end, BigDecimal value,
                     BigDecimal max, String unit, boolean more, boolean bare) {
        int floor = out.isEmpty() ? 0 : out.get(out.size() - 1).end();
        String qualifier = qualifiers.before(s, start, floor);
        QuantityQualifiers.Suffix suffix = qualifiers.after(s, end);
        if (qualifier == null && suffix != null) {
            qualifier = suffix.qualifier();
        }
        if (qualifier == null && more) {
            qualifier = QuantityQualifiers.OVER;
        }
        if (qualifier == null && bare) {
            qualifier = QuantityQualifiers.APPROX;
        }
        if (qualifier == null && qualifiers.forecast(s, start)) {
            qualifier = QuantityQualifiers.FORECAST;
        }
        if (qualifier == null) {
            qualifier = QuantityQualifiers.EXACT;
        }
        out.add(new Quantity(value.doubleValue(), max == null ? null : max.doubleValue(), unit, qualifier,
                start, end, original.substring(start, end)));
        return suffix != null ? suffix.end() : end;
    }

    // ---- text helpers -------------------------------------------------------------------------

    /** Folds full-width digits, letters and signs to ASCII, char for char, so offsets are kept. */
    static String normalise(String in) {
        char[] a = in.toCharArray();
        for (int i = 0; i < a.length; i++) {
            char c = a[i];
            if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                a[i] = (char) (c - 0xFEE0);
            } else {
                a[i] = switch (c) {
                    case '％' -> '%';
                    case '．' -> '.';
                    case '－', '−' -> '-';
                    case '～' -> '~';
                    case '＄' -> '$';
                    case '￥' -> '¥';
                    case '／' -> '/';
                    case '\u3000', '\u00A0', '\u2009', '\u202F', '\t' -> ' ';
                    default -> c;
                };
            }
        }
        return new String(a);
    }

    /**
     * Skips a Latin word. A word glued to digits (H20, MI450, GPT-4, DeepSeek-V3.2, FY2026, Q1,
     * i7-1370P) is a name or a code, so its digits are skipped with it.
     */
    private static int skipWord(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && QuantityUnits.isAsciiLetter(s.charAt(j))) {
            j++;
        }
        if (j < n && glued(s, j) && !CURRENCY_CODES.contains(s.substring(i, j).toUpperCase(Locale.ROOT))) {
            while (j < n && (isAsciiAlnum(s.charAt(j)) || glued(s, j))) {
                j++;
            }
        }
        return j;
    }

    private static boolean glued(String s, int j) {
        char c = s.charAt(j);
        if (isDigit(c)) {
            return true;
        }
        return (c == '-' || c == '.' || c == '_') && j + 1 < s.length() && isAsciiAlnum(s.charAt(j + 1));
    }

    /** The end of a run of digits and numerals, so a rejected number is not re-read from its tail. */
    private static int skipRun(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (isDigit(c) || ChineseNumber.isNumeral(c) || ((c == ',' || c == '.') && j + 1 < s.length() && isDigit(s.charAt(j + 1)))) {
                j++;
            } else {
                break;
            }
        }
        return Math.max(j, i + 1);
    }

    /**
     * 一颗芯片, 一家公司, 两家公司, 1个芯片 read as "a chip", "a company", "the two companies": a
     * count of one, or of companies and people in a single Chinese digit, is narrative, not a
     * figure. Devices keep 两..九 (八张卡 is a spec).
     */
    private static boolean isNarrativeCount(Side a) {
        String unit = a.unit();
        boolean count = unit.equals("units") || unit.equals("items") || unit.equals("wafers");
        if (!count || a.num().hasMagnitude() || a.num().more()) {
            return false;
        }
        if (a.num().value().compareTo(BigDecimal.ONE) == 0) {
            return true;
        }
        return a.num().singleDigit() && unit.equals("items");
    }

    private static boolean startsWithAny(String s, int p, List<String> words) {
        for (String w : words) {
            if (s.startsWith(w, p)) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String s, int p) {
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    private static int skipBackSpace(String s, int i) {
        return i > 0 && s.charAt(i - 1) == ' ' ? i - 1 : i;
    }

    private static char charAt(String s, int p) {
        return p < s.length() ? s.charAt(p) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(char c) {
        return isDigit(c) || QuantityUnits.isAsciiLetter(c);
    }
}
