package io.chipwatch.time;

/** Arabic and Chinese numerals as they appear in dates, quarters and counts of years. */
final class TimeNumerals {

    /** Chinese digits usable in a year written digit by digit, such as 二〇二五. */
    static final String CN_DIGITS = "〇○零一二三四五六七八九";

    private TimeNumerals() {
    }

    /**
     * The value of an Arabic numeral, a Chinese numeral below 100 (十五, 二十, 两) or a Chinese
     * year spelled digit by digit (二〇二五); -1 when the text is not one.
     */
    static int parse(String s) {
        if (s == null) {
            return -1;
        }
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return -1;
        }
        int ten = t.indexOf('十');
        if (ten >= 0) {
            if (ten > 1 || t.length() > ten + 2) {
                return -1;
            }
            int tens = ten == 0 ? 1 : digit(t.charAt(0));
            int ones = ten == t.length() - 1 ? 0 : digit(t.charAt(ten + 1));
            return tens <= 0 || ones < 0 ? -1 : tens * 10 + ones;
        }
        int value = 0;
        for (int i = 0; i < t.length(); i++) {
            int d = digit(t.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
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
            int d = digit(c);
            if (d >= 1 && d <= 4) {
                return d;
            }
        }
        return -1;
    }

    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case '〇', '○', '零' -> 0;
            case '一' -> 1;
            case '二', '两', '兩' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
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
