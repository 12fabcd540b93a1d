package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Figure;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.figure;
import static org.assertj.core.api.Assertions.assertThat;

class FigureFinderTest {

    @Test
    void shipmentsOfAProductAreAttributedToItsVendor() {
        Analysis a = analyze("2024年，华为昇腾芯片出货量约为20万-25万颗。");

        Figure f = figure(a, 200_000);
        assertThat(f.valueMax()).isEqualTo(250_000);
        assertThat(f.unit()).isEqualTo("units");
        assertThat(f.metric()).isEqualTo("shipments");
        assertThat(f.qualifier()).isEqualTo("approx");
        assertThat(f.subject()).isEqualTo("华为");
        assertThat(f.product()).isEqualTo("昇腾");
        assertThat(f.period()).isEqualTo("2024");
        assertThat(f.text()).isEqualTo("2024年，华为昇腾芯片出货量约为20万-25万颗。");
        assertThat(a.figures().get(0).start()).isGreaterThan(0);
    }

    @Test
    void aProductNamedEarlierInTheSentenceGivesALaterClauseItsVendor() {
        Analysis a = analyze("昇腾910B采用7纳米工艺，单卡功耗约310瓦，售价约12万元。");

        Figure price = figure(a, 120_000);
        assertThat(price.metric()).isEqualTo("price");
        assertThat(price.product()).isEqualTo("昇腾910B");
        assertThat(price.subject()).isEqualTo("华为");
    }

    @Test
    void anOrganisationAmongTheSpeakersTitlesIsNotTheSubject() {
        Analysis a = analyze("中国半导体行业协会副理事长、清华大学教授魏少军表示，2024年中国集成电路设计业销售收入为6460亿元，比上年增长11.9%。");

        assertThat(figure(a, 6.46e11).subject()).isEqualTo("中国");
        assertThat(figure(a, 11.9).subject()).isEqualTo("中国");
    }

    @Test
    void aFallIsANegativeGrowthAndARiseStaysPositiveAPointChangeIsOtherButSigned() {
        Analysis a = analyze("存储芯片价格同比分别下降12%和3.5%，而出货量同比增长20%，增速比上年的26.1%回落4.6个百分点。");

        assertThat(figure(a, -12).metric()).isEqualTo("growth");
        assertThat(figure(a, -3.5).metric()).isEqualTo("growth");
        assertThat(figure(a, 20).metric()).isEqualTo("growth");
        assertThat(figure(a, 26.1).metric()).isEqualTo("growth");
        assertThat(figure(a, -4.6).metric()).isEqualTo("other");
    }

    @Test
    void aSignedFigureIsNotFlippedAgainAndOtherCurrenciesAreMoney() {
        Analysis a = analyze("公司营收同比下降-8.4%，英国政府的芯片投资达到10亿英镑。");

        assertThat(figure(a, -8.4).metric()).isEqualTo("growth");
        assertThat(figure(a, 1e9).unit()).isEqualTo("other");
        assertThat(figure(a, 1e9).currency()).isEqualTo("GBP");
        assertThat(figure(a, 1e9).metric()).isEqualTo("investment");
    }

    @Test
    void aSentenceThatNamesNothingGoesOnAboutTheProductJustNamed() {
        Analysis a = analyze("华为推出了昇腾910C芯片。单卡算力达到800TFLOPS，比英伟达H20高3倍。");

        assertThat(figure(a, 8e14).subject()).isEqualTo("华为");
    }

    @Test
    void clausesAfterASemicolonShareTheirStatementsSubject() {
        Analysis a = analyze("海关总署数据显示，我国2024年集成电路进口数量为5492亿个，同比增长14.6%；全年进口总额3856亿美元，同比增长10.4%。");

        assertThat(figure(a, 3.856e11).subject()).isEqualTo("中国");
        assertThat(figure(a, 10.4).subject()).isEqualTo("中国");
    }

    @Test
    void theOwnerOfAMarketCapMayFollowIt() {
        Analysis a = analyze("拥有3.2万亿美元市值的英伟达再次创下新高。");

        Figure f = figure(a, 3.2e12);
        assertThat(f.metric()).isEqualTo("market_cap");
        assertThat(f.unit()).isEqualTo("USD");
        assertThat(f.subject()).isEqualTo("英伟达");
    }

    @Test
    void theInvestorIsTheSubjectNotTheCompanyInvestedIn() {
        Analysis a = analyze("英伟达宣布将向OpenAI投资最多500亿美元，后者将采购200万颗英伟达芯片。");

        assertThat(figure(a, 5e10).subject()).isEqualTo("英伟达");
        assertThat(figure(a, 5e10).metric()).isEqualTo("investment");
        assertThat(figure(a, 5e10).qualifier()).isEqualTo("up_to");
        assertThat(figure(a, 2e6).subject()).isEqualTo("OpenAI");
        assertThat(figure(a, 2e6).metric()).isEqualTo("orders");
    }

