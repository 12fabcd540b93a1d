package io.chipwatch.nlp;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * Parses numerals as they are written in Chinese news: Arabic digits ("1,229", "4.5"), Chinese
 * numerals ("两千亿", "三百万", "十二", "三点五"), Traditional and financial forms (億, 萬, 兩, 壹, 貳),
 * and mixes of Arabic mantissa and Chinese magnitude ("4.5万亿", "1400亿").
 *
 * <p>Arithmetic is done in {@link BigDecimal} so that "300" times 0.001 comes out as exactly 0.3
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
        String t = text.toString().strip().replace(",", "");
        return t.isEmpty() || t.length() > MAX_NUMERAL_CHARS ? null : section(t);
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
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '兩', '贰', '貳' -> 2;
            case '三', '叁', '參' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    /** A Chinese (not Arabic) digit. */
    static boolean isChineseDigit(char c) {
        return (c < '0' || c > '9') && digitValue(c) >= 0;
    }

    /** The place value of a Chinese magnitude character (十 百 千 万 亿 兆 and variants), else null. */
    static BigDecimal magnitude(char c) {
        return switch (c) {
            case '十', '拾' -> TEN;
            case '百', '佰' -> Magnitudes.HUNDRED;
            case '千', '仟' -> Magnitudes.THOUSAND;
            case '万', '萬' -> Magnitudes.TEN_THOUSAND;
            case '亿', '億' -> Magnitudes.HUNDRED_MILLION;
            case '兆' -> Magnitudes.TRILLION;
            default -> null;
        };
    }

    /** A character that can be part of a Chinese numeral run (digits and magnitudes, not 兆). */
    static boolean isNumeral(char c) {
        return isChineseDigit(c) || (c != '兆' && magnitude(c) != null);
    }

    // Splits on the largest magnitude first, so that "1亿2千万" is 1 x 亿 + (2千 x 万) and
    // "4.5万亿" is (4.5 x 万) x 亿: the left side of a magnitude multiplies it, the right side adds.
    private static BigDecimal section(String t) {
        for (String group : SPLIT_ORDER) {
            for (int i = 0; i < t.length(); i++) {
                if (group.indexOf(t.charAt(i)) >= 0) {
                    return combine(t, i, magnitude(t.charAt(i)));
                }
            }
        }
        return leaf(t);
    }

    private static final String[] SPLIT_ORDER = {"兆", "亿億", "万萬", "千仟", "百佰", "十拾"};

    private static BigDecimal combine(String t, int at, BigDecimal unit) {
        String left = t.substring(0, at);
        String right = t.substring(at + 1);
        BigDecimal l = left.isEmpty() ? BigDecimal.ONE : section(left);
        if (l == null) {
            return null;
        }
        boolean zero = false;
        while (!right.isEmpty() && (right.charAt(0) == '零' || right.charAt(0) == '〇')) {
            right = right.substring(1);
            zero = true;
        }
        BigDecimal r;
        if (right.isEmpty()) {
            r = BigDecimal.ZERO;
        } else if (!zero && unit.compareTo(TEN) > 0 && right.length() == 1 && isChineseDigit(right.charAt(0))) {
            // Colloquial abbreviation: 一万二 is 12000, 两千三 is 2300, 一百五 is 150.
            r = BigDecimal.valueOf(digitValue(right.charAt(0))).multiply(unit).divide(TEN);
        } else {
            r = section(right);
            if (r == null || r.compareTo(unit) >= 0) {
                return null; // "千千" or "万十万" is not a numeral
            }
        }
        return l.multiply(unit).add(r);
    }

    private static BigDecimal leaf(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        boolean dot = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int d = digitValue(c);
            if (d >= 0) {
                sb.append((char) ('0' + d));
            } else if ((c == '.' || c == '点' || c == '點') && !dot) {
                sb.append('.');
                dot = true;
            } else {
                return null;
            }
        }
        if (sb.length() == 0 || (dot && sb.length() == 1) || sb.charAt(sb.length() - 1) == '.' || sb.charAt(0) == '.') {
            return null;
        }
        return new BigDecimal(sb.toString());
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
