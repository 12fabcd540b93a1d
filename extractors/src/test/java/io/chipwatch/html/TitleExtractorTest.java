package io.chipwatch.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TitleExtractorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            台积电公布新一代制程量产时间表_网易科技 => 台积电公布新一代制程量产时间表
            国产存储芯片厂商获大额订单_新浪科技_新浪网 => 国产存储芯片厂商获大额订单
            如何为车规MCU选择合适的电源管理方案-EDN 电子技术设计 => 如何为车规MCU选择合适的电源管理方案
            光刻胶国产化迈出关键一步 | 新浪 => 光刻胶国产化迈出关键一步
            晶圆代工价格下半年或将企稳 - 芯片观察网 => 晶圆代工价格下半年或将企稳
            """)
    void stripsTrailingSiteNames(String title, String expected) {
        assertThat(TitleExtractor.stripSuffix(title, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "AMD挑战nvidia,寒武纪能否突围",
            "国产GPU厂商发布新品——性能对标主流产品",
            "小米发布自研芯片·玄戒O1性能解析",
            "英伟达H100-SXM版本供货持续紧张"})
    void keepsTitlesWithoutASiteSuffixIntact(String title) {
        assertThat(TitleExtractor.stripSuffix(title, null)).isEqualTo(title);
    }

    @Test
    void stripsATailNamedAsTheSiteEvenWithoutASiteWord() {
        String title = "先进封装产能持续紧张 - 硅谷动力";

        assertThat(TitleExtractor.stripSuffix(title, null)).isEqualTo(title);
        assertThat(TitleExtractor.stripSuffix(title, "硅谷动力")).isEqualTo("先进封装产能持续紧张");
    }

    @Test
    void neverStripsTheWholeTitle() {
        assertThat(TitleExtractor.stripSuffix("网易科技", null)).isEqualTo("网易科技");
        assertThat(TitleExtractor.stripSuffix("新浪科技_新浪网", null)).isNotEmpty();
    }

    @Test
    void collapsesWhitespaceInTheTitle() {
        assertThat(TitleExtractor.stripSuffix("  国产芯片\u3000新突破 _网易科技 ", null)).isEqualTo("国产芯片 新突破");
    }

    @Test
    void extractPrefersAHeadingThePageTitleConfirms() {
        Document doc = Jsoup.parse("<html><head><title>功率器件厂商扩产八英寸产线_网易科技</title></head>"
                + "<body><div class=\"nav\"><h2>热门推荐</h2></div><h1>功率器件厂商扩产八英寸产线</h1>"
                + "<p>据悉，该项目总投资约二十亿元。</p></body></html>");

        String title = new TitleExtractor().extract(doc, new MetaReader().read(doc));

        assertThat(title).isEqualTo("功率器件厂商扩产八英寸产线");
    }

    @Test
    void extractFallsBackToThePageTitleWithoutItsSuffix() {
        Document doc = Jsoup.parse("<html><head><title>国产EDA工具获得头部客户采用_新浪科技_新浪网</title></head>"
                + "<body><p>据悉，该工具已在多条产线完成验证。</p></body></html>");

        String title = new TitleExtractor().extract(doc, new MetaReader().read(doc));

        assertThat(title).isEqualTo("国产EDA工具获得头部客户采用");
    }
}
