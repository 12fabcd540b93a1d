package io.chipwatch.time;

import io.chipwatch.text.SentenceSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 *   <li>FORMAT.md has no label for a week, a decade or a century, so each is labelled by the first
 *       unit it has a word for, with the real span in start/end: a week (下周, 第32周: ISO week of
 *       the year named) by its Monday ({@code YYYY-MM-DD}, Monday..Sunday), a weekend (上周末) by its
 *       Saturday, a decade (90年代, 上世纪80年代末) or century (本世纪初, 21世纪) by its first year.</li>
 *   <li>A weekday with a shift (下周三, 上星期五) is in the week the shift names; a bare one (周日) is
 *       the one nearest publication, three days either side, or the next one when a word of the
 *       future (将于, 定于) comes just before it.</li>
 *   <li>A day of the month alone (29日, 12号) is in the month the article last named, else the
 *       publication month, or the month before when the day lies more than half a month past the
 *       publication day. 当天/次日 count from the day last named, 当月/次月 from the month.</li>
 *   <li>Two-digit years (07年, 24年) are this century up to twenty years past publication, else the
 *       one before; alone they must stand after a break or a word like 在/到 or before one like 营收,
 *       so counts of years (成立24年, 坚持10年) stay out.</li>
 *   <li>N年后/N个月前/N周后/N天前 count from publication (to a year, a month or a day); 两三年后 is
 *       too vague and yields nothing.</li>
 * </ul>
 *
 * <p>The words (relative years, months, days, weeks, weekday names and the guards against
 * look-alikes such as 周期, 12号线, 明日之星) come from {@link TimeWords}. Every pattern is a
 * bounded alternation scanned only near its anchor characters, so time stays linear in the text.
 *
 * <p>Reads at most {@link #MAX_CHARS} of a sentence: linear as it is, each expression costs
 * microseconds, and a megabyte of {@code 3月3月…} handed in as one sentence must not cost seconds.
 *
 * <p>Thread-safe: all state lives in the {@link PeriodContext} passed in.
 */
public final class PeriodResolver {

    /**
     * The longest sentence read, in UTF-16 chars; of a longer text only the head is searched (cut
     * as {@link SentenceSplitter} cuts, not inside a number). Four times
     * {@link SentenceSplitter#MAX_SENTENCE_CHARS}, so the NLP analysis, which hands on split
     * sentences, never reaches it.
     */
    public static final int MAX_CHARS = 4 * SentenceSplitter.MAX_SENTENCE_CHARS;

    private static final Logger LOG = LoggerFactory.getLogger(PeriodResolver.class);

    private static final String S = "\\s*";
    /** Characters after which a new phrase starts (a two-digit year may follow them). */
    private static final String BREAK = "\\s，,。、；;：:（()）「」“”\"'！!？?";
    private static final String CN = TimeNumerals.CN_DIGITS;

    private static final String YEAR =
            "(?<![0-9A-Za-z." + CN + "十])(?<y>\\d{4}|[" + CN + "]{4})(?![0-9])";
    /** No digit, year or 每 before a bare month, so 2024年… is never split and 每年6月 is skipped. */
    private static final String BARE = "(?<![0-9" + CN + "十年每])";
    private static final String DAY =
            "(?<d>3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
    private static final String MONTH_TAIL = "(?:份)?(?:" + S + "(?<mp>初|上旬|中旬|中下旬|下旬|底|末))?";
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

    private final TimeWords words;
    private final List<Rule> rules;
    private final String allAnchors;

    /** A resolver over the time words shipped in the models module. */
    public PeriodResolver() {
        this(defaultWords());
    }

    /** A resolver over the given time words (see {@code chipwatch/time-words.yml}). */
    public PeriodResolver(TimeWords words) {
        this.words = Objects.requireNonNull(words, "words");
        String yearWord = TimeWordPatterns.relativeWords(words.yearWords(), "w")
                + TimeWordPatterns.notFollowedBy(words.yearWordNotFollowedBy());
        // Two-digit years (24年) count as years only in front of a month, quarter or half here;
        // alone they must pass the stricter guards of the twoDigitYear rule.
        String year2 = "(?<![0-9A-Za-z.%/\\-])(?<y2>\\d{2})" + S + "年(?:度)?";
        String yspec = "(?:" + YEAR + S + "年(?:度)?|" + yearWord + ")";
        String yspecAny = "(?:" + YEAR + S + "年(?:度)?|" + year2 + "|" + yearWord + ")";
        // Quarters and halves are also written straight after the digits: 2025Q3, 2025H1, 2025上半年.
        String yspecLoose = "(?:" + YEAR + S + "(?:年(?:度)?)?|" + year2 + "|" + yearWord + ")";
        String monthWord = TimeWordPatterns.relativeWords(words.monthWords(), "rm");
        String weekNames = TimeWordPatterns.anyOf(words.weekNames());
        String weekdayName = "(?<wd>" + TimeWordPatterns.anyOf(words.weekdayNames().keySet()) + ")(?![0-9" + CN + "十百千万年个個次])";
        String weekShift = "(?<ws>" + TimeWordPatterns.anyOf(words.weekShifts().keySet()) + ")";
        String notWeekWord = TimeWordPatterns.notFollowedBy(words.weekNotFollowedBy());
        String weekAnchors = TimeWordPatterns.chars(words.weekNames()) + TimeWordPatterns.chars(words.weekendNames());
        String count = "(?<n>\\d{1,3}|[" + CN + "十百两兩]{1,4}|半)";
        String centuries = "(?:(?<cw>" + TimeWordPatterns.anyOf(words.centuryWords().keySet()) + ")"
                + "|(?<![0-9])(?<cn>\\d{2}|[" + CN + "十]{1,3})" + S + "世[纪紀])"
                + TimeWordPatterns.notFollowedBy(words.centuryNotFollowedBy());
        this.rules = List.of(
                rule("年", yspec + "(?:" + S + "(?:年?[底末初]|全年|年中))?", this::year),
                // A two-digit year alone: after a break or a word such as 在/到, or before a word such as 营收.
                rule("年", "(?=\\d\\d)(?:(?<![^" + BREAK + "])|(?<=" + TimeWordPatterns.anyOf(words.twoDigitYearAfter()) + "))"
                        + TimeWordPatterns.notAfter(words.twoDigitYearNotAfter()) + "(?<y2>\\d{2})" + S + "年"
                        + TimeWordPatterns.notFollowedBy(words.twoDigitYearNotFollowedBy())
                        + "(?:度)?(?:" + S + "(?:年?[底末初]|全年|年中))?", this::year),
                rule("年", "(?=\\d\\d)" + TimeWordPatterns.notAfter(words.twoDigitYearNotAfter()) + "(?<![0-9A-Za-z.%/\\-+])(?<y2>\\d{2})" + S
                        + "年(?:度)?(?=" + S + TimeWordPatterns.anyOf(words.twoDigitYearBefore()) + ")", this::year),
                rule("年", BARE + "(?<![今去明前后後本当當同次翌新全上下])年[底末初]", this::bareYearPart),
                rule("月", "(?:" + yspecAny + S + "|" + BARE + ")" + month("m") + S + "月" + MONTH_TAIL, this::month),
                rule("日号號", "(?:" + yspecAny + S + "|" + BARE + ")" + month("m") + S + "月" + S + DAY + S + "[日号號]",
                        this::day),
                rule("月", monthWord + "(?:" + S + "(?<mp>初|上旬|中旬|中下旬|下旬|底|末))?", this::relativeMonth),
                rule("日号號", monthWord + S + DAY + S + "[日号號]", this::dayOfMonth),
                rule("日", "(?=[0-9])" + TimeWordPatterns.notAfter(words.dayNotAfter()) + "(?<![0-9A-Za-z.:/\\-+第每月])(?<d>3[01]|[12][0-9]|0?[1-9])" + S + "日"
                        + TimeWordPatterns.notFollowedBy(words.dayNotFollowedBy()), this::dayOfMonth),
                rule("日", "(?=[二三十])" + TimeWordPatterns.notAfter(words.dayNotAfter()) + "(?<![" + CN + "十百千第每月])(?<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?)日"
                        + TimeWordPatterns.notFollowedBy(words.dayNotFollowedBy()), this::dayOfMonth),
                rule("号號", "(?=[0-9])(?<![0-9A-Za-z.:/\\-+第每月型编編路街道巷弄里村甲乙丙丁楼樓栋棟院区區])(?<d>3[01]|[12][0-9]|0?[1-9])" + S + "[号號]"
                        + "(?=" + TimeWordPatterns.anyOf(words.numberSignFollowedBy()) + "|$)", this::dayOfMonth),
                rule(lastChars(allWords(words.dayWords())),
                        TimeWordPatterns.relativeWords(words.dayWords(), "rd")
                                + TimeWordPatterns.notFollowedBy(words.dayWordNotFollowedBy()), this::relativeDay),
                rule(weekAnchors, "(?=[" + TimeWordPatterns.chars(words.weekShifts().keySet()) + TimeWordPatterns.chars(words.weekNames())
                        + "])" + TimeWordPatterns.notAfter(words.weekdayNotAfter())
                        + "(?:" + weekShift + "|(?<![0-9" + CN + "十每两兩几幾数數个個])(?:(?<=(?<fut>"
                        + TimeWordPatterns.anyOf(words.futureMarkers()) + "))|))" + weekNames + weekdayName
                        + TimeWordPatterns.notAfter(words.notWeekdays())
                        + TimeWordPatterns.notFollowedBy(words.weekdayNotFollowedBy()), this::weekday),
                rule(weekAnchors, weekShift + "(?<we>" + TimeWordPatterns.anyOf(words.weekendNames()) + ")", this::weekday),
                rule(weekAnchors, weekShift + weekNames + notWeekWord, this::week),
                rule(weekAnchors, "(?:" + yspecAny + S + ")?第" + S + "(?<wn>\\d{1,2}|[" + CN + "十]{1,3})" + S + weekNames
                        + notWeekWord, this::isoWeek),
                rule("代", "(?:" + centuries + S + ")?(?<![0-9])(?<dec>\\d{4}|\\d{2}|[" + CN + "]?[一二三四五六七八九]?十|[" + CN + "]{4})"
                        + S + "年代(?:" + TimeWordPatterns.anyOf(words.decadeParts()) + ")?", this::decade),
                rule("纪紀", centuries + "(?:" + S + "(?<cp>" + TimeWordPatterns.anyOf(words.centuryParts().keySet()) + "))?",
                        this::century),
                rule(TimeWordPatterns.chars(words.countDirections().keySet()),
                        "(?=[0-9" + CN + "十百两兩半])" + TimeWordPatterns.notAfter(words.countNotAfter())
                                + "(?<![0-9" + CN + "十百两兩几幾数數多上下本这這第])" + count + S
                                + "(?<u>" + TimeWordPatterns.anyOf(words.countUnits().keySet()) + ")"
                                + "(?<dir>" + TimeWordPatterns.anyOf(words.countDirections().keySet()) + ")"
                                + TimeWordPatterns.notFollowedBy(words.countNotFollowedBy()), this::relativeCount),
                rule("-/.", "(?<![0-9.])(?<y>\\d{4})(?<sep>[-/.])(?<m>1[0-2]|0?[1-9])\\k<sep>" + DAY + "(?![0-9])",
                        this::day),
                rule("月", "(?:" + yspecAny + S + "|" + BARE + ")" + month("m1") + S + "(?:月份?)?" + S + "[-—–~～至到]" + S
                        + month("m2") + S + "月份?", this::monthRange),
                rule("月", yspecAny + S + "前" + S + "(?<n>1[0-2]|[1-9]|十[一二]?|[一二两兩三四五六七八九])" + S + "(?:个|個)?月份?",
                        this::firstMonths),
                rule("季Qq", "(?:" + yspecLoose + S + ")?" + QUARTER, this::quarter),
                rule("Qq", "(?<![A-Za-z0-9])[Qq](?<q>[1-4])(?:" + S + "(?:of\\s+)?(?<y>\\d{4})|" + S + "['’](?<yy>\\d{2}))(?![0-9])",
                        this::quarter),
                rule("Qq", "(?<![A-Za-z0-9])(?<q>[1-4])[Qq](?<yy>\\d{4}|\\d{2})(?![0-9A-Za-z])", this::quarter),
                rule("季", "(?<rq>" + TimeWordPatterns.anyOf(words.quarterWords().keySet()) + ")", this::relativeQuarter),
                rule("季", "(?:" + yspecLoose + S + ")?前" + S + "(?<n>[1-3一二两兩三])" + S + "(?:个|個)?季度?",
                        this::firstQuarters),
                rule("半Hh", "(?:" + yspecLoose + S + "|(?<![年每]))" + HALF, this::half),
                rule("Hh", "(?<![A-Za-z0-9])[Hh](?<h>[12])(?:" + S + "(?<y>\\d{4})|" + S + "['’](?<yy>\\d{2}))(?![0-9])",
                        this::half),
                rule("Hh", "(?<![A-Za-z0-9])(?<h>[12])[Hh](?<yy>\\d{4}|\\d{2})(?![0-9A-Za-z])", this::half),
                rule("财財會会FfYy", FISCAL_YEAR + FISCAL_TAIL, this::fiscal),
                rule("Ff", "(?<![A-Za-z0-9])(?<fq>[Qq][1-4]|[1-4][Qq])" + S + "(?:of\\s+)?(?:FY|fy)" + S
                        + "['’]?(?<fye>\\d{4}|\\d{2})(?![0-9])", this::fiscal),
                rule("财財", "(?<fq>第" + S + "[1-4一二三四]" + S + "(?:财|財)季度?|(?<![0-9第])[1-4一二三四]" + S
                        + "(?:财|財)季度?|首(?:财|財)季度?)", this::fiscal),
                rule("财財", "(?<fr>本|今|当|當|(?:上|下)(?:一个|一個|一|个|個)?)(?:财|財)(?:政)?年度?" + FISCAL_TAIL,
                        this::fiscal),
                rule("年", TimeWordPatterns.anyOf(words.pastSpanWords()) + "(?:的)?" + S + COUNT + S + "(?:个|個)?年", this::pastYears),
                rule("年", TimeWordPatterns.anyOf(words.futureSpanWords()) + "(?:的)?" + S + COUNT + S + "(?:个|個)?年",
                        this::futureYears));
        this.allAnchors = rules.stream().map(Rule::anchors).collect(java.util.stream.Collectors.joining())
                .chars().distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static TimeWords defaultWords() {
        try {
            return TimeWords.defaults();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The last characters of the words: every match of one of them contains one. */
    private static String lastChars(List<String> words) {
        return TimeWordPatterns.chars(words.stream().map(w -> w.substring(w.length() - 1)).toList());
    }

    private static List<String> allWords(List<TimeWords.Relative> entries) {
        return entries.stream().flatMap(e -> e.words().stream()).toList();
    }

    /**
     * All time expressions in the sentence (in its first {@link #MAX_CHARS} chars), in text order
     * and non-overlapping (the longest match wins); empty, never null. Updates {@code ctx}'s last
     * year / fiscal year as the sentence names them.
     */
    public List<Period> findAll(String given, PeriodContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        String sentence = given;
        if (given.length() > MAX_CHARS) {
            sentence = given.substring(0, SentenceSplitter.headEnd(given, MAX_CHARS));
            LOG.debug("period resolver: read {} of {} chars (the limit is {})", sentence.length(), given.length(), MAX_CHARS);
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
        // Chosen spans never overlap, so the one starting last before c ends is the only one that
        // can overlap c: a lookup per candidate keeps long texts with many candidates n log n.
        java.util.TreeMap<Integer, Candidate> chosen = new java.util.TreeMap<>();
        for (Candidate c : found) {
            Map.Entry<Integer, Candidate> before = chosen.lowerEntry(c.end);
            if (before == null || before.getValue().end <= c.start) {
                chosen.put(c.start, c);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    // ---- resolvers: each returns null when the match does not make a valid period ----

    private Span year(Matcher m, PeriodContext ctx) {
        Stated y = statedYear(m, ctx);
        return y == null ? null : note(ctx, y, yearSpan(y.year, y.relative));
    }

    private Span bareYearPart(Matcher m, PeriodContext ctx) {
        return yearSpan(contextYear(ctx), true);
    }

    private Span month(Matcher m, PeriodContext ctx) {
        int month = TimeNumerals.parse(m.group("m"));
        if (month < 1 || month > 12) {
            return null;
        }
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : inferYear(ctx, month);
        if (!plausible(year)) {
            return null;
        }
        Span span = note(ctx, y, monthSpan(LocalDate.of(year, month, 1), group(m, "mp"), y == null || y.relative));
        if (span != null) {
            ctx.setLastMonth(YearMonth.of(year, month));
        }
        return span;
    }

    private Span day(Matcher m, PeriodContext ctx) {
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
        LocalDate p = ctx.published();
        if (y == null && ctx.lastYear() == null && date.isBefore(p.minusMonths(10)) && !date.plusYears(1).isAfter(p.plusMonths(2))
                && date.plusYears(1).getDayOfMonth() == day) {
            // 1月2日 in a report of 30 December is the coming one, not last January's
            date = date.plusYears(1);
        }
        Span span = note(ctx, y, new Span(date.toString(), date, date, y == null || y.relative));
        if (span != null) {
            ctx.setLastMonth(YearMonth.of(year, month));
            ctx.setLastDate(date);
        }
        return span;
    }

    private Span monthRange(Matcher m, PeriodContext ctx) {
        return range(m, ctx, TimeNumerals.parse(m.group("m1")), TimeNumerals.parse(m.group("m2")));
    }

    private Span firstMonths(Matcher m, PeriodContext ctx) {
        return range(m, ctx, 1, TimeNumerals.parse(m.group("n")));
    }

    private Span firstQuarters(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        return n < 1 || n > 3 ? null : range(m, ctx, 1, 3 * n);
    }

    /** Months from..to of one year, labelled by the coarsest unit that fits them exactly. */
    private Span range(Matcher m, PeriodContext ctx, int from, int to) {
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

    /** 本月, 上个月, 次月: a month counted from the publication month or the month last named. */
    private Span relativeMonth(Matcher m, PeriodContext ctx) {
        YearMonth month = relativeMonthOf(m.group("rm"), ctx);
        ctx.setLastMonth(month);
        LocalDate first = month.atDay(1);
        return monthSpan(first, group(m, "mp"), true);
    }

    private YearMonth relativeMonthOf(String word, PeriodContext ctx) {
        TimeWords.Relative w = relative(words.monthWords(), word);
        YearMonth base = w.base() == TimeWords.Base.CONTEXT && ctx.lastMonth() != null
                ? ctx.lastMonth() : YearMonth.from(ctx.published());
        return base.plusMonths(w.shift());
    }

    /** 今天凌晨, 大后天, 次日: days counted from the publication date or the day last named. */
    private Span relativeDay(Matcher m, PeriodContext ctx) {
        TimeWords.Relative w = relative(words.dayWords(), m.group("rd"));
        LocalDate base = w.base() == TimeWords.Base.CONTEXT && ctx.lastDate() != null ? ctx.lastDate() : ctx.published();
        return daySpan(ctx, base.plusDays(w.shift()), true);
    }

    /**
     * 29日, 12号, 上月28日: a day in the month the sentence names, else the month the article last
     * named, else the publication month, or the month before when the day lies well after
     * publication (a report on the 3rd about 29日 means last month's).
     */
    private Span dayOfMonth(Matcher m, PeriodContext ctx) {
        int day = TimeNumerals.parse(m.group("d"));
        if (day < 1 || day > 31) {
            return null;
        }
        String word = group(m, "rm");
        YearMonth month;
        if (word != null) {
            month = relativeMonthOf(word, ctx);
        } else if (ctx.lastMonth() != null) {
            month = ctx.lastMonth();
        } else {
            LocalDate p = ctx.published();
            month = YearMonth.from(p);
            if (day - p.getDayOfMonth() > words.previousMonthAfterDays()) {
                month = month.minusMonths(1);
            }
        }
        if (!plausible(month.getYear()) || !month.isValidDay(day)) {
            return null;
        }
        ctx.setLastMonth(month);
        return daySpan(ctx, month.atDay(day), true);
    }

    /**
     * 下周三, 上星期五, 本周末: a weekday of the week the shift names (weeks run Monday to Sunday).
     * Written with no shift (周日) it is the one nearest the publication date, three days either
     * side, or the next one on or after it when a word of the future stands before it (将于周一).
     */
    private Span weekday(Matcher m, PeriodContext ctx) {
        LocalDate p = ctx.published();
        String shift = group(m, "ws");
        boolean weekend = group(m, "we") != null;
        int day = weekend ? DayOfWeek.SATURDAY.getValue() : words.weekdayNames().get(m.group("wd"));
        LocalDate date;
        if (shift != null) {
            date = monday(p).plusWeeks(words.weekShifts().get(shift)).plusDays(day - 1L);
        } else if (group(m, "fut") != null) {
            date = p.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(day)));
        } else {
            int delta = Math.floorMod(day - p.getDayOfWeek().getValue() + 3, 7) - 3;
            date = p.plusDays(delta);
        }
        if (weekend) {
            ctx.setLastDate(date);
            return new Span(date.toString(), date, date.plusDays(1), true);
        }
        return daySpan(ctx, date, true);
    }

    /** 下周, 上个星期, 本周: the week, labelled by its Monday (FORMAT.md has no week label). */
    private Span week(Matcher m, PeriodContext ctx) {
        LocalDate monday = monday(ctx.published()).plusWeeks(words.weekShifts().get(m.group("ws")));
        return weekSpan(monday, true);
    }

    /** 第32周, 2025年第32周: the ISO week of the year stated, else of the year under discussion. */
    private Span isoWeek(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("wn"));
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : contextYear(ctx);
        if (!plausible(year) || n < 1) {
            return null;
        }
        LocalDate mid = LocalDate.of(year, 7, 1);
        if (n > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return null;
        }
        LocalDate monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, n).with(DayOfWeek.MONDAY);
        return note(ctx, y, weekSpan(monday, y == null || y.relative));
    }

    /**
     * 90年代, 上世纪80年代末, 2010年代: a decade, labelled by its first year. Two digits with no
     * century are the latest such decade that has begun by publication (20年代 is the 2020s in 2025,
     * 30年代 the 1930s).
     */
    private Span decade(Matcher m, PeriodContext ctx) {
        String digits = m.group("dec");
        int dec = TimeNumerals.parse(digits);
        Integer century = centuryStart(m, ctx);
        int first;
        if (dec < 0 || dec % 10 != 0) {
            return null;
        }
        if (dec >= 1000) {
            first = dec;
        } else if (dec >= 100) {
            return null;
        } else if (century != null) {
            first = century + dec;
        } else {
            first = 2000 + dec <= ctx.published().getYear() ? 2000 + dec : 1900 + dec;
        }
        if (!plausible(first) || (century != null && dec >= 1000 && (first < century || first >= century + 100))) {
            return null;
        }
        boolean relative = century == null ? digits.length() != 4 : group(m, "cw") != null;
        return new Span(String.valueOf(first), LocalDate.of(first, 1, 1), LocalDate.of(first + 9, 12, 31), relative);
    }

    /** 本世纪初, 21世纪, 上世纪末: a century or a part of it, labelled by its first year. */
    private Span century(Matcher m, PeriodContext ctx) {
        Integer start = centuryStart(m, ctx);
        if (start == null) {
            return null;
        }
        int first = start;
        int years = 100;
        String part = group(m, "cp");
        if (part != null) {
            List<Integer> offset = words.centuryParts().get(part);
            first = start + offset.get(0);
            years = offset.get(1);
        }
        if (!plausible(first) || !plausible(first + years - 1)) {
            return null;
        }
        return new Span(String.valueOf(first), LocalDate.of(first, 1, 1), LocalDate.of(first + years - 1, 12, 31),
                group(m, "cw") != null);
    }

    /** The first year of the century the match names (本世纪 → 2000, 20世纪 → 1900), or null. */
    private Integer centuryStart(Matcher m, PeriodContext ctx) {
        String word = group(m, "cw");
        if (word != null) {
            return (ctx.published().getYear() / 100 + words.centuryWords().get(word)) * 100;
        }
        String n = group(m, "cn");
        if (n == null) {
            return null;
        }
        int c = TimeNumerals.parse(n);
        return c >= 19 && c <= 21 ? (c - 1) * 100 : null;
    }

    /** 三年后, 5个月前, 两周后, 10天后: a count of units from the publication date. */
    private Span relativeCount(Matcher m, PeriodContext ctx) {
        String count = m.group("n");
        TimeWords.Unit unit = words.countUnits().get(m.group("u"));
        int sign = words.countDirections().get(m.group("dir"));
        LocalDate p = ctx.published();
        if (count.equals("半")) {
            // 半年 is six months; half of another unit is too vague to date
            if (unit != TimeWords.Unit.YEAR) {
                return null;
            }
            LocalDate first = p.withDayOfMonth(1).plusMonths(6L * sign);
            return monthSpan(first, null, true);
        }
        int n = TimeNumerals.count(count);
        if (n < 1) {
            return null;
        }
        return switch (unit) {
            case YEAR -> n > 100 ? null : note(ctx, new Stated(p.getYear() + sign * n, true), yearSpan(p.getYear() + sign * n, true));
            case MONTH -> n > 240 ? null : monthSpan(p.withDayOfMonth(1).plusMonths((long) sign * n), null, true);
            case WEEK -> n > 520 ? null : daySpan(ctx, p.plusWeeks((long) sign * n), true);
            case DAY -> n > 3660 ? null : daySpan(ctx, p.plusDays((long) sign * n), true);
        };
    }

    private Span quarter(Matcher m, PeriodContext ctx) {
        int q = TimeNumerals.quarter(m.group("q"));
        if (q < 1) {
            return null;
        }
        Stated y = statedYear(m, ctx);
        int year = y != null ? y.year : inferYear(ctx, 3 * q - 2);
        return plausible(year) ? note(ctx, y, quarterSpan(String.valueOf(year), year, q, y == null || y.relative)) : null;
    }

    private Span relativeQuarter(Matcher m, PeriodContext ctx) {
        int shift = words.quarterWords().get(m.group("rq"));
        LocalDate p = ctx.published();
        LocalDate first = LocalDate.of(p.getYear(), (p.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3L * shift);
        int q = (first.getMonthValue() - 1) / 3 + 1;
        return quarterSpan(String.valueOf(first.getYear()), first.getYear(), q, true);
    }

    private Span half(Matcher m, PeriodContext ctx) {
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

    private Span fiscal(Matcher m, PeriodContext ctx) {
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

    private Span pastYears(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        LocalDate p = ctx.published();
        return n < 1 || n > 50 ? null : new Span(String.valueOf(p.getYear()), p.minusYears(n), p, true);
    }

    private Span futureYears(Matcher m, PeriodContext ctx) {
        int n = TimeNumerals.parse(m.group("n"));
        LocalDate p = ctx.published();
        int endYear = p.getYear() + n;
        return n < 1 || n > 50 ? null : new Span(String.valueOf(endYear), p, LocalDate.of(endYear, 12, 31), true);
    }

    // ---- helpers ----

    /** A year the text itself gave, as digits or as a word like 去年; relative when a word. */
    private record Stated(int year, boolean relative) {
    }

    /** The year the match states, or null when it states none; an implausible year is a non-match. */
    private Stated statedYear(Matcher m, PeriodContext ctx) {
        String digits = firstGroup(m, "y", "yy");
        if (digits != null) {
            int y = TimeNumerals.year(digits);
            return plausible(y) ? new Stated(y, false) : new Stated(-1, false);
        }
        String twoDigits = group(m, "y2");
        if (twoDigits != null) {
            return new Stated(twoDigitYear(TimeNumerals.parse(twoDigits), ctx), false);
        }
        String word = group(m, "w");
        if (word == null) {
            return null;
        }
        TimeWords.Relative w = relative(words.yearWords(), word);
        int base = w.base() == TimeWords.Base.CONTEXT ? contextYear(ctx) : ctx.published().getYear();
        return new Stated(base + w.shift(), true);
    }

    /** 07年 is 2007 and 98年 is 1998: this century up to a few years past publication. */
    private int twoDigitYear(int yy, PeriodContext ctx) {
        int thisCentury = ctx.published().getYear() / 100 * 100 + yy;
        return thisCentury <= ctx.published().getYear() + words.twoDigitYearFutureWindow() ? thisCentury : thisCentury - 100;
    }

    /** The table entry that holds the word (the patterns only match words from the tables). */
    private static TimeWords.Relative relative(List<TimeWords.Relative> table, String word) {
        for (TimeWords.Relative r : table) {
            if (r.words().contains(word)) {
                return r;
            }
        }
        throw new IllegalStateException("time word " + word + " is in no table entry");
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

    /** A month, narrowed to a third of it for 上旬, 中旬 and 下旬; the label stays the month. */
    private Span monthSpan(LocalDate first, String part, boolean relative) {
        LocalDate start = first;
        LocalDate end = endOfMonth(first);
        List<Integer> days = part == null ? null : words.monthParts().get(part);
        if (days != null) {
            start = first.withDayOfMonth(Math.min(days.get(0), first.lengthOfMonth()));
            end = first.withDayOfMonth(Math.min(days.get(1), first.lengthOfMonth()));
        }
        return plausible(first.getYear())
                ? new Span(String.format("%04d-%02d", first.getYear(), first.getMonthValue()), start, end, relative)
                : null;
    }

    /** One day; it becomes the day 当天 and 次日 count from. */
    private static Span daySpan(PeriodContext ctx, LocalDate date, boolean relative) {
        if (!plausible(date.getYear())) {
            return null;
        }
        ctx.setLastDate(date);
        return new Span(date.toString(), date, date, relative);
    }

    private static Span weekSpan(LocalDate monday, boolean relative) {
        return plausible(monday.getYear()) ? new Span(monday.toString(), monday, monday.plusDays(6), relative) : null;
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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
