package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.names;
import static org.assertj.core.api.Assertions.assertThat;

class ShapeMentionsTest {

    @Test
    void theReportersOfABylineArePeopleWhateverFollowsTheirNames() {
        Analysis a = analyze("（中央社記者林茂仁台北10日電）晨星半導體今天公布營收。\n記者李孟珊、陳瑩欣／台北報導\n记者 王晶 北京报道");

        assertThat(names(a, "PERSON")).contains("林茂仁", "李孟珊", "陳瑩欣", "王晶");
    }

    @Test
    void aPlacesGovernmentIsAnOrganisationButAPersonsIsNot() {
        Analysis a = analyze("日本政府决定补贴。纽约州政府也将提供激励措施。深圳市坪山区人民政府与企业签约。美国拜登政府扩大限制。");

        assertThat(names(a, "ORG")).contains("日本政府", "纽约州政府", "深圳市坪山区人民政府");
        assertThat(names(a, "ORG")).doesNotContain("美国拜登政府");
    }

    @Test
    void aRegisteredNameIsAnOrganisationUpToTheWordBeforeIt() {
        Analysis a = analyze("本轮融资由建信金融资产投资有限公司领投，合肥产投壹号股权投资合伙企业（有限合伙）跟投。");

        assertThat(names(a, "ORG")).contains("建信金融资产投资有限公司", "合肥产投壹号股权投资合伙企业（有限合伙）");
    }

    @Test
    void theTranslatorAndCheckerOfAWireStoryArePeople() {
        Analysis a = analyze("晨星半導體今天公布營收。（譯者：林茂仁/核稿：陳瑩欣）1120");

        assertThat(names(a, "PERSON")).contains("林茂仁", "陳瑩欣");
    }
}