    @Test
    void revenueAndItsGrowthInOneSentence() {
        Analysis a = analyze("寒武纪第三季度营收为18亿元，同比增长43%。");

        assertThat(figure(a, 1.8e9).metric()).isEqualTo("revenue");
        assertThat(figure(a, 1.8e9).unit()).isEqualTo("CNY");
        assertThat(figure(a, 43).metric()).isEqualTo("growth");
        assertThat(figure(a, 43).subject()).isEqualTo("寒武纪");
        assertThat(figure(a, 43).period()).isEqualTo("2025-Q3");
    }

    @Test
    void aConversionRestatesTheFigureBeforeIt() {
        Analysis a = analyze("摩尔线程计划的支出可能高达50亿美元（约合360亿元人民币）。");

        Figure converted = figure(a, 3.6e10);
        assertThat(converted.unit()).isEqualTo("CNY");
        assertThat(converted.metric()).isEqualTo(figure(a, 5e9).metric());
        assertThat(converted.subject()).isEqualTo("摩尔线程");
    }

    @Test
    void periodsResolveAgainstThePublicationDate() {
        Analysis oct2025 = analyze("今年8月，海光信息的销售额达到12亿元。", "2025-10-25T10:20:00+08:00");
        Analysis feb2024 = analyze("今年8月，海光信息的销售额达到12亿元。", "2024-02-03T09:00:00+08:00");

        assertThat(figure(oct2025, 1.2e9).period()).isEqualTo("2025-08");
        assertThat(figure(feb2024, 1.2e9).period()).isEqualTo("2024-08");
    }

    @Test
    void aComparisonBaseIsNotThePeriodAndNowMeansThePublicationYear() {
        Analysis a = analyze("2025年上半年，中国AI服务器市场规模达到120亿美元，较2024年上半年增长一倍以上。"
                + "三年前，英伟达在中国的市场份额高达90%，现在只有40%。");

        assertThat(figure(a, 1.2e10).period()).isEqualTo("2025-H1");
        assertThat(figure(a, 1.2e10).metric()).isEqualTo("market_size");
        assertThat(figure(a, 1).period()).isEqualTo("2025-H1");
        assertThat(figure(a, 1).unit()).isEqualTo("multiple");
        assertThat(figure(a, 90).period()).isEqualTo("2022");
        assertThat(figure(a, 40).period()).isEqualTo("2025");
        assertThat(figure(a, 40).subject()).isEqualTo("英伟达");
        assertThat(figure(a, 40).metric()).isEqualTo("market_share");
    }

    @Test
    void analystsAreSourcesNotSubjects() {
        Analysis a = analyze("IDC预测，2026年全球AI芯片市场规模将达到3000亿美元。");

        assertThat(figure(a, 3e11).subject()).isNull();
        assertThat(figure(a, 3e11).qualifier()).isEqualTo("forecast");
        assertThat(figure(a, 3e11).period()).isEqualTo("2026");
    }

    @Test
    void modelNumbersYearsAndPhonesAreNoFigures() {
        Analysis a = analyze("2025年10月，英伟达发布H200和B300芯片，采用4nm工艺。咨询电话：400-123-4567。");

        assertThat(a.figures()).isEmpty();
    }

    @Test
    void aBareMagnitudeAfterAVerbIsAnApproximateFigure() {
        Analysis a = analyze("甲骨文与OpenAI达成万亿美元合作协议。");

        Figure f = figure(a, 1e12);
        assertThat(f.qualifier()).isEqualTo("approx");
        assertThat(f.metric()).isEqualTo("deal_value");
        assertThat(f.subject()).isEqualTo("甲骨文");
    }

    @Test
    void machineTranslatedFragmentsAreMarkedAndTheirFiguresStillFound() {
        Analysis a = analyze("寒武纪的出货量超过1万颗。Sinabi ng kumpanya na ang mga pondo ay pangunahing gagamitin sa pananaliksik at pag-unlad. "
                + "Noong Setyembre, ang 模型的训练成本仅为 29.4 万美元。");

        assertThat(a.sentences()).extracting(io.chipwatch.model.Sentence::lang).contains("zh", "tl");
        assertThat(a.foreignShare()).isGreaterThan(0);
        assertThat(figure(a, 294_000).unit()).isEqualTo("USD");
        assertThat(figure(a, 294_000).metric()).isEqualTo("cost");
    }
}
