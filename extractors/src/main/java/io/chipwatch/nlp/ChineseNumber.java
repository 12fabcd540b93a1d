package io.chipwatch.nlp;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * Parses numerals as they are written in Chinese news: Arabic digits ("1,229", "4.5"), Chinese
 * numerals ("两千亿", "三百万", "十二", "三点五"), Traditional and financial forms (億, 萬, 兩, 壹, 貳),
 * and mixes of Arabic mantissa and Chinese magnitude ("4.5万亿", "1400亿").
 *
 * <p>A thin front over {@link Numerals}, the grammar that reads numerals inside running text.
 * Arithmetic is done in {@link BigDecimal} so that "300" times 0.001 comes out as exactly 0.3
 * and "4.5万亿" as exactly 4.5e12, not as a binary approximation with a tail.
 *
 * <p>兆 is always 1e12 here (Taiwan usage); the caller decides whether a 兆 in running text is a
 * magnitude at all (in mainland text 兆 is mostly "mega", as in 兆瓦).
 */
public final class ChineseNumber {

    private static final BigDecimal TEN = BigDecimal.TEN;
    /**
     * The longest numeral parsed, in chars without grouping commas. Real ones are far shorter
     * (一千二百三十四万五千六百七十八 has 15); the parse recurses once per magnitude, so a run of
     * thousands of 亿 must be refused before it, not overflow the stack inside it.
     */
    static final int MAX_NUMERAL_CHARS = 40;

    private ChineseNumber() {
    }

    /** The value of {@code text}, or empty when it is not a well-formed numeral. */
    public static OptionalDouble parse(CharSequence text) {
        BigDecimal v = parseDecimal(text);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v.doubleValue());
    }

    /** The exact value of {@code text}, or {@code null} when it is not a well-formed numeral. */
    public static BigDecimal parseDecimal(CharSequence text) {
        if (text == null) {
            return null;
        }
        String t = text.toString().strip();
        if (t.isEmpty() || t.length() > MAX_NUMERAL_CHARS) {
            return null;
        }
        Numerals.Numeral n = Numerals.standard().read(t, 0, true, true);
        return n == null || n.end() != t.length() || n.vague() || n.more() ? null : n.value();
    }

    /**
     * A percentage written in any of the usual ways, in percent: "56%" and "56％" are 56,
     * "百分之五十" is 50, "千分之五" is 0.5, "三成" is 30.
     */
    public static OptionalDouble parsePercent(CharSequence text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String t = text.toString().strip();
        BigDecimal v = null;
        if (t.endsWith("%") || t.endsWith("％")) {
            v = parseDecimal(t.substring(0, t.length() - 1));
        } else if (t.startsWith("百分之")) {
            v = parseDecimal(t.substring(3));
        } else if (t.startsWith("千分之")) {
            v = scale(parseDecimal(t.substring(3)), new BigDecimal("0.1"));
        } else if (t.endsWith("成")) {
            v = scale(parseDecimal(t.substring(0, t.length() - 1)), TEN);
        }
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v.doubleValue());
    }

    /** 0-9 for an Arabic or Chinese digit (including 〇, 两 and the financial forms), else -1. */
    static int digitValue(char c) {
        return Numerals.standard().digitValue(c);
    }

    /** A Chinese (not Arabic) digit. */
    static boolean isChineseDigit(char c) {
        return Numerals.standard().isChineseDigit(c);
    }

    /** The place value of a Chinese magnitude character (十 百 千 万 亿 兆 and variants), else null. */
    static BigDecimal magnitude(char c) {
        return Numerals.standard().magnitude(c);
    }

    /** A character that can be part of a Chinese numeral run (digits and magnitudes, not 兆). */
    static boolean isNumeral(char c) {
        return Numerals.standard().isNumeral(c);
    }

    private static BigDecimal scale(BigDecimal v, BigDecimal by) {
        return v == null ? null : v.multiply(by);
    }

    /** Shared constants; BigDecimal is immutable, so sharing them is safe. */
    static final class Magnitudes {
        static final BigDecimal HUNDRED = new BigDecimal("100");
        static final BigDecimal THOUSAND = new BigDecimal("1000");
        static final BigDecimal TEN_THOUSAND = new BigDecimal("1E4");
        static final BigDecimal MILLION = new BigDecimal("1E6");
        static final BigDecimal HUNDRED_MILLION = new BigDecimal("1E8");
        static final BigDecimal BILLION = new BigDecimal("1E9");
        static final BigDecimal TRILLION = new BigDecimal("1E12");

        private Magnitudes() {
        }
    }
}
