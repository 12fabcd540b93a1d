package io.chipwatch.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseDateTimeParserTest {

    /** Fixed so that dates without a year resolve the same way every run. */
    private static final DateContext LATE_2025 = DateContext.at(Instant.parse("2025-11-28T08:00:00Z"));
    private static final DateContext EARLY_2025 = DateContext.at(Instant.parse("2025-01-10T04:00:00Z"));

    private final ChineseDateTimeParser parser = new ChineseDateTimeParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            发布时间：2025-10-25 10:20          | 2025-10-25T10:20+08:00
            2025年10月25日 10:20                | 2025-10-25T10:20+08:00
            2025年10月25日10时20分              | 2025-10-25T10:20+08:00
            2019-09-25                          | 2019-09-25T00:00+08:00
            时间：2024-01-08 08:30:12           | 2024-01-08T08:30:12+08:00
            2025/3/5                            | 2025-03-05T00:00+08:00
            2023.07.14 来源：芯片观察           | 2023-07-14T00:00+08:00
            """)
    void findsFullDatesInRunningTextInChinaTime(String text, String expected) {
        assertThat(parser.find(text, LATE_2025)).contains(OffsetDateTime.parse(expected));
    }

    @Test
    void keepsTheUtcZoneOfAnIsoValue() {
        OffsetDateTime t = parser.parseValue("2025-10-25T02:20:00Z", LATE_2025).orElseThrow();

        assertThat(t.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-10-25T02:20:00Z"));
    }

    @Test
    void keepsTheGivenOffsetOfAnIsoValue() {
        OffsetDateTime t = parser.parseValue("2025-10-25T11:20:00+09:00", LATE_2025).orElseThrow();

        assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(t.getHour()).isEqualTo(11);
        assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-10-25T02:20:00Z"));
    }

    @Test
    void keepsAnOffsetWrittenWithoutColonInRunningText() {
        OffsetDateTime t = parser.find("更新于 2025-10-25 11:20 +0900", LATE_2025).orElseThrow();

        assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-10-25T02:20:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1761358800", "1761358800000", " 1761358800 "})
    void readsUnixTimestampsInSecondsAndMillisecondsInTheContextZone(String value) {
        OffsetDateTime t = parser.parseValue(value, LATE_2025).orElseThrow();

        assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-10-25T02:20:00Z"));
        assertThat(t).isEqualTo(OffsetDateTime.parse("2025-10-25T10:20+08:00"));
    }

    @Test
    void parseValueReadsACompactDate() {
        assertThat(parser.parseValue("20240305", LATE_2025)).contains(OffsetDateTime.parse("2024-03-05T00:00+08:00"));
    }

    @Test
    void monthDayUsesTheYearHintWhenGiven() {
        DateContext ctx = LATE_2025.withYearHint(2023);

        assertThat(parser.find("10-25 10:20", ctx)).contains(OffsetDateTime.parse("2023-10-25T10:20+08:00"));
    }

    @Test
    void monthDayWithoutHintIsNeverInTheFutureOfTheReference() {
        assertThat(parser.find("10-25 10:20", EARLY_2025)).contains(OffsetDateTime.parse("2024-10-25T10:20+08:00"));
    }

    @Test
    void monthDayWithoutHintTakesTheReferenceYearWhenAlreadyPast() {
        assertThat(parser.find("10-25 10:20", LATE_2025)).contains(OffsetDateTime.parse("2025-10-25T10:20+08:00"));
    }

    @Test
    void chineseMonthDayWithoutTimeIsMidnightInTheInferredYear() {
        assertThat(parser.find("10月25日", LATE_2025)).contains(OffsetDateTime.parse("2025-10-25T00:00+08:00"));
        assertThat(parser.find("10月25日", EARLY_2025)).contains(OffsetDateTime.parse("2024-10-25T00:00+08:00"));
    }

    @Test
    void chineseMonthDayWithTime() {
        assertThat(parser.find("10月25日 09:05", LATE_2025)).contains(OffsetDateTime.parse("2025-10-25T09:05+08:00"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "2025-13-45",
            "2025-02-30",
            "1800-01-01",
            "1989-06-01",
            "这是一段没有日期的文字",
            "abc;;//--::",
            "增长10-15%",
            "预计明年出货量增长10-15%，毛利率提升3-5个百分点",
            "第3/4季度",
            ""})
    void findsNothingWhereThereIsNoValidDate(String text) {
        assertThat(parser.find(text, LATE_2025)).isEmpty();
        assertThat(parser.parseValue(text, LATE_2025)).isEmpty();
    }

    @Test
    void nullAndBlankInputsAreEmptyNotErrors() {
        assertThat(parser.find(null, LATE_2025)).isEmpty();
        assertThat(parser.parseValue(null, LATE_2025)).isEmpty();
        assertThat(parser.parseValue("   ", LATE_2025)).isEmpty();
        assertThat(parser.locate(null, LATE_2025)).isEmpty();
    }

    @Test
    void skipsAnInvalidDateAndFindsTheNextValidOne() {
        assertThat(parser.find("2025-13-45 之后于 2025-10-26 发布", LATE_2025))
                .contains(OffsetDateTime.parse("2025-10-26T00:00+08:00"));
    }

    @ParameterizedTest(name = "{0} -> hasTime={1}")
    @CsvSource(delimiter = '|', textBlock = """
            发布时间：2025-10-25 10:20 | true
            2025年10月25日 10:20:33    | true
            2025-10-25                 | false
            2025年10月25日 来源：某报  | false
            10-25 10:20                | true
            10月25日 10:20             | true
            10月25日                   | false
            """)
    void locateReportsWhetherATimeOfDayWasGiven(String text, boolean hasTime) {
        ChineseDateTimeParser.FoundTime found = parser.locate(text, LATE_2025).orElseThrow();

        assertThat(found.hasTime()).isEqualTo(hasTime);
        assertThat(found.at()).isEqualTo(parser.find(text, LATE_2025).orElseThrow());
    }

    @Test
    void hasFullDateTellsFullDatesFromMonthDays() {
        assertThat(parser.hasFullDate("发布于2025-10-25")).isTrue();
        assertThat(parser.hasFullDate("10月25日 10:20")).isFalse();
        assertThat(parser.hasFullDate(null)).isFalse();
    }
}
