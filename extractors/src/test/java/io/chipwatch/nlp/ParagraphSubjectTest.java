package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.figure;
import static org.assertj.core.api.Assertions.assertThat;

class ParagraphSubjectTest {

    @Test
    void aSentenceThatNamesNobodyGoesOnAboutThePartyItsParagraphJustGaveFiguresFor() {
        Analysis a = analyze("中芯国际第二季度收入22.09亿美元，同比增长16.2%。期内销售晶圆239万片，产能利用率为92.5%。");

        assertThat(figure(a, 2_390_000).subject()).isEqualTo("中芯国际");
        assertThat(figure(a, 92.5).subject()).isEqualTo("中芯国际");
    }

    @Test
    void aNewParagraphStartsWithoutASubject() {
        // three companies named equally: no main company of the article stands in either
        Analysis a = analyze("中芯国际收入22.09亿美元，华虹半导体收入5.66亿美元，联电收入18亿美元。\n期内销售晶圆239万片。");

        assertThat(figure(a, 2_390_000).subject()).isNull();
    }

    @Test
    void aTextWithoutParagraphBreaksCarriesNothing() {
        String filler = "业内人士普遍认为行业仍处于调整阶段，市场前景存在不确定性。".repeat(40);
        Analysis a = analyze("中芯国际收入22.09亿美元，华虹半导体收入5.66亿美元，联电收入18亿美元。期内销售晶圆239万片。" + filler);

        assertThat(figure(a, 2_390_000).subject()).isNull();
    }
}
