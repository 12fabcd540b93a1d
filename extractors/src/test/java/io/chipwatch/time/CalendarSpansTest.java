package io.chipwatch.time;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spans behind the labels FORMAT.md has no word for: weeks, weekends, decades, centuries, parts of months. */
class CalendarSpansTest {

    /** A Wednesday. */
    private static final LocalDate WED = LocalDate.of(2025, 10, 22);

    private final PeriodResolver resolver = new PeriodResolver();

    private Period only(String sentence, LocalDate published) {
        List<Period> all = resolver.findAll(sentence, new PeriodContext(published));
        assertThat(all).as(sentence).hasSize(1);
        return all.get(0);
    }

    @Test
    void aWeekIsLabelledByItsMondayAndRunsToSunday() {
        Period week = only("下周将公布财报", WED);
        assertThat(week.label()).isEqualTo("2025-10-27");
        assertThat(week.start()).isEqualTo(LocalDate.of(2025, 10, 27));
        assertThat(week.end()).isEqualTo(LocalDate.of(2025, 11, 2));
        assertThat(week.relative()).isTrue();
    }

    @Test
    void aNumberedWeekIsTheIsoWeekOfTheYearNamed() {
        Period week = only("2026年第1周出货量", WED);
        assertThat(week.start()).isEqualTo(LocalDate.of(2025, 12, 29)); // ISO week 1 of 2026 starts in 2025
        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(week.relative()).isFalse();
        assertThat(resolver.findAll("第54周", new PeriodContext(WED))).isEmpty();
    }

    @Test
    void aWeekendIsItsSaturdayAndSunday() {
        Period weekend = only("上周末双方达成协议", WED);
        assertThat(weekend.label()).isEqualTo("2025-10-18");
        assertThat(weekend.end()).isEqualTo(LocalDate.of(2025, 10, 19));
    }

    @Test
    void aBareWeekdayIsTheNearestOneButAFutureWordMakesItTheNextOne() {
        assertThat(only("周一，公司公告", WED).label()).isEqualTo("2025-10-20");
        assertThat(only("公司将于周一举行发布会", WED).label()).isEqualTo("2025-10-27");
        assertThat(only("周六举行发布会", WED).label()).isEqualTo("2025-10-25");
    }

    @Test
    void decadesAndCenturiesSpanTheirYears() {
        Period nineties = only("上世纪90年代末", WED);
        assertThat(nineties.label()).isEqualTo("1990");
        assertThat(nineties.start()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(nineties.end()).isEqualTo(LocalDate.of(1999, 12, 31));

        Period early = only("本世纪初", WED);
        assertThat(early.label()).isEqualTo("2000");
        assertThat(early.end()).isEqualTo(LocalDate.of(2009, 12, 31));

        Period century = only("21世纪", WED);
        assertThat(century.end()).isEqualTo(LocalDate.of(2099, 12, 31));
        assertThat(century.relative()).isFalse();
    }

    @Test
    void twoDigitDecadesAreTheLatestThatHasBegun() {
        assertThat(only("20年代", WED).label()).isEqualTo("2020");
        assertThat(only("30年代", WED).label()).isEqualTo("1930");
        assertThat(only("30年代", LocalDate.of(2031, 1, 1)).label()).isEqualTo("2030");
    }

    @Test
    void twoDigitYearsAreThisCenturyUpToTwentyYearsAhead() {
        assertThat(only("45年底", WED).label()).isEqualTo("2045");
        assertThat(only("46年底", WED).label()).isEqualTo("1946");
        assertThat(only("07年第三季度", WED).relative()).isFalse();
    }

    @Test
    void aThirdOfAMonthNarrowsTheSpanButKeepsTheMonthLabel() {
        Period late = only("2025年2月下旬", WED);
        assertThat(late.label()).isEqualTo("2025-02");
        assertThat(late.start()).isEqualTo(LocalDate.of(2025, 2, 21));
        assertThat(late.end()).isEqualTo(LocalDate.of(2025, 2, 28));

        Period early = only("本月上旬", WED);
        assertThat(early.start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(early.end()).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void theMonthAndDayNamedCarryToLaterSentencesOfTheArticle() {
        PeriodContext ctx = new PeriodContext(WED);
        assertThat(resolver.findAll("9月28日，华为发布新品。", ctx)).extracting(Period::label).containsExactly("2025-09-28");
        assertThat(ctx.lastMonth()).hasToString("2025-09");
        assertThat(resolver.findAll("30日，小米跟进。", ctx)).extracting(Period::label).containsExactly("2025-09-30");
        assertThat(resolver.findAll("次日股价大涨。", ctx)).extracting(Period::label).containsExactly("2025-10-01");
        assertThat(resolver.findAll("当月销量破百万。", ctx)).extracting(Period::label).containsExactly("2025-09");
    }

    @Test
    void aDayWellAfterThePublicationDayIsLastMonths() {
        assertThat(only("29日，美国商务部宣布新规", LocalDate.of(2025, 10, 3)).label()).isEqualTo("2025-09-29");
        assertThat(only("18日正式开售", LocalDate.of(2025, 10, 3)).label()).isEqualTo("2025-10-18");
        // 2月 has no 30th: no period rather than a wrong one
        assertThat(resolver.findAll("30日，公司宣布", new PeriodContext(LocalDate.of(2025, 3, 1)))).isEmpty();
    }

    @Test
    void countsOfUnitsRunFromThePublicationDate() {
        assertThat(only("一百天后正式上市", WED).label()).isEqualTo("2026-01-30");
        assertThat(only("18个月后量产", WED).label()).isEqualTo("2027-04");
        assertThat(only("半年后新厂投产", WED).label()).isEqualTo("2026-04");
        assertThat(resolver.findAll("两三年后", new PeriodContext(WED))).isEmpty();
    }

    @Test
    void offsetsOfTheNewFormsPointIntoTheSentence() {
        String sentence = "据悉，华为将于下周三发布新机";
        Period p = only(sentence, WED);
        assertThat(sentence.substring(p.startOffset(), p.endOffset())).isEqualTo("下周三").isEqualTo(p.text());
    }

    @Test
    void aLongTextWithThousandsOfExpressionsKeepsEachOneOnce() {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (String piece = "下周三发布，29日开售，三个月后交付；"; text.length() + piece.length() <= PeriodResolver.MAX_CHARS; n++) {
            text.append(piece);
        }
        List<Period> all = resolver.findAll(text.toString(), new PeriodContext(WED));
        assertThat(all).hasSize(3 * n);
        assertThat(all).extracting(Period::label).startsWith("2025-10-29", "2025-10-29", "2026-01");
    }
}
