package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Entity;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.entity;
import static io.chipwatch.nlp.NlpFixture.names;
import static org.assertj.core.api.Assertions.assertThat;

class EntityFinderTest {

    @Test
    void mergesNamesAcrossScriptsLanguagesAndMisspellings() {
        Analysis a = analyze("英伟达今天公布财报。NVIDIA的股价上涨，Nvidia也宣布新计划。輝達在台灣同樣受到關注。");

        Entity nvidia = entity(a, "ORG", "英伟达").orElseThrow();
        assertThat(nvidia.mentions()).isEqualTo(4);
        assertThat(nvidia.aliases()).contains("NVIDIA", "Nvidia", "輝達");
        assertThat(nvidia.offsets()).hasSize(4);
        assertThat(a.entities().stream().filter(e -> e.name().equals("英伟达"))).hasSize(1);
    }

    @Test
    void aMisspelledProductIsTheProductItMeans() {
        Analysis a = analyze("报道称，升腾芯片的需求很旺盛，昇腾生态也在扩大。");

        Entity ascend = entity(a, "PRODUCT", "昇腾").orElseThrow();
        assertThat(ascend.mentions()).isEqualTo(2);
        assertThat(ascend.aliases()).contains("升腾");
    }

    @Test
    void latinNamesMatchOnlyWholeWords() {
        Analysis a = analyze("OpenAI与美光讨论HBM4的供应，HBM需求持续增长。");

        assertThat(names(a, "TECH")).contains("HBM4", "HBM");
        assertThat(entity(a, "TECH", "HBM").orElseThrow().mentions()).isEqualTo(1);
        assertThat(entity(a, "ORG", "OpenAI")).isPresent();
    }

    @Test
    void unseenModelsOfKnownFamiliesAndVendorsAreProducts() {
        Analysis a = analyze("华为计划推出Ascend 990XT芯片。同时，英伟达B40A也将面市。AMD的MI480芯片性能更强。");

        assertThat(names(a, "PRODUCT")).contains("昇腾990XT", "B40A", "MI480");
        assertThat(entity(a, "PRODUCT", "昇腾990XT").orElseThrow().aliases()).contains("Ascend 990XT");
    }

    @Test
    void processNodesAreTechnologiesWhateverTheSpelling() {
        Analysis a = analyze("该工厂从14nm升级到5纳米，并规划1.4nm工艺。");

        assertThat(names(a, "TECH")).contains("14nm", "5nm", "1.4nm");
    }

    @Test
    void aPersonNeedsATitleOrAVerbOfSaying() {
        Analysis a = analyze("星河半导体董事长郑立远表示，公司会继续加大投入。如有需要，欢迎联系。分析师玛丽亚·冈萨雷斯认为需求强劲。");

        assertThat(names(a, "PERSON")).contains("郑立远", "玛丽亚·冈萨雷斯");
        assertThat(names(a, "PERSON")).noneMatch(n -> n.contains("公司") || n.contains("如有") || n.startsWith("析师"));
    }

    @Test
    void anAmbiguousAliasNeedsCorroboration() {
        Analysis bones = analyze("博物馆展出了一批商代甲骨文，吸引了大批观众。");
        Analysis company = analyze("甲骨文与OpenAI签署了云计算合作协议。");

        assertThat(entity(bones, "ORG", "甲骨文")).isEmpty();
        assertThat(entity(company, "ORG", "甲骨文")).isPresent();
    }

    @Test
    void anAmbiguousAliasAcrossTwoWordsIsNoName() {
        Analysis a = analyze("联发科芯片需要有一些AI运算能力，英伟达GPU的计算能力更强。");
        Analysis company = analyze("算能与英伟达都发布了新的AI芯片。");

        assertThat(entity(a, "ORG", "算能")).isEmpty();
        assertThat(entity(company, "ORG", "算能")).isPresent();
    }

    @Test
    void aPersonInsideAnOrganisationNameIsMentionedToo() {
        Analysis a = analyze("美国拜登政府宣布扩大出口管制。");

        assertThat(entity(a, "ORG", "美国政府")).isPresent();
        assertThat(entity(a, "PERSON", "拜登")).isPresent();
    }
    @Test
    void fullWidthNamesAndCodesAreReadAsTheirAsciiForms() {
        Analysis a = analyze("Ｎｖｉｄｉａ与ＡＭＤ都在扩充ＧＰＵ产能，华为昇腾９１０Ｃ采用７ｎｍ工艺。");

        Entity nvidia = entity(a, "ORG", "英伟达").orElseThrow();
        assertThat(nvidia.aliases()).contains("Ｎｖｉｄｉａ");
        assertThat(nvidia.offsets().get(0)).containsExactly(0, 6);
        assertThat(entity(a, "ORG", "AMD")).isPresent();
        assertThat(names(a, "TECH")).contains("GPU", "7nm");
        assertThat(names(a, "PRODUCT")).contains("昇腾910C");
    }

    @Test
    void aProductNamedWithItsMakerMentionsTheMaker() {
        Analysis a = analyze("报道称，寒武纪思元590与华为昇腾910B的性能接近。");

        assertThat(names(a, "ORG")).contains("寒武纪", "华为");
        assertThat(names(a, "PRODUCT")).contains("昇腾910B");
    }

    @Test
    void unknownNamesCarryTheirFormInTheOtherScript() {
        Analysis a = analyze("星河微電子股份有限公司今天宣布完成融資。");

        Entity company = entity(a, "ORG", "星河微電子股份有限公司").orElseThrow();
        assertThat(company.aliases()).contains("星河微电子股份有限公司");
    }

    @Test
    void aTitleBeforeATransliteratedNameWithAnyDotIsNoPartOfIt() {
        Analysis a = analyze("荷蘭外貿部長瑪麗安•德弗里斯表示，將審查出口許可。");

        assertThat(names(a, "PERSON")).contains("瑪麗安•德弗里斯").doesNotContain("部長瑪麗安•德弗里斯", "瑪麗安");
    }

    @Test
    void peopleInTraditionalTextAreFoundAsInSimplified() {
        Analysis a = analyze("星河半導體董事長鄭立遠表示，公司將繼續加大投入。");

        assertThat(names(a, "PERSON")).contains("鄭立遠");
        assertThat(entity(a, "PERSON", "鄭立遠").orElseThrow().aliases()).contains("郑立远");
    }

    @Test
    void aNameRightAfterATitleIsAPersonButAWordThereIsNot() {
        Analysis a = analyze("外交部发言人钟立岚8日在例行记者会上回答提问。研究院院长韩启明一行到访，分析师白思远曾表示需求将回升。董事长承诺加大投入。");

        assertThat(names(a, "PERSON")).contains("钟立岚", "韩启明", "白思远").doesNotContain("承诺");
    }
}
