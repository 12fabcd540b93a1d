package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

class EventFinderTest {

    @Test
    void eachProductOfAListIsAnnouncedByItsOwnMaker() {
        Analysis a = analyze("此次发布的手机处理器采用高通骁龙865与三星自研Exynos 990两种方案。");

        assertThat(events(a, "product_announcement")).extracting(Event::product, Event::org)
                .contains(org.assertj.core.groups.Tuple.tuple("骁龙865", "高通"), org.assertj.core.groups.Tuple.tuple("Exynos 990", "三星"));
    }

    @Test
    void aTriggerIsAboutTheProductsOfItsOwnClause() {
        Analysis a = analyze("已经商用的有华为巴龙5000、高通X50，另外联发科Helio M70也发布了商用计划。");

        assertThat(events(a, "product_announcement")).extracting(Event::product).containsExactly("Helio M70");
    }

    @Test
    void aDatedLaunchPlanIsAPlannedAnnouncement() {
        Analysis a = analyze("华为表示，Ascend 990XT芯片将于2027年第二季度推出。");

        Event e = events(a, "product_announcement").get(0);
        assertThat(e.org()).isEqualTo("华为");
        assertThat(e.product()).isEqualTo("昇腾990XT");
        assertThat(e.date()).isEqualTo("2027-Q2");
        assertThat(e.status()).isEqualTo("planned");
        assertThat(e.text()).contains("将于2027年第二季度推出");
    }

    @Test
    void aLaunchThatHappenedIsReleasedAndDatedRelativeToPublication() {
        Analysis a = analyze("9月初，寒武纪发布了思元690芯片。", "2025-10-25T10:20:00+08:00");

        Event e = events(a, "product_announcement").get(0);
        assertThat(e.org()).isEqualTo("寒武纪");
        assertThat(e.product()).isEqualTo("思元690");
        assertThat(e.date()).isEqualTo("2025-09");
        assertThat(e.status()).isEqualTo("released");
    }

    @Test
    void theSubsidiaryNamedAfterItsParentActs() {
        Analysis a = analyze("阿里巴巴旗下平头哥近期推出了新款PPU芯片。");

        Event e = events(a, "product_announcement").get(0);
        assertThat(e.org()).isEqualTo("平头哥");
        assertThat(e.date()).isEqualTo("2025");
    }

    @Test
    void exportControlsAreImposedByAGovernment() {
        Analysis a = analyze("2024年12月，美国商务部再次扩大对华出口管制，限制HBM出口。");

        Event e = events(a, "export_control").get(0);
        assertThat(e.org()).isEqualTo("美国商务部");
        assertThat(e.date()).isEqualTo("2024-12");
        assertThat(e.status()).isEqualTo("released");
    }

    @Test
    void everyPartyOfAPartnershipIsReported() {
        Analysis a = analyze("近日，OpenAI与三星、SK海力士达成合作。");

        List<String> orgs = events(a, "partnership").stream().map(Event::org).toList();
        assertThat(orgs).contains("OpenAI", "SK海力士").anyMatch(o -> o.startsWith("三星"));
        assertThat(events(a, "partnership").get(0).date()).isEqualTo("2025-10");
    }

    @Test
    void anIpoAndAnInvestment() {
        Analysis a = analyze("今年9月26日，摩尔线程的IPO申请获得通过。英伟达宣布向英特尔投资50亿美元。");

        assertThat(events(a, "ipo")).extracting(Event::org, Event::date).containsExactly(org.assertj.core.groups.Tuple.tuple("摩尔线程", "2025-09-26"));
        assertThat(events(a, "investment_deal")).extracting(Event::org).containsExactly("英伟达");
    }

    @Test
    void noTriggerNoEvent() {
        assertThat(analyze("英伟达和AMD的芯片都很受欢迎。").events()).isEmpty();
    }
}
