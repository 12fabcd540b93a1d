package io.chipwatch.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time expressions of a Chinese (or mixed Chinese/English) news sentence and resolves
 * each against the article's publication date to a label such as {@code 2025}, {@code 2025-06},
 * {@code 2025-06-30}, {@code 2025-Q4}, {@code 2025-H1}, {@code FY2026} or {@code FY2026-Q1}.
 *
 * <p>Resolution rules worth knowing:
 * <ul>
 *   <li>A month, day, quarter or half without a year takes the year the article last named (see
 *       {@link PeriodContext#lastYear()}); failing that the publication year, except that a period
 *       starting more than six months after the publication month is taken from the year before,
 *       so a January article's 12月 or 第四季度 is the one just past.</li>
 *   <li>Fiscal periods are calendar-aligned: {@code FY2026} spans 2026-01-01..2026-12-31 and its Q1
 *       January to March. Companies' real fiscal calendars differ; the label is what matters.</li>
 *   <li>A fiscal half (2026财年上半年) keeps the label {@code FY2026} with a half-year span, and a
 *       month range that is not a whole quarter or half (2025年1-9月) keeps the year label, since the
 *       vocabulary has nothing finer.</li>
 *   <li>过去N年 / 近N年 is labelled with the publication year and spans the N years up to
 *       publication; 未来N年 is labelled with its end year and spans publication to that year's end.</li>
 *   <li>Words for "now" (近期, 目前, 当前, 如今…) yield nothing.</li>
 * </ul>
 *
 * <p>Thread-safe: all state lives in the {@link PeriodContext} passed in.
 */
public final class PeriodResolver {

    private static final String S = "\\s*";
    private static final String CN = TimeNumerals.CN_DIGITS;

    private static final String YEAR =
            "(?<![0-9A-Za-z." + CN + "十])(?<y>\\d{4}|[" + CN + "]{4})(?![0-9])";
    /**
     * Each word carries a look-behind for the words it ends (至今年, 基本年薪, 相当年轻, 声明年报…),
     * written after the word so the engine tries the cheap literal first at each position.
     */
    private static final String YEAR_WORD = "(?<w>今年(?<![至迄如]今年)|去年(?<![过過失除离離]去年)"
            + "|前年(?<![提此之以日月天年目当當眼]前年)|明年(?<![说說表证證声聲标標发發阐闡申查注指载載透鲜鮮光文英简簡清]明年)"
            + "|[后後]年(?<![此之其以然最随隨日月天年前落][后後]年)|本年(?<![基根资資日版样樣成]本年)|[当當]年(?<![相应應充适適][当當]年)"
            + "|同年(?<![不共相如协協连連同]同年)|次年(?<![每多几幾数數层層档檔]次年)|翌年)";
    private static final String YSPEC = "(?:" + YEAR + S + "年(?:度)?|" + YEAR_WORD + ")";
    /** Quarters and halves are also written straight after the digits: 2025Q3, 2025H1, 2025上半年. */
    private static final String YSPEC_LOOSE = "(?:" + YEAR + S + "(?:年(?:度)?)?|" + YEAR_WORD + ")";
    /** No digit, year or 每 before a bare month, so 2024年… is never split and 每年6月 is skipped. */
    private static final String BARE = "(?<![0-9" + CN + "十年每])";
    private static final String DAY =
            "(?<d>3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
    private static final String MONTH_TAIL = "(?:份)?(?:" + S + "(?:初|上旬|中旬|中下旬|下旬|底|末))?";
    private static final String QUARTER = "(?<q>第" + S + "[1-4一二三四]" + S + "季度?"
            + "|(?<![前上下0-9A-Za-z])[1-4一二三四]" + S + "季度|(?<![前上下])[一二三四]季(?=[报報])|首季度?"
            + "|(?<![A-Za-z])[Qq]" + S + "[1-4](?![0-9A-Za-z]))(?:末|初|底)?";
    private static final String HALF =
            "(?<h>上半年度?|下半年度?|(?<![A-Za-z])[Hh][12](?![0-9A-Za-z]))";
    private static final String COUNT = "(?<n>\\d{1,2}|[一二两兩三四五六七八九十]{1,3})";
    private static final String FISCAL_YEAR = "(?:(?<![0-9A-Za-z" + CN + "十])(?<fy>\\d{4}|[" + CN + "]{4})" + S
            + "(?:(?:财|財)(?:政)?年度?|(?:会|會)(?:计|計)年度)"
            + "|(?<![A-Za-z])(?:FY|Fy|fy)" + S + "['’]?(?<fye>\\d{4}|\\d{2})(?![0-9])"
            + "|(?<![A-Za-z])(?i:fiscal)\\s+(?:(?i:year)\\s+)?(?<fyf>\\d{4})(?![0-9]))";
    private static final String FISCAL_TAIL = "(?:" + S + "(?:(?<fq>第" + S + "[1-4一二三四]" + S + "(?:(?:财|財)季度?|季度?)"
            + "|[1-4一二三四]" + S + "(?:(?:财|財)季度?|季度)|首(?:财|財)?季度?|[Qq]" + S + "[1-4](?![0-9]))"
            + "|(?<fh>[上下]半(?:财|財)?年度?|[Hh][12](?![0-9]))))?";

    private static final Pattern PREFIX = Pattern.compile("(?:截至|截止到?|直到|到了?|至)" + S + "$");
    private static final Pattern SUFFIX =
            Pattern.compile(S + "(?:之前|以前|前)(?![0-9一二两兩三四五六七八九十几幾个個半后後年])");

    private final List<Rule> rules = List.of(
            rule("年", YSPEC + "(?:" + S + "(?:年?[底末初]|全年|年中))?", PeriodResolver::year),
            rule("年", BARE + "(?<![今去明前后後本当當同次翌新全])年[底末初]", PeriodResolver::bareYearPart),
            rule("月", "(?:" + YSPEC + S + "|" + BARE + ")" + month("m") + S + "月" + MONTH_TAIL, PeriodResolver::month),
            rule("日号號", "(?:" + YSPEC + S + "|" + BARE + ")" + month("m") + S + "月" + S + DAY + S + "[日号號]",
                    PeriodResolver::day),
            rule("-/.", "(?<![0-9.])(?<y>\\d{4})(?<sep>[-/.])(?<m>1[0-2]|0?[1-9])\\k<sep>" + DAY + "(?![0-9])",
                    PeriodResolver::day),
            rule("月", "(?:" + YSPEC + S + "|" + BARE + ")" + month("m1") + S + "(?:月份?)?" + S + "[-—–~～至到]" + S
                    + month("m2") + S + "月份?", PeriodResolver::monthRange),
            rule("月", YSPEC + S + "前" + S + "(?<n>1[0-2]|[1-9]|十[一二]?|[一二两兩三四五六七八九])" + S + "(?:个|個)?月份?",
                    PeriodResolver::firstMonths),
            rule("月", "(?<rm>本月|这个月|這個月|上个?月|上個月|下个?月|下個月)", PeriodResolver::relativeMonth),
            rule("天日晨晚", "(?<rd>今天|今日(?!头条|頭條)|今晨|昨天|昨日|昨晚|前天|明天|明日|后天|後天)", PeriodResolver::relativeDay),
            rule("季Qq", "(?:" + YSPEC_LOOSE + S + ")?" + QUARTER, PeriodResolver::quarter),
            rule("Qq", "(?<![A-Za-z0-9])[Qq](?<q>[1-4])(?:" + S + "(?:of\\s+)?(?<y>\\d{4})|" + S + "['’](?<yy>\\d{2}))(?![0-9])",
                    PeriodResolver::quarter),
            rule("Qq", "(?<![A-Za-z0-9])(?<q>[1-4])[Qq](?<yy>\\d{4}|\\d{2})(?![0-9A-Za-z])", PeriodResolver::quarter),
            rule("季", "(?<rq>(?:上|下)(?:一个|一個|一|个|個)?季度?|(?:本|这个|這個)季度?|(?:当|當)季)",
                    PeriodResolver::relativeQuarter),
            rule("季", "(?:" + YSPEC_LOOSE + S + ")?前" + S + "(?<n>[1-3一二两兩三])" + S + "(?:个|個)?季度?",
                    PeriodResolver::firstQuarters),
            rule("半Hh", "(?:" + YSPEC_LOOSE + S + "|(?<![年每]))" + HALF, PeriodResolver::half),
            rule("Hh", "(?<![A-Za-z0-9])[Hh](?<h>[12])(?:" + S + "(?<y>\\d{4})|" + S + "['’](?<yy>\\d{2}))(?![0-9])",
                    PeriodResolver::half),
            rule("Hh", "(?<![A-Za-z0-9])(?<h>[12])[Hh](?<yy>\\d{4}|\\d{2})(?![0-9A-Za-z])", PeriodResolver::half),
            rule("财財會会FfYy", FISCAL_YEAR + FISCAL_TAIL, PeriodResolver::fiscal),
            rule("Ff", "(?<![A-Za-z0-9])(?<fq>[Qq][1-4]|[1-4][Qq])" + S + "(?:of\\s+)?(?:FY|fy)" + S
                    + "['’]?(?<fye>\\d{4}|\\d{2})(?![0-9])", PeriodResolver::fiscal),
            rule("财財", "(?<fq>第" + S + "[1-4一二三四]" + S + "(?:财|財)季度?|(?<![0-9第])[1-4一二三四]" + S
                    + "(?:财|財)季度?|首(?:财|財)季度?)", PeriodResolver::fiscal),
            rule("财財", "(?<fr>本|今|当|當|(?:上|下)(?:一个|一個|一|个|個)?)(?:财|財)(?:政)?年度?" + FISCAL_TAIL,
                    PeriodResolver::fiscal),
            rule("年", "(?:过去|過去|最近|近)(?:的)?" + S + COUNT + S + "(?:个|個)?年", PeriodResolver::pastYears),
            rule("年", "(?:未来|未來|今后|今後|接下来|接下來)(?:的)?" + S + COUNT + S + "(?:个|個)?年",
                    PeriodResolver::futureYears),
            rule("年", "(?<![0-9" + CN + "十两兩几幾数數])" + COUNT + S + "(?:个|個)?年(?:之|以)?前", PeriodResolver::yearsAgo));

    public PeriodResolver() {
    }

    /**
     * All time expressions in the sentence, in text order and non-overlapping (the longest match
     * wins). Updates {@code ctx}'s last year / fiscal year as the sentence names them.
     */
    public List<Period> findAll(String sentence, PeriodContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (sentence == null || sentence.isEmpty()) {
            return List.of();
        }
        String text = TimeNumerals.fold(sentence);
        List<Candidate> chosen = choose(candidates(text, ctx));
        List<Period> out = new ArrayList<>(chosen.size());
        int prevEnd = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = chosen.get(i);
            Matcher m = c.rule.pattern.matcher(text).region(c.start, c.end)
                    .useTransparentBounds(true).useAnchoringBounds(false);
            // Resolving now, in text order, is what lets an earlier year inform a later quarter.
            Span span = m.matches() ? c.rule.resolver.resolve(m, ctx) : null;
            if (span == null) {
                continue;
            }
            int nextStart = i + 1 < chosen.size() ? chosen.get(i + 1).start : text.length();
            int start = c.start;
            Matcher p = PREFIX.matcher(text).region(prevEnd, c.start);
            if (p.find()) {
                start = p.start();
            }
            int end = c.end;
            Matcher s = SUFFIX.matcher(text).region(c.end, nextStart).useTransparentBounds(true);
            if (s.lookingAt()) {
                end = s.end();
            }
            out.add(new Period(span.label, span.start, span.end, start, end, sentence.substring(start, end),
                    span.relative));
            prevEnd = end;
        }
        return out;
    }

    private List<Candidate> candidates(String text, PeriodContext ctx) {
        List<Candidate> found = new ArrayList<>();
        int[] anchorsAt = anchorPositions(text);
        if (anchorsAt.length == 0) {
            return found;
        }
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            List<int[]> windows = windows(text, anchorsAt, rule.anchors);
            if (windows.isEmpty()) {
                continue;
            }
            Matcher m = rule.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            // Scanning only near the rule's anchor characters keeps long sentences cheap: a time
            // expression is a few characters around its 年, 月, 季 or Q.
            for (int[] window : windows) {
                m.region(window[0], window[1]);
                while (m.find()) {
                    // Dropping impossible dates (2025年2月30日) here lets a shorter valid reading win.
                    if (m.end() > m.start() && rule.resolver.resolve(m, ctx.copy()) != null) {
                        found.add(new Candidate(rule, r, m.start(), m.end()));
                    }
                }
            }
        }
        return found;
    }

    private static final int REACH = 16;

    private final String allAnchors = rules.stream().map(Rule::anchors).collect(java.util.stream.Collectors.joining())
            .chars().distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    /** Where any rule's anchor character occurs, found in one pass over the text. */
    private int[] anchorPositions(String text) {
        int[] at = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (allAnchors.indexOf(text.charAt(i)) >= 0) {
                at[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(at, n);
    }

    /** Merged spans of REACH characters either side of each of the rule's anchor characters. */
    private static List<int[]> windows(String text, int[] anchorsAt, String anchors) {
        List<int[]> windows = new ArrayList<>();
        for (int i : anchorsAt) {
            if (anchors.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            int from = Math.max(0, i - REACH);
            int to = Math.min(text.length(), i + REACH);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = to;
            } else {
                windows.add(new int[]{from, to});
            }
        }
        return windows;
    }

    private static List<Candidate> choose(List<Candidate> found) {
        found.sort(Comparator.comparingInt((Candidate c) -> c.start - c.end)
                .thenComparingInt(c -> c.start).thenComparingInt(c -> c.order));
        // Chosen spans never overlap, so the one starting last before c ends is the only one c
        // can overlap: a lookup instead of a scan keeps thousands of 3月 in a row linear.
        java.util.TreeMap<Integer, Candidate> chosen = new java.util.TreeMap<>();
        for (Candidate c : found) {
            java.util.Map.Entry<Integer, Candidate> before = chosen.lowerEntry(c.end);
            if (before == null || before.getValue().end <= c.start) {
                chosen.put(c.start, c);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    // ---- resolvers: each returns null when the match does not make a valid period ----

    private static Span year(Matcher m, PeriodContext ctx) {
        Stated y = statedYear(m, ctx);
        return y == null ? null : note(ctx, y, yearSpan(y.year, y.relative));
    }

    private static Span bareYearPart(Matcher m, PeriodContext ctx) {
        return yearSpan(contextYear(ctx), true);
    }

    private static Span month(Matcher m, PeriodContext ctx) {
        int month = TimeNumerals.parse(m.group("m"));
        if (month < 1 || month > 12) {
            return null;
        }
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : inferYear(ctx, month);
        if (!plausible(year)) {
            return null;
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return note(ctx, y, new Span(String.format("%04d-%02d", year, month), first, endOfMonth(first), y == null || y.relative));
    }

    private static Span day(Matcher m, PeriodContext ctx) {
        int month = TimeNumerals.parse(m.group("m"));
        int day = TimeNumerals.parse(m.group("d"));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : inferYear(ctx, month);
        if (!plausible(year) || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        return note(ctx, y, new Span(date.toString(), date, date, y == null || y.relative));
    }

    private static Span monthRange(Matcher m, PeriodContext ctx) {
        return range(m, ctx, TimeNumerals.parse(m.group("m1")), TimeNumerals.parse(m.group("m2")));
    }

    private static Span firstMonths(Matcher m, PeriodContext ctx) {
        return range(m, ctx, 1, TimeNumerals.parse(m.group("n")));
    }

    private static Span firstQuarters(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        return n < 1 || n > 3 ? null : range(m, ctx, 1, 3 * n);
    }

    /** Months from..to of one year, labelled by the coarsest unit that fits them exactly. */
    private static Span range(Matcher m, PeriodContext ctx, int from, int to) {
        if (from < 1 || to > 12 || from >= to) {
            return null;
        }
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : inferYear(ctx, to);
        if (!plausible(year)) {
            return null;
        }
        String label;
        if (from % 3 == 1 && to == from + 2) {
            label = year + "-Q" + (to / 3);
        } else if ((from == 1 && to == 6) || (from == 7 && to == 12)) {
            label = year + "-H" + (to / 6);
        } else {
            label = String.valueOf(year);
        }
        LocalDate start = LocalDate.of(year, from, 1);
        return note(ctx, y, new Span(label, start, endOfMonth(LocalDate.of(year, to, 1)), y == null || y.relative));
    }

    private static Span relativeMonth(Matcher m, PeriodContext ctx) {
        String w = m.group("rm");
        int shift = w.startsWith("上") ? -1 : w.startsWith("下") ? 1 : 0;
        LocalDate first = ctx.published().withDayOfMonth(1).plusMonths(shift);
        return new Span(String.format("%04d-%02d", first.getYear(), first.getMonthValue()), first, endOfMonth(first), true);
    }

    /** 今天凌晨, 昨天: days counted from the publication date. */
    private static Span relativeDay(Matcher m, PeriodContext ctx) {
        String w = m.group("rd");
        int shift = switch (w.charAt(0)) {
            case '昨' -> -1;
            case '前' -> -2;
            case '明' -> 1;
            case '后', '後' -> 2;
            default -> 0;
        };
        LocalDate date = ctx.published().plusDays(shift);
        return new Span(date.toString(), date, date, true);
    }

    private static Span quarter(Matcher m, PeriodContext ctx) {
        int q = TimeNumerals.quarter(m.group("q"));
        if (q < 1) {
            return null;
        }
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : inferYear(ctx, 3 * q - 2);
        return plausible(year) ? note(ctx, y, quarterSpan(String.valueOf(year), year, q, y == null || y.relative)) : null;
    }

    private static Span relativeQuarter(Matcher m, PeriodContext ctx) {
        String w = m.group("rq");
        int shift = w.startsWith("上") ? -1 : w.startsWith("下") ? 1 : 0;
        LocalDate p = ctx.published();
        LocalDate first = LocalDate.of(p.getYear(), (p.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3L * shift);
        int q = (first.getMonthValue() - 1) / 3 + 1;
        return quarterSpan(String.valueOf(first.getYear()), first.getYear(), q, true);
    }

    private static Span half(Matcher m, PeriodContext ctx) {
        String h = m.group("h");
        Stated y = statedYear(m, ctx);
        if (y == null && (h.startsWith("H") || h.startsWith("h"))) {
            return null; // a lone H1/H2 is as likely a chip (H20) or a heading as a half-year
        }
        int half = h.startsWith("上") || h.endsWith("1") ? 1 : 2;
        int year = y != null ? y.year : inferYear(ctx, half == 1 ? 1 : 7);
        if (!plausible(year)) {
            return null;
        }
        LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        return note(ctx, y, new Span(year + "-H" + half, start, start.plusMonths(6).minusDays(1), y == null || y.relative));
    }

    private static Span fiscal(Matcher m, PeriodContext ctx) {
        String digits = firstGroup(m, "fye", "fy", "fyf");
        String word = group(m, "fr");
        int fy;
        boolean relative;
        if (digits != null) {
            fy = TimeNumerals.year(digits);
            relative = false;
        } else if (word != null) {
            int base = ctx.published().getYear();
            if ((word.startsWith("当") || word.startsWith("當")) && ctx.lastFiscalYear() != null) {
                base = ctx.lastFiscalYear();
            }
            fy = base + (word.startsWith("上") ? -1 : word.startsWith("下") ? 1 : 0);
            relative = true;
        } else {
            fy = ctx.lastFiscalYear() != null ? ctx.lastFiscalYear() : ctx.published().getYear();
            relative = true;
        }
        if (!plausible(fy)) {
            return null;
        }
        if (digits != null || word != null) {
            ctx.setLastFiscalYear(fy);
        }
        String label = "FY" + fy;
        String q = group(m, "fq");
        String h = group(m, "fh");
        if (q != null) {
            return quarterSpan(label, fy, TimeNumerals.quarter(q), relative);
        }
        if (h != null) {
            LocalDate start = LocalDate.of(fy, h.startsWith("上") || h.endsWith("1") ? 1 : 7, 1);
            return new Span(label, start, start.plusMonths(6).minusDays(1), relative);
        }
        return yearSpan(fy, relative).withLabel(label);
    }

    private static Span pastYears(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        LocalDate p = ctx.published();
        return n < 1 || n > 50 ? null : new Span(String.valueOf(p.getYear()), p.minusYears(n), p, true);
    }

    private static Span futureYears(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        LocalDate p = ctx.published();
        int endYear = p.getYear() + n;
        return n < 1 || n > 50 ? null : new Span(String.valueOf(endYear), p, LocalDate.of(endYear, 12, 31), true);
    }

    private static Span yearsAgo(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        int year = ctx.published().getYear() - n;
        if (n < 1 || n > 100 || !plausible(year)) {
            return null;
        }
        return note(ctx, new Stated(year, true), yearSpan(year, true));
    }

    // ---- helpers ----

    /** A year the text itself gave, as digits or as a word like 去年; relative when a word. */
    private record Stated(int year, boolean relative) {
    }

    /** The year the match states, or null when it states none; an implausible year is a non-match. */
    private static Stated statedYear(Matcher m, PeriodContext ctx) {
        String digits = firstGroup(m, "y", "yy");
        if (digits != null) {
            int y = TimeNumerals.year(digits);
            return plausible(y) ? new Stated(y, false) : new Stated(-1, false);
        }
        String word = group(m, "w");
        if (word == null) {
            return null;
        }
        int pub = ctx.published().getYear();
        int year = switch (word) {
            case "今年", "本年" -> pub;
            case "去年" -> pub - 1;
            case "前年" -> pub - 2;
            case "明年" -> pub + 1;
            case "后年", "後年" -> pub + 2;
            case "次年", "翌年" -> contextYear(ctx) + 1;
            default -> contextYear(ctx); // 当年, 同年: the year under discussion
        };
        return new Stated(year, true);
    }

    /** Records a stated year for later sentences, passing the span through. */
    private static Span note(PeriodContext ctx, Stated y, Span span) {
        if (span == null || (y != null && !plausible(y.year))) {
            return null;
        }
        if (y != null) {
            ctx.setLastYear(y.year);
        }
        return span;
    }

    private static int contextYear(PeriodContext ctx) {
        return ctx.lastYear() != null ? ctx.lastYear() : ctx.published().getYear();
    }

    /** The year of a period named without one, given the month it starts in. */
    private static int inferYear(PeriodContext ctx, int month) {
        if (ctx.lastYear() != null) {
            return ctx.lastYear();
        }
        LocalDate p = ctx.published();
        // News mostly reports what has happened: in January, 12月 and 第四季度 are the ones just past.
        return month - p.getMonthValue() > 6 ? p.getYear() - 1 : p.getYear();
    }

    private static boolean plausible(int year) {
        return year >= 1900 && year <= 2100;
    }

    private static Span yearSpan(int year, boolean relative) {
        return plausible(year)
                ? new Span(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), relative)
                : null;
    }

    private static Span quarterSpan(String yearLabel, int year, int q, boolean relative) {
        LocalDate start = LocalDate.of(year, 3 * q - 2, 1);
        return new Span(yearLabel + "-Q" + q, start, start.plusMonths(3).minusDays(1), relative);
    }

    private static LocalDate endOfMonth(LocalDate first) {
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    private static String month(String group) {
        return "(?<" + group + ">1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    }

    /** A named group's text, or null when it did not take part or the pattern has no such group. */
    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private static String firstGroup(Matcher m, String... names) {
        for (String name : names) {
            String g = group(m, name);
            if (g != null) {
                return g;
            }
        }
        return null;
    }

    /** A rule that can only match where one of the anchor characters occurs. */
    private static Rule rule(String anchors, String regex, Resolver resolver) {
        return new Rule(anchors, Pattern.compile(regex), resolver);
    }

    @FunctionalInterface
    private interface Resolver {
        Span resolve(Matcher m, PeriodContext ctx);
    }

    private record Rule(String anchors, Pattern pattern, Resolver resolver) {
    }

    private record Candidate(Rule rule, int order, int start, int end) {
    }

    private record Span(String label, LocalDate start, LocalDate end, boolean relative) {
        Span withLabel(String newLabel) {
            return new Span(newLabel, start, end, relative);
        }
    }
}
