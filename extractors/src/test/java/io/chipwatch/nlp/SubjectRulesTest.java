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

    @Test
    void aFigureNoSentenceAttributesIsAboutTheCompanyTheArticleKeepsNaming() {
        Analysis a = analyze("""
                中芯国际周四公布第二季度业绩，中芯国际营收创新高。
                分析师认为中芯国际的订单仍然充足。
                毛利率为41.2%，高于市场预期。""");

        assertThat(figure(a, 41.2).subject()).isEqualTo("中芯国际");
    }

    @Test
    void anArticleNamingManyCompaniesAboutEquallyHasNoMainCompany() {
        Analysis a = analyze("""
                中芯国际、华虹半导体与联电都在扩产。
                中芯国际、华虹半导体与联电的客户各不相同。
                行业平均毛利率为41.2%。""");

        assertThat(figure(a, 41.2).subject()).isNull();
    }

    @Test
    void aSubsidyIsTheFundingOfTheCompanyThatReceivesIt() {
        Analysis a = analyze("韩国政府宣布将向三星提供约30亿美元补贴，用于建设新厂。");

        assertThat(figure(a, 3e9).subject()).isEqualTo("三星");
    }

    @Test
    void aSubsidyToAnUnnamedReceiverIsTheFundingOfTheArticlesCompany() {
        Analysis a = analyze("""
                美光计划在爱达荷州扩建晶圆厂，美光预计明年动工。
                爱达荷州政府将为其补贴约5亿美元。""");

        assertThat(figure(a, 5e8).subject()).isEqualTo("美光");
    }

    @Test
    void homeMadeWithACompanyNamedIsAboutTheCompany() {
        Analysis a = analyze("长江存储是国产存储芯片龙头，今年营收有望达到300亿元。");

        assertThat(figure(a, 3e10).subject()).isEqualTo("长江存储");
    }

    @Test
    void homeMadeWithoutACompanyIsChina() {
        Analysis a = analyze("国产AI芯片今年的市场份额有望达到40%。");

        assertThat(figure(a, 40).subject()).isEqualTo("中国");
    }
}
