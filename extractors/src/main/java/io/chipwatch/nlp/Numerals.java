package io.chipwatch.nlp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeral grammar shared by quantities, dates and periods: Arabic numbers (with thousands
 * commas and decimals, full-width forms included), Chinese numerals in everyday, Traditional and
 * financial (大写) forms, and any mix of the two ({@code 5万4千6百}, {@code 3万4000},
 * {@code 1亿2千万}, {@code 4.5万亿}, {@code 一百多亿}). Vague numerals read as ranges: a
 * placeholder digit ({@code 几十亿}, {@code 数百万}, {@code 十几万}: 几/数 before a magnitude
 * stands for 2..9, after one for 1..9) or two neighbouring digits before a magnitude
 * ({@code 两三万}, {@code 七八十}).
 *
 * <p>One left-to-right pass: the text is cut into tokens (numbers, place values 十百千, section
 * magnitudes 万亿, 零, 多/余, 来) and the tokens are folded with a fixed amount of state, so the
 * time is linear and nothing recurses, whatever the input. Where the tokens stop making a numeral
 * ({@code 千千}, {@code 万十万}) the numeral ends before the token that broke it.
 *
 * <p>Tables (digits, magnitudes) come from {@code chipwatch/numerals.yml}. Immutable and
 * thread-safe; {@link #standard()} is the shared instance.
 */
public final class Numerals {

    /** Integer digits beyond this are an identifier (card, order or ID number), not a quantity. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Tokens beyond this (digits, magnitudes, 零) make no quantity anyone writes. */
    static final int MAX_TOKENS = 40;
    /** Values beyond this are not quantities anyone writes; refusing them keeps doubles finite. */
    static final BigDecimal MAX_VALUE = new BigDecimal("1E20");

    /**
     * A numeral read from text.
     *
     * @param start        where it starts (UTF-16 offset into the text read)
     * @param end          just after its last character
     * @param value        its value; the low end when it is vague
     * @param max          the high end of a vague numeral (几十亿: 9e9), else null
     * @param chinese      whether any Chinese character is part of it
     * @param hasMagnitude whether a place value or magnitude (十 百 千 万 亿) is written
     * @param hasBig       whether a section magnitude (万 亿, 兆 where allowed) is written
     * @param tail         the product of the magnitudes written after its last digit (两千万: 1e7), else 1
     * @param bigTail      the product of the section magnitudes at its very end (两千万: 1e4), else 1
     * @param bare         it starts with a magnitude and no digit (万亿, 百余), 十 excepted
     * @param singleDigit  it is one Chinese digit (两, 三)
     * @param more         多 or 余 is written in it (30多万, 百余)
     * @param placeholder  几, 数 or 来 stands for a digit (几十亿, 十来万)
     * @param stutter      two neighbouring digits make it a range (两三万)
     */
    public record Numeral(int start, int end, BigDecimal value, BigDecimal max, boolean chinese, boolean hasMagnitude,
                          boolean hasBig, BigDecimal tail, BigDecimal bigTail, boolean bare, boolean singleDigit,
                          boolean more, boolean placeholder, boolean stutter) {

        /** Whether it stands for a span of values rather than one (几十亿, 两三万, 十来万). */
        public boolean vague() {
            return placeholder || stutter;
        }
    }

    private enum Kind { NUM, ZERO, SMALL, BIG, MORE, LAI }

    /** One token; for NUM, low/high are the digit's values (equal unless it is vague). */
    private record Tok(Kind kind, int end, BigDecimal low, BigDecimal high, boolean chineseDigit, boolean arabic) {
        Tok withHigh(BigDecimal h, int newEnd) {
            return new Tok(kind, newEnd, low, h, chineseDigit, arabic);
        }

        Tok withValue(BigDecimal v, int newEnd, boolean digitString) {
            return new Tok(kind, newEnd, v, v, chineseDigit && !digitString, arabic);
        }

        boolean isMagnitude() {
            return kind == Kind.SMALL || kind == Kind.BIG;
        }
    }

    private static final Numerals STANDARD = new Numerals(NumeralTables.standard());

    private final NumeralTables tables;

    Numerals(NumeralTables tables) {
        this.tables = tables;
    }

    /** The grammar over the tables of the models module. */
    public static Numerals standard() {
        return STANDARD;
    }

    /**
     * The longest numeral starting at {@code at}, or null when none starts there. 兆 is not read;
     * Chinese digits written one by one (二〇二五, 一九九九) are.
     */
    public Numeral read(CharSequence s, int at) {
        return read(s, at, false, true);
    }

    /**
     * The longest numeral starting at {@code at}, or null.
     *
     * @param zhaoTrillion read 兆 as 10^12 (money in Taiwan and Japan); otherwise 兆 ends the numeral
     * @param digitStrings read Chinese digits written one by one (二〇二五) as one number; otherwise
     *                     two Chinese digits in a row that are not a vague range (三五成群) are no numeral
     */
    public Numeral read(CharSequence s, int at, boolean zhaoTrillion, boolean digitStrings) {
        if (s == null || at < 0 || at >= s.length()) {
            return null;
        }
        List<Tok> toks = tokens(s, at, zhaoTrillion, digitStrings);
        if (toks == null || toks.isEmpty()) {
            return null;
        }
        Tok first = toks.get(0);
        if (toks.size() == 1 && first.arabic()) {
            // the common case in news (500颗, 12.5%): one Arabic number, nothing to fold
            return new Numeral(at, first.end(), first.low(), null, false, false, false, BigDecimal.ONE, BigDecimal.ONE,
                    false, false, false, false, false);
        }
        Fold low = fold(toks, false);
        if (low.used() == 0) {
            return null;
        }
        boolean vague = false;
        for (int k = 0; k < low.used(); k++) {
            Tok t = toks.get(k);
            vague |= t.kind() == Kind.LAI || (t.kind() == Kind.NUM && t.low().compareTo(t.high()) != 0);
        }
        BigDecimal max = vague ? fold(toks, true).value() : null;
        if (low.value().abs().compareTo(MAX_VALUE) > 0 || (max != null && max.abs().compareTo(MAX_VALUE) > 0)) {
            return null;
        }
        return describe(s, at, toks.subList(0, low.used()), low.value(), max != null && max.compareTo(low.value()) > 0 ? max : null);
    }

    /** Whether {@code c} is a Chinese digit (including 零 and the financial forms). */
    public boolean isChineseDigit(char c) {
        return tables.digit(c) >= 0;
    }

    /** 0-9 for an Arabic, full-width or Chinese digit, else -1. */
    public int digitValue(char c) {
        char f = fold(c);
        if (f >= '0' && f <= '9') {
            return f - '0';
        }
        return tables.digit(c);
    }

    /** The place value of 十 百 千 万 亿 (and 兆, as 10^12) and their variants, else null. */
    public BigDecimal magnitude(char c) {
        BigDecimal m = tables.small(c);
        if (m == null) {
            m = tables.big(c);
        }
        return m == null && c == tables.trillion() ? NumeralTables.TRILLION : m;
    }

    /** A Chinese digit or magnitude, 兆 excepted: a character a Chinese numeral is made of. */
    public boolean isNumeral(char c) {
        return tables.digit(c) >= 0 || tables.small(c) != null || tables.big(c) != null;
    }

    // ---- tokens -------------------------------------------------------------------------------

    private List<Tok> tokens(CharSequence s, int at, boolean zhao, boolean digitStrings) {
        int n = s.length();
        List<Tok> toks = new ArrayList<>();
        boolean more = false;
        int p = at;
        while (p < n) {
            if (toks.size() > MAX_TOKENS) {
                return null; // nobody writes a quantity this long; reading on would make runs quadratic
            }
            char c = fold(s.charAt(p));
            Tok last = toks.isEmpty() ? null : toks.get(toks.size() - 1);
            if (c >= '0' && c <= '9') {
                if (last != null && (last.kind() == Kind.NUM || last.kind() == Kind.MORE || last.kind() == Kind.LAI)) {
                    break;
                }
                int q = arabicEnd(s, p);
                if (q < 0) {
                    return null; // too many digits: an identifier, not a quantity
                }
                BigDecimal v = arabicValue(s, p, q);
                toks.add(new Tok(Kind.NUM, q, v, v, false, true));
                p = q;
                if (p + 1 < n && s.charAt(p) == ' ' && isMagnitudeChar(s.charAt(p + 1), zhao)) {
                    p++; // "10 万张": spacing tools put a blank between Latin digits and Han characters
                }
                continue;
            }
            int d = tables.digit(c);
            if (d == 0) {
                if (last == null) {
                    if (p + 2 < n && isPoint(s.charAt(p + 1)) && tables.digit(s.charAt(p + 2)) >= 0) {
                        toks.add(new Tok(Kind.NUM, p + 1, BigDecimal.ZERO, BigDecimal.ZERO, true, false));
                        p = chineseFraction(s, p + 1, toks);
                        continue;
                    }
                    return null; // 零部件, 〇〇七
                }
                if (last.kind() == Kind.NUM && !last.arabic() && digitStrings && toks.size() == 1 && last.low().scale() <= 0
                        && last.low().compareTo(last.high()) == 0) {
                    toks.set(toks.size() - 1, last.withValue(last.low().multiply(BigDecimal.TEN), p + 1, true));
                    p++;
                    continue;
                }
                if (last.isMagnitude() || last.kind() == Kind.ZERO) {
                    toks.add(new Tok(Kind.ZERO, p + 1, null, null, false, false));
                    p++;
                    continue;
                }
                break;
            }
            if (d > 0) {
                if (last != null && last.kind() == Kind.NUM && last.arabic()) {
                    break;
                }
                if (last != null && last.kind() == Kind.NUM) {
                    boolean neighbours = last.chineseDigit() && last.low().compareTo(last.high()) == 0
                            && last.low().intValue() > 0 && d == last.low().intValue() + 1;
                    if (neighbours && p + 1 < n && isMagnitudeChar(s.charAt(p + 1), zhao)) {
                        toks.set(toks.size() - 1, last.withHigh(BigDecimal.valueOf(d), p + 1)); // 两三万, 七八十
                        p++;
                        continue;
                    }
                    if (digitStrings && toks.size() == 1 && last.low().scale() <= 0 && last.low().compareTo(last.high()) == 0) {
                        toks.set(toks.size() - 1, last.withValue(last.low().multiply(BigDecimal.TEN).add(BigDecimal.valueOf(d)), p + 1, true));
                        p++;
                        continue;
                    }
                    return null; // 三五成群, 十四五: digits side by side are no quantity
                }
                if (last != null && (last.kind() == Kind.MORE || last.kind() == Kind.LAI)) {
                    break;
                }
                toks.add(new Tok(Kind.NUM, p + 1, BigDecimal.valueOf(d), BigDecimal.valueOf(d), true, false));
                p++;
                if (p + 1 < n && isPoint(s.charAt(p)) && tables.digit(s.charAt(p + 1)) >= 0) {
                    p = chineseFraction(s, p, toks); // 三点五
                }
                continue;
            }
            if (c == '几' || c == '幾' || ((c == '数' || c == '數') && last == null)) {
                boolean afterMagnitude = last != null && last.isMagnitude();
                boolean beforeMagnitude = p + 1 < n && isMagnitudeChar(s.charAt(p + 1), zhao);
                if ((last != null && !afterMagnitude) || (!afterMagnitude && !beforeMagnitude)
                        || ((c == '数' || c == '數') && !beforeMagnitude)) {
                    break;
                }
                BigDecimal lowDigit = afterMagnitude ? BigDecimal.ONE : BigDecimal.valueOf(2);
                toks.add(new Tok(Kind.NUM, p + 1, lowDigit, BigDecimal.valueOf(9), false, false));
                p++;
                continue;
            }
            BigDecimal small = tables.small(c);
            if (small != null) {
                if (last != null && (last.kind() == Kind.MORE || last.kind() == Kind.LAI)) {
                    break;
                }
                toks.add(new Tok(Kind.SMALL, p + 1, small, small, false, false));
                p++;
                continue;
            }
            BigDecimal big = tables.big(c);
            if (big == null && zhao && c == tables.trillion()) {
                big = NumeralTables.TRILLION;
            }
            if (big != null) {
                toks.add(new Tok(Kind.BIG, p + 1, big, big, false, false));
                p++;
                continue;
            }
            if ((c == '多' || c == '余' || c == '餘') && last != null && !more && p + 1 < n
                    && (last.isMagnitude() || (last.kind() == Kind.NUM && last.low().compareTo(last.high()) == 0))) {
                toks.add(new Tok(Kind.MORE, p + 1, null, null, false, false)); // 30多万, 1000多家, 百余家
                more = true;
                p++;
                continue;
            }
            if ((c == '来' || c == '來') && last != null && last.kind() == Kind.SMALL) {
                toks.add(new Tok(Kind.LAI, p + 1, null, null, false, false)); // 十来万: about ten
                p++;
                continue;
            }
            break;
        }
        while (!toks.isEmpty() && toks.get(toks.size() - 1).kind() == Kind.ZERO) {
            toks.remove(toks.size() - 1);
        }
        return toks;
    }

    /** Fraction digits after 点 (三点五, 零点五); returns where they end. */
    private int chineseFraction(CharSequence s, int point, List<Tok> toks) {
        Tok last = toks.get(toks.size() - 1);
        StringBuilder frac = new StringBuilder();
        int p = point + 1;
        while (p < s.length() && tables.digit(s.charAt(p)) >= 0 && frac.length() < MAX_INTEGER_DIGITS) {
            frac.append(tables.digit(s.charAt(p)));
            p++;
        }
        BigDecimal v = new BigDecimal(last.low().toPlainString() + "." + frac);
        toks.set(toks.size() - 1, new Tok(Kind.NUM, p, v, v, false, false));
        return p;
    }

    /** End of an Arabic number at {@code p} (commas between groups of three, one decimal point), or -1 if too long. */
    private static int arabicEnd(CharSequence s, int p) {
        int n = s.length();
        int q = p;
        while (q < n && isAsciiDigit(s.charAt(q))) {
            q++;
        }
        int digits = q - p;
        if (digits <= 3) {
            while (q + 3 < n && isThousandsComma(s, q) && isAsciiDigit(s.charAt(q + 1)) && isAsciiDigit(s.charAt(q + 2))
                    && isAsciiDigit(s.charAt(q + 3)) && (q + 4 >= n || !isAsciiDigit(s.charAt(q + 4)))) {
                q += 4;
                digits += 3;
            }
        }
        if (digits > MAX_INTEGER_DIGITS) {
            return -1;
        }
        if (q + 1 < n && (s.charAt(q) == '.' || s.charAt(q) == '．') && isAsciiDigit(s.charAt(q + 1))) {
            q++;
            int f = q;
            while (q < n && isAsciiDigit(s.charAt(q))) {
                q++;
            }
            if (q - f > MAX_INTEGER_DIGITS) {
                return -1;
            }
        }
        return q;
    }

    /** A comma between thousands: ASCII, or a full-width one between full-width digits (８２，２２５). */
    private static boolean isThousandsComma(CharSequence s, int q) {
        char c = s.charAt(q);
        if (c == ',') {
            return true;
        }
        return c == '，' && q > 0 && isFullWidthDigit(s.charAt(q - 1)) && q + 1 < s.length() && isFullWidthDigit(s.charAt(q + 1));
    }

    private static BigDecimal arabicValue(CharSequence s, int p, int q) {
        StringBuilder b = new StringBuilder(q - p);
        for (int k = p; k < q; k++) {
            char c = fold(s.charAt(k));
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c == '.') {
                b.append('.');
            }
        }
        return new BigDecimal(b.toString());
    }

    // ---- folding the tokens into a value ------------------------------------------------------

    private record Fold(BigDecimal value, int used) {
    }

    /**
     * Folds tokens left to right: digits wait in {@code pending}; a place value (十百千) multiplies
     * the pending digit into the section; a section magnitude (万亿) either scales all that came
     * before (4.5万亿, 十二万…亿) or adds a lower section (1亿2千万). Stops at the first token
     * that does not fit and reports how many were used.
     */
    private static Fold fold(List<Tok> toks, boolean high) {
        BigDecimal acc = BigDecimal.ZERO;
        BigDecimal sec = BigDecimal.ZERO;
        BigDecimal pending = null;
        BigDecimal lastSmall = null;
        BigDecimal lastBig = null;
        BigDecimal maxBig = null;
        BigDecimal lastMagnitude = null;
        boolean abbreviable = false;
        boolean zero = false;
        int used = 0;
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            Tok prev = k == 0 ? null : toks.get(k - 1);
            boolean ok = true;
            switch (t.kind()) {
                case NUM -> {
                    if (pending != null || (k == 1 && prev.isMagnitude() && prev.low().compareTo(BigDecimal.TEN) != 0)) {
                        ok = false; // 万一, 千三: a bare magnitude takes no digit after it
                    } else {
                        pending = high ? t.high() : t.low();
                        abbreviable = t.chineseDigit() && !zero && prev != null && prev.isMagnitude()
                                && lastMagnitude != null && lastMagnitude.compareTo(BigDecimal.TEN) > 0
                                && t.low().compareTo(t.high()) == 0;
                    }
                }
                case ZERO -> zero = true;
                case SMALL -> {
                    boolean implicitOne = pending == null && (prev == null || prev.kind() == Kind.BIG || prev.kind() == Kind.ZERO);
                    if ((lastSmall != null && t.low().compareTo(lastSmall) >= 0) || (pending == null && !implicitOne)) {
                        ok = false;
                    } else {
                        sec = sec.add((pending == null ? BigDecimal.ONE : pending).multiply(t.low()));
                        lastSmall = t.low();
                        pending = null;
                        zero = false;
                        lastMagnitude = t.low();
                    }
                }
                case BIG -> {
                    BigDecimal m = t.low();
                    boolean empty = pending == null && sec.signum() == 0;
                    if (empty && prev != null && prev.kind() == Kind.BIG) {
                        acc = acc.multiply(m); // 万亿: a compound magnitude
                        if (m.compareTo(maxBig) > 0) {
                            maxBig = m;
                        }
                    } else if (empty && prev != null) {
                        ok = false;
                    } else {
                        BigDecimal v = empty ? BigDecimal.ONE : sec.add(pending == null ? BigDecimal.ZERO : pending);
                        if (maxBig == null || m.compareTo(maxBig) > 0) {
                            acc = acc.add(v).multiply(m);
                            maxBig = m;
                        } else if (m.compareTo(lastBig) < 0) {
                            acc = acc.add(v.multiply(m));
                        } else {
                            ok = false;
                        }
                    }
                    if (ok) {
                        lastBig = m;
                        sec = BigDecimal.ZERO;
                        lastSmall = null;
                        pending = null;
                        zero = false;
                        lastMagnitude = m;
                    }
                }
                case MORE, LAI -> {
                    // flags only; the value is the round number before them
                }
            }
            if (!ok) {
                break;
            }
            used = k + 1;
        }
        if (pending != null && abbreviable && lastTokenIsNumber(toks, used)) {
            pending = pending.multiply(lastMagnitude).divide(BigDecimal.TEN); // 一万二 is 12000, 两千三 is 2300
        }
        BigDecimal total = acc.add(sec).add(pending == null ? BigDecimal.ZERO : pending);
        return new Fold(total, used);
    }

    private static boolean lastTokenIsNumber(List<Tok> toks, int used) {
        return used > 0 && toks.get(used - 1).kind() == Kind.NUM;
    }

    private Numeral describe(CharSequence s, int at, List<Tok> toks, BigDecimal value, BigDecimal max) {
        int end = toks.get(toks.size() - 1).end();
        boolean chinese = false;
        for (int k = at; k < end; k++) {
            char c = s.charAt(k);
            chinese |= !(fold(c) >= '0' && fold(c) <= '9') && c != '.' && c != ',' && c != '．' && c != '，' && c != ' ';
        }
        int lastNum = -1;
        boolean hasMagnitude = false;
        boolean hasBig = false;
        boolean more = false;
        boolean placeholder = false;
        boolean stutter = false;
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            hasMagnitude |= t.isMagnitude();
            hasBig |= t.kind() == Kind.BIG;
            more |= t.kind() == Kind.MORE;
            placeholder |= t.kind() == Kind.LAI;
            if (t.kind() == Kind.NUM) {
                lastNum = k;
                if (t.low().compareTo(t.high()) != 0) {
                    if (t.chineseDigit()) {
                        stutter = true;
                    } else {
                        placeholder = true;
                    }
                }
            }
        }
        BigDecimal tail = BigDecimal.ONE;
        BigDecimal bigTail = BigDecimal.ONE;
        boolean bigRun = true;
        for (int k = toks.size() - 1; k > lastNum; k--) {
            Tok t = toks.get(k);
            if (t.isMagnitude()) {
                tail = tail.multiply(t.low());
                bigRun &= t.kind() == Kind.BIG;
                if (bigRun) {
                    bigTail = bigTail.multiply(t.low());
                }
            }
        }
        Tok first = toks.get(0);
        boolean bare = first.isMagnitude() && first.low().compareTo(BigDecimal.TEN) != 0;
        boolean singleDigit = toks.size() == 1 && first.kind() == Kind.NUM && first.chineseDigit() && end - at == 1;
        return new Numeral(at, end, value, max, chinese, hasMagnitude, hasBig, tail, bigTail, bare, singleDigit, more,
                placeholder, stutter);
    }

    // ---- characters ---------------------------------------------------------------------------

    private boolean isMagnitudeChar(char c, boolean zhao) {
        return tables.small(c) != null || tables.big(c) != null || (zhao && c == tables.trillion());
    }

    private static boolean isPoint(char c) {
        return c == '点' || c == '點';
    }

    private static boolean isAsciiDigit(char c) {
        return (c >= '0' && c <= '9') || isFullWidthDigit(c);
    }

    private static boolean isFullWidthDigit(char c) {
        return c >= '０' && c <= '９';
    }

    /** Full-width digits and the full-width point read as ASCII. */
    static char fold(char c) {
        if (isFullWidthDigit(c)) {
            return (char) (c - 0xFEE0);
        }
        return c == '．' ? '.' : c;
    }
}
