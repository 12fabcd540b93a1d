package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.figure;
import static org.assertj.core.api.Assertions.assertThat;

class ArticleYuanTest {

    @Test
    void aBareYuanInTraditionalScriptNewsIsTheTaiwanDollar() {
        Analysis a = analyze("聯電公布10月營收達215.3億元，較上月減少2.1%，顯示需求轉弱。");

        assertThat(figure(a, 2.153e10).unit()).isEqualTo("TWD");
        assertThat(figure(a, 2.153e10).currency()).isEqualTo("TWD");
    }

    @Test
    void anArticleThatNamesTheTaiwanDollarOnceMeansItByEveryBareYuan() {
        Analysis a = analyze("联电10月营收为新台币215.3亿元。\n累计前10月营收2010.5亿元，同比增长3%。");

        assertThat(figure(a, 2.0105e11).unit()).isEqualTo("TWD");
    }

    @Test
    void anArticleThatNamesTheRenminbiKeepsBareYuanAsRenminbi() {
        Analysis a = analyze("寒武紀上半年營收人民幣28.81億元，淨利潤10.38億元，兩者均創新高。");

        assertThat(figure(a, 1.038e9).unit()).isEqualTo("CNY");
    }

    @Test
    void aBareYuanInSimplifiedMainlandNewsStaysTheRenminbi() {
        Analysis a = analyze("中芯国际三季度营收达到165亿元，同比增长9%。");

        assertThat(figure(a, 1.65e10).unit()).isEqualTo("CNY");
    }

    @Test
    void scriptIsToldByItsCharacters() {
        assertThat(ArticleYuan.isTraditional("晶圓代工廠營收創新高，記憶體價格續漲。")).isTrue();
        assertThat(ArticleYuan.isTraditional("晶圆代工厂营收创新高，记忆体价格续涨。")).isFalse();
    }
}
