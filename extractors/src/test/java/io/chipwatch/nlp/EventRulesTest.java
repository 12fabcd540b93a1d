package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Event;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

/** The event rules added for news the finder was not written on; sentences invented for the tests. */
class EventRulesTest {

    @Test
    void anEventStatedAgainIsReportedOnce() {
        Analysis a = analyze("""
                寒武纪3月5日发布了思元790芯片。
                据介绍，寒武纪3月5日发布的思元790面向云端训练。
                寒武纪还计划于2026年第二季度发布思元790的升级版思元790X。""", "2025-10-25T10:20:00+08:00");

        assertThat(events(a, "product_announcement")).extracting(Event::product, Event::date)
                .containsOnlyOnce(org.assertj.core.groups.Tuple.tuple("思元790", "2025-03-05"));
    }

    @Test
    void theSameDealOnAnotherDateIsAnotherEvent() {
        Analysis a = analyze("""
                长江存储今年3月完成了一轮融资。
                长江存储计划明年再进行一轮融资。""", "2025-10-25T10:20:00+08:00");

        assertThat(events(a, "funding")).extracting(Event::date).containsExactly("2025-03", "2026");
    }

    @Test
    void aSupplyChainOrASupplierIsNoSupplyDeal() {
        Analysis a = analyze("中芯国际表示将加强供应链管理，并引入更多本地供应商。");

        assertThat(events(a, "supply_deal")).isEmpty();
    }

    @Test
    void aCountryThatImposesAnExportControlIsItsGovernment() {
        Analysis a = analyze("荷兰上周宣布对三家中国企业实施出口管制。");

        assertThat(events(a, "export_control")).extracting(Event::org).containsExactly("荷兰政府");
    }

    @Test
    void aSanctionIsAnExportControlOfTheGovernmentNearestBeforeIt() {
        Analysis a = analyze("华为表示，受美国制裁影响，其手机芯片无法继续生产。");

        assertThat(events(a, "export_control")).extracting(Event::org).containsExactly("美国政府");
    }

    @Test
    void aSubsidyIsAnInvestmentOfTheGovernmentThatGrantsIt() {
        Analysis a = analyze("三星电子计划在得州新建工厂，而美国政府将为其补贴约40亿美元。");

        assertThat(events(a, "investment_deal")).extracting(Event::org).containsExactly("美国政府");
    }

    @Test
    void organisationsListedAsJointSubjectsEachAct() {
        Analysis a = analyze("华为、小米和比亚迪也先后宣布投资这家芯片设计公司。");

        assertThat(events(a, "investment_deal")).extracting(Event::org).containsExactly("华为", "小米", "比亚迪");
    }

    @Test
    void anAcquisitionIsAnInvestmentDealOfTheBuyer() {
        Analysis a = analyze("美光将以20亿美元收购一家德国封装厂。");

        assertThat(events(a, "investment_deal")).extracting(Event::org).containsExactly("美光");
    }

    @Test
    void aListClosedByDengGivesExamplesNotJointActors() {
        Analysis a = analyze("投资方包括华为、小米、比亚迪等多家企业。");

        assertThat(events(a, "investment_deal")).extracting(Event::org).doesNotContain("小米", "比亚迪");
    }

    @Test
    void eachLaunchClauseOfARoadmapIsItsOwnEvent() {
        Analysis a = analyze("寒武纪表示，2026年第二季度推出思元790，同年第四季度推出思元890。", "2025-10-25T10:20:00+08:00");

        assertThat(events(a, "product_announcement")).extracting(Event::product, Event::date).contains(
                org.assertj.core.groups.Tuple.tuple("思元790", "2026-Q2"), org.assertj.core.groups.Tuple.tuple("思元890", "2026-Q4"));
    }

    @Test
    void aListingPlanIsAnIpo() {
        Analysis a = analyze("长鑫存储表示，其科创板上市计划已获上海证券交易所批准。");

        assertThat(events(a, "ipo")).extracting(Event::org).containsExactly("长鑫存储");
    }

    @Test
    void aTriggerWordInsideANameOrAnInvestorIsNoEvent() {
        Analysis a = analyze("国家集成电路产业投资基金股份有限公司的投资方包括多家国有银行。");

        assertThat(events(a, "investment_deal")).isEmpty();
    }

    @Test
    void theExchangeWhereACompanyAnnouncesIsNotWhoActs() {
        Analysis a = analyze("当晚在港交所发布公告的小米拟出资30亿元入股一家芯片公司。");

        assertThat(events(a, "investment_deal")).extracting(Event::org).containsExactly("小米");
    }

    @Test
    void aQuestionOrASuppositionReportsNoEvent() {
        Analysis a = analyze("""
                寒武纪为什么还要推出思元790？
                如果参考寒武纪发布的思元790，国产芯片仍有差距。""");

        assertThat(events(a, "product_announcement")).isEmpty();
    }
}
