package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.figure;
import static org.assertj.core.api.Assertions.assertThat;

class PeriodRulesTest {

    @Test
    void theDayAReportWasPublishedDoesNotDateItsFigures() {
        Analysis a = analyze("晨星协会14日发布报告称，全球半导体设备销售额达712亿美元。", "2021-04-15T10:00:00+08:00");

        assertThat(figure(a, 7.12e10).period()).isNotEqualTo("2021-04-14");
    }

    @Test
    void aDayThatIsNotAnAnnouncementStillDatesItsFigure() {
        Analysis a = analyze("月海半导体股价26日收在1329元。", "2025-08-27T10:00:00+08:00");

        assertThat(figure(a, 1329).period()).isEqualTo("2025-08-26");
    }

    @Test
    void aResultsFigureWithoutATimeOfItsOwnIsForThePeriodTheResultsArticleReports() {
        Analysis a = analyze("""
                中芯国际周四公布第三季度财报，中芯国际收入再创新高。
                中芯国际对需求保持谨慎。
                期内毛利率为21.3%，资本开支为18亿美元。""", "2025-11-14T10:00:00+08:00");

        assertThat(figure(a, 21.3).period()).isEqualTo("2025-Q3");
        assertThat(figure(a, 1.8e9).period()).isEqualTo("2025-Q3");
    }

    @Test
    void guidanceForTheNextQuarterIsNotThePeriodReportedOn() {
        Analysis a = analyze("""
                中芯国际预计第四季度收入环比持平。
                中芯国际对需求保持谨慎。
                期内毛利率为21.3%。""", "2025-11-14T10:00:00+08:00");

        assertThat(figure(a, 21.3).period()).isNull();
    }

    @Test
    void anIndustryRoundUpHasNoReportPeriod() {
        Analysis a = analyze("""
                中芯国际、华虹半导体与联电陆续公布第三季度财报。
                中芯国际、华虹半导体与联电的收入都有增长。
                平均毛利率为21.3%。""", "2025-11-14T10:00:00+08:00");

        assertThat(figure(a, 21.3).period()).isNull();
    }

    @Test
    void theEndDateInBracketsAfterAPeriodGlossesItAndDoesNotDateTheFigure() {
        Analysis a = analyze("""
                美光2026财年第一季度（截至11月27日）营收为136亿美元。
                净利润为52亿美元。""", "2025-12-20T10:00:00+08:00");

        assertThat(figure(a, 1.36e10).period()).isEqualTo("FY2026-Q1");
        assertThat(figure(a, 5.2e9).period()).isEqualTo("FY2026-Q1");
    }
}
