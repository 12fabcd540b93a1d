package io.chipwatch.crawl;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void minuteListsFireAtTheNextListedMinuteInTheZone() {
        CrawlSchedule schedule = CrawlSchedule.parse("7,37 * * * *");

        ZonedDateTime after = ZonedDateTime.of(2025, 10, 25, 10, 8, 0, 0, SHANGHAI);

        assertThat(schedule.next(after)).contains(ZonedDateTime.of(2025, 10, 25, 10, 37, 0, 0, SHANGHAI));
        assertThat(schedule.next(after.withMinute(37))).contains(ZonedDateTime.of(2025, 10, 25, 11, 7, 0, 0, SHANGHAI));
    }

    @Test
    void nextIsStrictlyAfter() {
        CrawlSchedule schedule = CrawlSchedule.parse("*/30 * * * *");
        ZonedDateTime onTheHour = ZonedDateTime.of(2025, 10, 25, 10, 0, 0, 0, SHANGHAI);

        assertThat(schedule.next(onTheHour)).contains(onTheHour.plusMinutes(30));
    }

    @Test
    void hourStepsAndDayRollOverAreReadInTheGivenZone() {
        CrawlSchedule schedule = CrawlSchedule.parse("12 */2 * * *");
        ZonedDateTime late = ZonedDateTime.of(2025, 10, 25, 22, 30, 0, 0, SHANGHAI);

        assertThat(schedule.next(late)).contains(ZonedDateTime.of(2025, 10, 26, 0, 12, 0, 0, SHANGHAI));

        // 08:00 UTC is 16:00 in Shanghai: the next even hour there is 16:12 local, 08:12 UTC
        ZonedDateTime utc = ZonedDateTime.of(2025, 10, 25, 8, 0, 0, 0, ZoneId.of("UTC"));
        assertThat(schedule.next(utc.withZoneSameInstant(SHANGHAI)))
                .contains(ZonedDateTime.of(2025, 10, 25, 16, 12, 0, 0, SHANGHAI));
    }

    @Test
    void dayOfWeekSchedulesSkipToTheRightDay() {
        CrawlSchedule mondays = CrawlSchedule.parse("30 9 * * 1");
        ZonedDateTime saturday = ZonedDateTime.of(2025, 10, 25, 12, 0, 0, 0, SHANGHAI);

        assertThat(mondays.next(saturday)).contains(ZonedDateTime.of(2025, 10, 27, 9, 30, 0, 0, SHANGHAI));
    }

    @Test
    void invalidExpressionsAreRefusedNamingTheExpression() {
        assertThatThrownBy(() -> CrawlSchedule.parse("every hour"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'every hour'");
        assertThatThrownBy(() -> CrawlSchedule.parse("61 * * * *"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'61 * * * *'");
        // Quartz style, six fields with seconds: not a crontab line
        assertThatThrownBy(() -> CrawlSchedule.parse("0 0/30 * * * ?"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringIsTheExpression() {
        assertThat(CrawlSchedule.parse("5,35 * * * *")).hasToString("5,35 * * * *");
    }
}
