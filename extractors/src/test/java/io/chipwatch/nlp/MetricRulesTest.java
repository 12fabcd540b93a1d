package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.figure;
import static org.assertj.core.api.Assertions.assertThat;

class MetricRulesTest {

    @Test
    void aChangeInPercentagePointsIsNoGrowthRateButKeepsItsSign() {
        Analysis a = analyze("月海半导体毛利率为59.5%，季增0.9个百分点，年减1.4個百分點。");

        assertThat(figure(a, 59.5).metric()).isEqualTo("profit");
        assertThat(figure(a, 0.9).metric()).isEqualTo("other");
        assertThat(figure(a, -1.4).metric()).isEqualTo("other");
    }

    @Test
    void marginsAndEarningsPerShareAreProfit() {
        Analysis a = analyze("月海半导体营业利益率为40.2%，纯益率为31.5%，每股盈余2.35元。");

        assertThat(figure(a, 40.2).metric()).isEqualTo("profit");
        assertThat(figure(a, 31.5).metric()).isEqualTo("profit");
        assertThat(figure(a, 2.35).metric()).isEqualTo("profit");
    }

    @Test
    void aShareOfTheCompanysOwnRevenueIsItsMixNotAMarketShare() {
        Analysis a = analyze("月海半导体研发费用4.56亿元，占营业收入的15.85%。月海半导体占全球市场的12%。");

        assertThat(figure(a, 15.85).metric()).isEqualTo("other");
        assertThat(figure(a, 12).metric()).isEqualTo("market_share");
    }

    @Test
    void aSharePriceMovingIsNotTheCompanyGrowing() {
        Analysis a = analyze("月海半导体股价上涨5%，营收同比增长30%。");

        assertThat(figure(a, 5).metric()).isEqualTo("other");
        assertThat(figure(a, 30).metric()).isEqualTo("growth");
    }

    @Test
    void subsidiesLoansAndCapitalContributionsAreNamed() {
        Analysis a = analyze("日本政府决定补贴7320亿日元。星海银行出资200亿元。");

        assertThat(figure(a, 7.32e11).metric()).isEqualTo("funding");
        assertThat(figure(a, 2e10).metric()).isEqualTo("investment");
    }

    @Test
    void quarterOnQuarterAndYearOnYearChangesAfterAProfitAreGrowth() {
        Analysis a = analyze("聯電稅後純益為85.2億元，季增12.3%，月減4.1%；華虹半導體淨利潤按年升21.4%，按季跌3.2%。");

        assertThat(figure(a, 12.3).metric()).isEqualTo("growth");
        assertThat(figure(a, -4.1).metric()).isEqualTo("growth");
        assertThat(figure(a, 21.4).metric()).isEqualTo("growth");
        assertThat(figure(a, -3.2).metric()).isEqualTo("growth");
    }

    @Test
    void salesOfARegionOrOfTheWholeWorldAreAMarketsSize() {
        Analysis a = analyze("去年全球晶圆设备销售额达到950亿美元，其中日本的设备销售额为120亿美元。");

        assertThat(figure(a, 9.5e10).metric()).isEqualTo("market_size");
        assertThat(figure(a, 1.2e10).metric()).isEqualTo("market_size");
    }

    @Test
    void aCompanysWorldwideSalesStayItsRevenue() {
        Analysis a = analyze("去年中芯国际全球销售额达到80亿美元。");

        assertThat(figure(a, 8e9).metric()).isEqualTo("revenue");
    }

    @Test
    void aShareOfAMixIsOtherAndAShareOfAMarketIsMarketShare() {
        Analysis mix = analyze("按应用划分，汽车电子占比达到18%，工业控制占比为12%。");
        Analysis market = analyze("长江存储在全球NAND市场的占比达到8%。");

        assertThat(figure(mix, 18).metric()).isEqualTo("other");
        assertThat(figure(mix, 12).metric()).isEqualTo("other");
        assertThat(figure(market, 8).metric()).isEqualTo("market_share");
    }
}
