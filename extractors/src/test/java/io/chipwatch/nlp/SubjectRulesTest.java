package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.figure;
import static org.assertj.core.api.Assertions.assertThat;

class SubjectRulesTest {

    @Test
    void aPlaceThatQualifiesACompanyIsNotTheSubjectOfItsFigure() {
        Analysis a = analyze("中国GPU企业摩尔线程上半年营收7.02亿元。");

        assertThat(figure(a, 7.02e8).subject()).isEqualTo("摩尔线程");
    }

    @Test
    void aPlaceAloneIsTheSubjectOfItsMarketsFigure() {
        Analysis a = analyze("去年中国半导体设备销售额达187.2亿美元。");

        assertThat(figure(a, 1.872e10).subject()).isEqualTo("中国");
    }
}
