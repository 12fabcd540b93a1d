package io.chipwatch.time;

import io.chipwatch.nlp.ChineseNumber;

import java.math.BigDecimal;

/**
 * The one place where time expressions read numerals: every count, year, month, day and quarter
 * goes through here to the project's numeral grammar ({@link ChineseNumber}), so time words and
 * quantities agree on what a numeral is and a change of grammar is made once.
 */
final class TimeNumerals {

    /** Chinese digits usable in a year written digit by digit, such as 二〇二五. */
    static final String CN_DIGITS = "〇○零一二三四五六七八九";

    private TimeNumerals() {
    }

    /**
     * The whole, non-negative value of an Arabic or Chinese numeral (15, 十五, 两, 一百, or a year
     * spelled digit by digit such as 二〇二五); -1 when the text is not one.
     */
    static int parse(String s) {
        if (s == null) {
            return -1;
        }
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return -1;
        }
        // ○ (a circle sign) stands in for 〇 in years typed on some keyboards
        BigDecimal v = ChineseNumber.parseDecimal(t.replace('○', '〇'));
        if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return -1;
        }
        try {
            return v.intValueExact();
        } catch (ArithmeticException notWhole) {
            return -1;
        }
    }

    /**
     * A count of units (三, 十五, 一百, 12); -1 for Chinese digits strung together without a
     * magnitude (两三, 三五), which give an approximate count (two or three), not 23 or 35.
     */
    static int count(String s) {
        if (s == null) {
            return -1;
        }
        String t = s.strip();
        boolean allDigits = t.length() > 1 && t.chars().allMatch(c -> CN_DIGITS.indexOf(c) >= 0 || c == '两' || c == '兩');
        return allDigits ? -1 : parse(t);
    }

    /** A year; two digits (FY26, 1Q26) mean this century. */
    static int year(String s) {
        int v = parse(s);
        return v >= 0 && s.strip().length() == 2 ? 2000 + v : v;
    }

    /** The quarter number in a phrase such as 第三季度, 1季度, 首季, Q4 or 4Q; -1 if none. */
    static int quarter(String phrase) {
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c == '首') {
                return 1;
            }
            int d = parse(String.valueOf(c));
            if (d >= 1 && d <= 4) {
                return d;
            }
        }
        return -1;
    }

    /**
     * Maps full-width ASCII (２０２５, Ｑ４) and odd spaces to plain ASCII. One char in, one char
     * out, so offsets found in the result are offsets in the original.
     */
    static String fold(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                out[i] = ' ';
            }
        }
        return new String(out);
    }
}
