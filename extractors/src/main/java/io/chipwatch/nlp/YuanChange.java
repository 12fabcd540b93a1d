package io.chipwatch.nlp;

import java.math.BigDecimal;
import java.util.List;

/**
 * The small change of Chinese prices: 角 or 毛 (tenths of a yuan) and 分 (hundredths), after a sum
 * in yuan (3元5角, 一元二角五分, 12块5) or alone (5毛钱, 2角5分, 两毛五, 8分钱); and whether 块 is
 * a colloquial yuan or a counter. Stateless.
 */
final class YuanChange {

    /** A value in yuan, and where the words that gave it end. */
    record Change(BigDecimal value, int end) {
    }

    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");
    /** Words in the clause that make a bare 块 a price in yuan (售价99块, 月薪8千块). */
    private static final List<String> PRICE_WORDS = List.of("价", "價", "卖", "賣", "薪", "工资", "工資", "花", "收费", "收費",
            "成本", "便宜", "贵", "貴", "赚", "賺", "钱", "錢", "补贴", "補貼", "奖", "獎");
    /** How far back a price word may be, within the clause. */
    private static final int PRICE_REACH = 12;

    private YuanChange() {
    }

    /** The change written right after 元 or 块 ending at {@code p} (3元5角, 12块5), or null. */
    static Change after(String s, int p, boolean afterKuai) {
        int n = s.length();
        int q = p;
        BigDecimal v = BigDecimal.ZERO;
        int d = digit(s, q);
        if (d >= 0 && q + 1 < n && (s.charAt(q + 1) == '角' || s.charAt(q + 1) == '毛')) {
            v = v.add(BigDecimal.valueOf(d).multiply(TENTH));
            q += 2;
        } else if (d >= 0 && afterKuai && endsPhrase(s, q + 1)) {
            return new Change(BigDecimal.valueOf(d).multiply(TENTH), q + 1); // 12块5: the digit is jiao
        }
        d = digit(s, q);
        if (d >= 0 && q + 1 < n && s.charAt(q + 1) == '分') {
            v = v.add(BigDecimal.valueOf(d).multiply(HUNDREDTH));
            q += 2;
        }
        return q == p ? null : new Change(v, money(s, q));
    }

    /**
     * {@code count} jiao or fen written at {@code p} (5毛钱, 2角5分, 两毛五, 8分钱) in yuan, or null
     * when the word there is no money (角度, 毛利, 三角形, 8分 as a score).
     */
    static Change alone(String s, int p, BigDecimal count) {
        int n = s.length();
        if (p >= n) {
            return null;
        }
        char c = s.charAt(p);
        if (c == '分') {
            return isQian(s, p + 1) ? new Change(count.multiply(HUNDREDTH), p + 2) : null;
        }
        if (c != '角' && c != '毛') {
            return null;
        }
        BigDecimal v = count.multiply(TENTH);
        int q = p + 1;
        int d = digit(s, q);
        if (d >= 0 && q + 1 < n && s.charAt(q + 1) == '分') {
            return new Change(v.add(BigDecimal.valueOf(d).multiply(HUNDREDTH)), money(s, q + 2)); // 2角5分
        }
        if (d >= 0 && endsPhrase(s, q + 1)) {
            return new Change(v.add(BigDecimal.valueOf(d).multiply(HUNDREDTH)), q + 1); // 两毛五
        }
        if (!isQian(s, q) && !endsPhrase(s, q)) {
            return null;
        }
        return new Change(v, money(s, q));
    }

    /**
     * Whether 块 ending at {@code kuaiEnd} is yuan: before jiao (12块5, 3块5毛), or at the end of a
     * phrase about a price or pay (售价99块, 月薪8千块). Elsewhere it counts chips and boards.
     */
    static boolean kuaiIsYuan(String s, int numStart, int kuaiEnd) {
        if (digit(s, kuaiEnd) >= 0) {
            return after(s, kuaiEnd, true) != null;
        }
        if (!endsPhrase(s, kuaiEnd)) {
            return false;
        }
        int from = numStart;
        while (from > 0 && from > numStart - PRICE_REACH && "，,。；;！!？?\n".indexOf(s.charAt(from - 1)) < 0) {
            from--;
        }
        String before = s.substring(from, numStart);
        for (String w : PRICE_WORDS) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** An Arabic or Chinese digit at {@code q}, else -1. */
    private static int digit(String s, int q) {
        if (q >= s.length()) {
            return -1;
        }
        char c = s.charAt(q);
        return (c >= '0' && c <= '9') || ChineseNumber.isChineseDigit(c) ? ChineseNumber.digitValue(c) : -1;
    }

    /** Punctuation, 的 or the end of the text: nothing more belongs to the figure. */
    private static boolean endsPhrase(String s, int q) {
        return q >= s.length() || "，,。；;、）)！!？? 的\n".indexOf(s.charAt(q)) >= 0;
    }

    private static boolean isQian(String s, int q) {
        return q < s.length() && (s.charAt(q) == '钱' || s.charAt(q) == '錢');
    }

    /** Past a trailing 钱 (5毛钱, 3元5角钱). */
    private static int money(String s, int q) {
        return isQian(s, q) ? q + 1 : q;
    }
}
