package io.chipwatch.nlp;

import io.chipwatch.text.SentenceSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Reads at most {@link #MAX_CHARS} of a sentence: the finder is linear, but each figure costs
 * microseconds, and a megabyte of figures handed in as one sentence must not cost seconds.
 */
public final class QuantityFinder {

    /**
     * The longest sentence read, in UTF-16 chars; of a longer text only the head is searched (cut
     * as {@link SentenceSplitter} cuts, not inside a number). Four times
     * {@link SentenceSplitter#MAX_SENTENCE_CHARS}, so the NLP analysis, which hands on split
     * sentences, never reaches it.
     */
    public static final int MAX_CHARS = 4 * SentenceSplitter.MAX_SENTENCE_CHARS;

    private static final Logger LOG = LoggerFactory.getLogger(QuantityFinder.class);

    private static final Pattern DOUBLING = Pattern.compile("翻了?(?:([一两二三四1234])番|一?倍|番)");
    private static final String RANGE_SEPARATORS = "-–—~〜至到";
    private static final String MORE = "多余餘";
    /** After 成, these make a word (成为, 成本, 成功), not a tenth. */
    private static final String CHENG_WORDS = "为為员員本功立熟交长長型品都就不果绩績效";

    /** Currency signs and codes written before a number, with their ISO code (numerals.yml). */
    private static final Map<String, String> CURRENCY_PREFIX_CODES = Map.copyOf(NumeralTables.standard().currencyPrefixes());
    private static final List<String> CURRENCY_PREFIXES = CURRENCY_PREFIX_CODES.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();
    /** Letter words that may be glued to a number without making it a model name (RMB5亿). */
    private static final Set<String> CURRENCY_CODES = currencyCodes();
    /** After 三成半, these make a word (半导体, 半年), not a half. */
    private static final String HALF_WORDS = "导導年月天个個岁歲小数數径徑价價";
    /** Words before 上 that end a word of their own (以上, 线上, 成千上万), so 上百 is not "into the hundreds". */
    private static final String NOT_ROUND_UP = "以之线線网網马馬加向往身手场場面基础礎成而此";
    /** Before a lone magnitude these make it a round figure (近万名, 破万台, 逾千家). */
    private static final String NEAR_ROUND = "近逾超约約过過破";
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    /** Figures beyond this magnitude (in base units) are not figures: 5000 digits, 万万万亿. */
    private static final BigDecimal MAX_FIGURE = new BigDecimal("1E24");

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

    private final Numerals numerals = Numerals.standard();
    private final QuantityUnits units = new QuantityUnits();
    private final QuantityQualifiers qualifiers = new QuantityQualifiers();

    public QuantityFinder() {
    }

    /**
     * Every figure in {@code sentence} (in its first {@link #MAX_CHARS} chars), in text order and
     * non-overlapping; empty, never null.
     */
    public List<Quantity> findAll(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String sentence = text;
        if (text.length() > MAX_CHARS) {
            sentence = text.substring(0, SentenceSplitter.headEnd(text, MAX_CHARS));
            LOG.debug("quantity finder: read {} of {} chars (the limit is {})", sentence.length(), text.length(), MAX_CHARS);
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
            } else if (c == '半' && halfTenth(s, i)) {
                i = emit(s, sentence, out, i, i + 2, FIVE, null, "percent", null, false, false); // 半成 is 5%
            } else if (isDigit(c) || ChineseNumber.isNumeral(c) || vagueStart(s, i)) {
                i = Math.max(figure(s, sentence, i, out), i + 1);
            } else {
                i++;
            }
        }
        return List.copyOf(out);
    }

    // ---- one figure, possibly a range ------------------------------------------------------

    /**
     * A number as read by {@link Numerals}, with what the finder adds: 兆 before a currency,
     * English magnitudes (billion, K/M/B after a currency sign). {@code round} marks a bare
     * magnitude (万亿美元) or 上百亿: round numbers meaning "about".
     */
    private record Num(int start, int end, BigDecimal value, BigDecimal max, boolean hasMagnitude, boolean hasBig,
                       BigDecimal tail, BigDecimal bigTail, boolean bare, boolean round, boolean singleDigit,
                       boolean more, boolean vague, boolean zhao) {

        /** 三成, 7.2成: a number of tenths, no magnitude, at most ten. */
        boolean tenths() {
            return !hasMagnitude && !more && max == null && value.signum() > 0 && value.compareTo(BigDecimal.TEN) <= 0
                    && value.stripTrailingZeros().scale() <= 1;
        }
    }

    /**
     * A number with whatever unit (or currency sign) is attached to it; unit null when none.
     * {@code extra} is added after the factor (the 角 and 分 of 3元5角, the 半 of 三成半).
     */
    private record Side(Num num, int start, String unit, BigDecimal factor, boolean unitAfter, int end, String currency,
                        BigDecimal extra) {
        BigDecimal value() {
            return num.value().multiply(factor).add(extra);
        }

        BigDecimal max() {
            return num.max() == null ? null : num.max().multiply(factor).add(extra);
        }
    }

    /** Reads the figure starting at {@code i}, adds it to {@code out}, returns where to go on. */
    private int figure(String s, String original, int i, List<Quantity> out) {
        // the run is skipped only when no figure starts here: measuring it up front for every
        // figure made a megabyte of 1.1.1.… quadratic
        if (!mayStartFigure(s, i)) {
            return skipRun(s, i);
        }
        Side a = side(s, i, true, out.isEmpty() ? 0 : out.get(out.size() - 1).end());
        if (a == null) {
            return skipRun(s, i);
        }
        int sign = signAt(s, a.start(), out);
        int start = sign >= 0 ? sign : a.start();
        Side b = a.num().max() == null ? rangeEnd(s, a) : null;
        if (b != null) {
            String unit = rangeUnit(a, b);
            if (unit == null && a.unit() == null) {
                return b.end(); // two bare numbers: a phone number, a date, a model range
            }
            if (unit != null) {
                BigDecimal factor = a.unit() != null ? a.factor() : b.factor();
                BigDecimal high = b.value();
                String currency = b.currency() != null ? b.currency() : a.currency();
                for (BigDecimal lowNumber : lowEnds(a.num(), b.num())) {
                    BigDecimal low = lowNumber.multiply(factor).add(a.extra());
                    if (sign >= 0) {
                        low = low.negate();
                    }
                    if (low.compareTo(high) < 0) {
                        return emit(s, original, out, start, b.end(), low, high, unit, currency,
                                a.num().more() || b.num().more(), a.num().round() || a.num().vague());
                    }
                }
            }
        }
        if (a.unit() == null || isNarrativeCount(a)) {
            return a.end();
        }
        BigDecimal value = a.value();
        BigDecimal max = a.max();
        if (sign >= 0) {
            value = (max == null ? value : max).negate();
            max = max == null ? null : a.value().negate();
        }
        return emit(s, original, out, start, a.end(), value, max, a.unit(), a.currency(), a.num().more(),
                a.num().round() || a.num().vague());
    }

    /**
     * The low end of a range shares the high end's magnitude when it has none of its own, so the
     * candidates are tried in order until one is below the high end: 3至5千万 is 3千万 (the whole
     * tail), 二十到三十万 and 一千到两千万 borrow the section magnitude only (万), 30万-40万 nothing.
     */
    private static List<BigDecimal> lowEnds(Num a, Num b) {
        if (a.hasBig()) {
            return List.of(a.value());
        }
        if (a.hasMagnitude()) {
            return List.of(a.value().multiply(b.bigTail()), a.value());
        }
        return List.of(a.value().multiply(b.tail()), a.value().multiply(b.bigTail()), a.value());
    }

    /** Where a minus sign (-22.2%, 负5%) written right before the figure starts, or -1. */
    private static int signAt(String s, int start, List<Quantity> out) {
        int p = start - 1;
        if (p < 0 || (!out.isEmpty() && out.get(out.size() - 1).end() >= p)) {
            return -1;
        }
        char c = s.charAt(p);
        char before = p > 0 ? s.charAt(p - 1) : ' ';
        if (c == '-') {
            // not a range (10-15%), a code (GPT-4) or a date (2024-25)
            boolean joined = isAsciiAlnum(before) || ChineseNumber.isNumeral(before) || "%.-~/)）".indexOf(before) >= 0;
            return joined ? -1 : p;
        }
        if ((c == '负' || c == '負') && before != '正') {
            return p;
        }
        return -1;
    }

    /** 半成 (5%) standing alone: not the tail of 三成半 and not 半成品. */
    private static boolean halfTenth(String s, int i) {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '成') {
            return false;
        }
        if (i + 2 < s.length() && CHENG_WORDS.indexOf(s.charAt(i + 2)) >= 0) {
            return false;
        }
        char prev = i > 0 ? s.charAt(i - 1) : ' ';
        return !(isDigit(prev) || ChineseNumber.isNumeral(prev) || prev == '成' || prev == '多' || prev == '大' || prev == '一');
    }

    /** 几十, 数百, 几万: a vague numeral starts at its placeholder. */
    private static boolean vagueStart(String s, int i) {
        char c = s.charAt(i);
        if (c != '几' && c != '幾' && c != '数' && c != '數') {
            return false;
        }
        return i + 1 < s.length() && ChineseNumber.isNumeral(s.charAt(i + 1)) && !ChineseNumber.isChineseDigit(s.charAt(i + 1));
    }

    /** 上百亿, 上千家, 上万名: 上 before a bare magnitude means "reaching", a round number. */
    private static boolean roundUp(String s, int i) {
        if (i < 1 || s.charAt(i - 1) != '上') {
            return false;
        }
        char m = s.charAt(i);
        if (m == '十' || m == '拾' || ChineseNumber.isChineseDigit(m) || isDigit(m)) {
            return false;
        }
        char before = i >= 2 ? s.charAt(i - 2) : ' ';
        return NOT_ROUND_UP.indexOf(before) < 0 && !ChineseNumber.isNumeral(before);
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
        if (!isDigit(s.charAt(i)) && !vagueStart(s, i) && "数數几幾上成好之".indexOf(prev) >= 0 && !verbCheng
                && !(prev == '上' && roundUp(s, i))) {
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
        return side(s, q, false, a.end());
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
    private Side side(String s, int i, boolean allowBare, int floor) {
        int start = i;
        String prefixCurrency = null;
        int prefixStart = currencyPrefix(s, i, floor);
        if (prefixStart >= 0) {
            start = prefixStart;
            prefixCurrency = CURRENCY_PREFIX_CODES.get(s.substring(prefixStart, skipBackSpace(s, i)));
        }
        Num num = number(s, i, allowBare, prefixCurrency != null);
        if (num == null) {
            return null;
        }
        int n = s.length();
        int k = num.end() < n && s.charAt(num.end()) == ' ' ? num.end() + 1 : num.end();
        if (num.end() < n && s.charAt(num.end()) == '成' && num.tenths()
                && (num.end() + 1 >= n || CHENG_WORDS.indexOf(s.charAt(num.end() + 1)) < 0)) {
            int end = num.end() + 1;
            BigDecimal half = BigDecimal.ZERO;
            if (end < n && s.charAt(end) == '半' && (end + 1 >= n || HALF_WORDS.indexOf(s.charAt(end + 1)) < 0)) {
                half = FIVE; // 三成半 is 35%
                end++;
            }
            return new Side(num, start, "percent", BigDecimal.TEN, true, end, null, half); // 三成 is 30%, 7.2成 72%
        }
        Side change = smallChange(s, num, start);
        if (change != null) {
            return change;
        }
        QuantityUnits.Match m = units.at(s, k);
        if (m != null && (m.token().equals("个") || m.token().equals("個"))) {
            m = afterGe(s, m);
            if (m == null) {
                return new Side(num, start, null, BigDecimal.ONE, false, num.end(), null, BigDecimal.ZERO);
            }
        } else if (m != null && m.token().equals("片")) {
            m = new QuantityUnits.Match(m.token(), isWafer(s, num.start(), m.end()) ? "wafers" : "units", m.factor(), m.end());
        } else if (m != null && (m.token().equals("块") || m.token().equals("塊"))) {
            m = kuai(s, num, m);
        }
        if (m != null) {
            String unit = m.unit();
            String currency = m.currency();
            int end = m.end();
            BigDecimal extra = BigDecimal.ZERO;
            if (isYuan(m.token()) && m.isCurrency()) {
                QuantityUnits.Match named = units.at(s, end);
                if (named != null && named.isCurrency() && !isYuan(named.token())) {
                    currency = named.currency(); // 三万元欧元, 5000万元港币: the currency named after 元 is the one
                    end = named.end();
                } else if (prefixCurrency != null) {
                    currency = prefixCurrency; // 新台幣2兆元, 人民币72亿元: the sign names the currency, 元 repeats it
                } else if (num.zhao()) {
                    currency = "TWD"; // trillions in 兆 are Taiwan usage (the mainland writes 万亿), so 元 is NT$
                }
                unit = QuantityUnits.unitOf(currency);
                if (currency.equals("CNY") && end == m.end()) {
                    YuanChange.Change c = YuanChange.after(s, end, m.token().equals("块") || m.token().equals("塊"));
                    if (c != null) {
                        extra = c.value();
                        end = c.end();
                    }
                }
            }
            return new Side(num, start, unit, m.factor(), true, end, currency, extra);
        }
        String unit = prefixCurrency == null ? null : QuantityUnits.unitOf(prefixCurrency);
        return new Side(num, start, unit, BigDecimal.ONE, false, num.end(), prefixCurrency, BigDecimal.ZERO);
    }

    private static boolean isYuan(String token) {
        return token.equals("元") || token.equals("圆") || token.equals("圓") || token.equals("块") || token.equals("塊");
    }

    /** 5毛钱, 2角5分, 两毛五, 8分钱: sums below a yuan, counted in jiao or fen; null if none. */
    private static Side smallChange(String s, Num num, int start) {
        if (num.hasMagnitude() || num.max() != null || num.more() || num.value().stripTrailingZeros().scale() > 0
                || num.value().compareTo(HUNDRED) >= 0) {
            return null;
        }
        YuanChange.Change c = YuanChange.alone(s, num.end(), num.value());
        if (c == null) {
            return null;
        }
        // a jiao is a tenth of a yuan, a fen a hundredth; what follows (the 5分 of 2角5分) is extra
        BigDecimal factor = s.charAt(num.end()) == '分' ? HUNDREDTH : TENTH;
        return new Side(num, start, "CNY", factor, true, c.end(), "CNY", c.value().subtract(num.value().multiply(factor)));
    }

    /** 块 is a colloquial yuan (12块5, 售价99块) or a counter (3000块GPU). */
    private static QuantityUnits.Match kuai(String s, Num num, QuantityUnits.Match m) {
        return YuanChange.kuaiIsYuan(s, num.start(), m.end())
                ? new QuantityUnits.Match(m.token(), "CNY", BigDecimal.ONE, m.end(), "CNY")
                : m;
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
            int at = before.indexOf(w);
            while (at >= 0) {
                if (!perUnit(before, at)) {
                    return true;
                }
                at = before.indexOf(w, at + 1);
            }
        }
        return false;
    }

    /** 每片晶圆 (per wafer) makes the wafer the denominator: what is counted after it are dies. */
    private static boolean perUnit(String before, int at) {
        int p = at;
        if (p > 0 && (before.charAt(p - 1) == '片')) {
            p--;
        }
        if (p > 0 && before.charAt(p - 1) == '一') {
            p--;
        }
        return p > 0 && (before.charAt(p - 1) == '每' || before.charAt(p - 1) == '单' || before.charAt(p - 1) == '單');
    }

    // ---- numbers ------------------------------------------------------------------------------

    /**
     * The number at {@code i} as the grammar reads it ({@link Numerals}), then 兆 (only before a
     * currency: 兆瓦 is mega), English magnitudes (billion), or K/M/B after a currency sign or
     * before tokens. Null when there is none, when it is a bare magnitude alone (万台, 千元机),
     * or when it is vague and small (十几家, 十来个: narrative, not a figure).
     */
    private Num number(String s, int i, boolean allowBare, boolean currency) {
        int n = s.length();
        if (s.charAt(i) == '零' || s.charAt(i) == '〇') {
            return null; // 零部件; refused before reading the run, or 零点零点… costs its length at every 零
        }
        Numerals.Numeral r = numerals.read(upToFractionWords(s, i), i, false, false);
        if (r == null) {
            return null;
        }
        boolean round = roundUp(s, i) || (i > 0 && NEAR_ROUND.indexOf(s.charAt(i - 1)) >= 0);
        if (r.bare() && !round && (!allowBare || (!r.more() && r.end() - r.start() < 2))) {
            return null;
        }
        if (r.placeholder() && (r.max() == null ? r.value() : r.max()).compareTo(HUNDRED) < 0) {
            return null;
        }
        int q = r.end();
        BigDecimal value = r.value();
        BigDecimal max = r.max();
        BigDecimal tail = r.tail();
        BigDecimal bigTail = r.bigTail();
        boolean hasMagnitude = r.hasMagnitude();
        boolean hasBig = r.hasBig();
        boolean more = r.more();
        boolean zhao = false;
        if (q < n && s.charAt(q) == '兆' && currencyAt(s, q + 1)) {
            BigDecimal t = ChineseNumber.Magnitudes.TRILLION; // 兆元 is Taiwan's trillion
            value = value.multiply(t);
            max = max == null ? null : max.multiply(t);
            tail = tail.multiply(t);
            bigTail = bigTail.multiply(t);
            hasMagnitude = true;
            hasBig = true;
            zhao = true;
            q++;
        }
        if (!r.chinese() && !hasMagnitude) {
            BigDecimal factor = null;
            int e = q;
            int w0 = q < n && s.charAt(q) == ' ' ? q + 1 : q;
            for (int w = 0; w < ENGLISH_MAGNITUDES.size(); w++) {
                String word = ENGLISH_MAGNITUDES.get(w);
                int we = w0 + word.length();
                if (s.regionMatches(true, w0, word, 0, word.length()) && (we >= n || !QuantityUnits.isAsciiLetter(s.charAt(we)))) {
                    factor = ENGLISH_FACTORS.get(w);
                    e = we;
                    break;
                }
            }
            if (factor == null && q < n && "KMBT".indexOf(s.charAt(q)) >= 0
                    && (q + 1 >= n || !QuantityUnits.isAsciiLetter(s.charAt(q + 1)))
                    && (currency || tokensAt(s, q + 1))) {
                factor = switch (s.charAt(q)) {
                    case 'K' -> ChineseNumber.Magnitudes.THOUSAND;
                    case 'M' -> ChineseNumber.Magnitudes.MILLION;
                    case 'B' -> ChineseNumber.Magnitudes.BILLION;
                    default -> ChineseNumber.Magnitudes.TRILLION;
                };
                e = q + 1;
            }
            if (factor != null) {
                value = value.multiply(factor);
                tail = factor;
                bigTail = factor;
                hasMagnitude = true;
                hasBig = true;
                q = e;
            }
        }
        return new Num(i, q, value, max, hasMagnitude, hasBig, tail, bigTail, r.bare(), r.bare() || round,
                r.singleDigit(), more, r.vague(), zhao);
    }

    /**
     * The text the numeral at {@code i} may be read from: it stops before 百分点 and before the
     * magnitude of 十分之一 / 百分之五, which are fractions, not magnitudes of the number before.
     */
    private static CharSequence upToFractionWords(String s, int i) {
        int n = s.length();
        for (int k = i; k < n && k < i + 64; k++) {
            char c = s.charAt(k);
            if (!(isDigit(c) || ChineseNumber.isNumeral(c) || c == '.' || c == ',' || c == ' ' || c == '点' || c == '點'
                    || c == '多' || c == '余' || c == '几' || c == '数' || c == '来')) {
                break;
            }
            if (ChineseNumber.magnitude(c) != null && k > i && (s.startsWith("分之", k + 1) || s.startsWith("百分点", k)
                    || s.startsWith("百分點", k))) {
                return s.substring(0, k);
            }
        }
        return s;
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
    private static int currencyPrefix(String s, int i, int floor) {
        int e = skipBackSpace(s, i);
        for (String prefix : CURRENCY_PREFIXES) {
            int b = e - prefix.length();
            if (b >= floor && s.startsWith(prefix, b)) { // not the currency word that ends the figure before
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
                        return emit(s, original, out, i, high.end(), value, v, "percent", null, false, false);
                    }
                }
            }
        }
        return emit(s, original, out, i, end, value, null, "percent", null, low.more(), false);
    }

    private Num percentNumber(String s, int p) {
        if (p >= s.length()) {
            return null;
        }
        if (s.charAt(p) == '百' && (p + 1 >= s.length() || !ChineseNumber.isNumeral(s.charAt(p + 1)))) {
            return new Num(p, p + 1, ChineseNumber.Magnitudes.HUNDRED, null, false, false, BigDecimal.ONE, BigDecimal.ONE,
                    false, false, false, false, false, false);
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
        return emit(s, original, out, i, m.end(), value, null, "multiple", null, false, false);
    }

    // ---- output -------------------------------------------------------------------------------

    /**
     * Adds one figure; {@code approx} marks a vague or round number (几十亿, 万亿美元). A value
     * beyond any real figure (a run of thousands of digits) is dropped: never Infinity.
     */
    private int emit(String s, String original, List<Quantity> out, int start, int end, BigDecimal value,
                     BigDecimal max, String unit, String currency, boolean more, boolean approx) {
        if (value.abs().compareTo(MAX_FIGURE) > 0 || (max != null && max.abs().compareTo(MAX_FIGURE) > 0)) {
            return end;
        }
        int floor = out.isEmpty() ? 0 : out.get(out.size() - 1).end();
        String qualifier = qualifiers.before(s, start, floor);
        QuantityQualifiers.Suffix suffix = qualifiers.after(s, end);
        if (qualifier == null && suffix != null) {
            qualifier = suffix.qualifier();
        }
        if (qualifier == null && more) {
            qualifier = QuantityQualifiers.OVER;
        }
        if (qualifier == null && approx) {
            qualifier = QuantityQualifiers.APPROX;
        }
        if (qualifier == null && qualifiers.forecast(s, start)) {
            qualifier = QuantityQualifiers.FORECAST;
        }
        if (qualifier == null) {
            qualifier = QuantityQualifiers.EXACT;
        }
        out.add(new Quantity(value.doubleValue(), max == null ? null : max.doubleValue(), unit, qualifier,
                start, end, original.substring(start, end), currency));
        return suffix != null ? suffix.end() : end;
    }

    /** The letter codes of the currency signs (RMB, USD, and the US of US$), which may be glued to a number. */
    private static Set<String> currencyCodes() {
        Set<String> codes = new java.util.HashSet<>();
        for (String prefix : CURRENCY_PREFIX_CODES.keySet()) {
            String letters = prefix.endsWith("$") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (letters.length() >= 2 && letters.chars().allMatch(c -> QuantityUnits.isAsciiLetter((char) c))) {
                codes.add(letters.toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(codes);
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
                    case '，' -> fullWidthThousands(in, i) ? ',' : c;
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

    /** A full-width comma between full-width digits with three after it (８２，２２５) separates thousands. */
    private static boolean fullWidthThousands(String in, int i) {
        if (i == 0 || i + 3 >= in.length() + 0 || !isFullWidthDigit(in.charAt(i - 1))) {
            return false;
        }
        for (int k = 1; k <= 3; k++) {
            if (i + k >= in.length() || !isFullWidthDigit(in.charAt(i + k))) {
                return false;
            }
        }
        return i + 4 >= in.length() || !isFullWidthDigit(in.charAt(i + 4));
    }

    private static boolean isFullWidthDigit(char c) {
        return c >= '０' && c <= '９';
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
