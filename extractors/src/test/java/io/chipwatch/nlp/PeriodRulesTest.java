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
}
