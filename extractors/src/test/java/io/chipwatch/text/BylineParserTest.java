package io.chipwatch.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BylineParserTest {

    private final BylineParser parser = new BylineParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            作者：张三 => 张三
            作者: 周晓晨 => 周晓晨
            文|李四 => 李四
            文/图 王五 赵六 => 王五 赵六
            本报记者 张三 李四 报道 => 张三 李四
            執筆╱記者林家豪 => 林家豪
            2025-10-25 10:20 作者：钱多多 来源：芯片周刊 => 钱多多
            """)
    void readsAuthorNamesFromBylines(String text, String expected) {
        assertThat(parser.author(text)).contains(expected);
    }

    @Test
    void readsTheReporterBracketedInAnOpeningSentence() {
        String opening = "本报讯（记者 陆一夫）日前，一家芯片设计公司宣布完成新一轮融资，投资方包括多家产业基金。";

        assertThat(parser.author(opening)).contains("陆一夫");
    }

    @Test
    void readsANameSeparatedByAnIdeographicSpace() {
        assertThat(parser.author("作者\u3000孙小川")).contains("孙小川");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "记者梳理发现，今年以来已有多家晶圆厂宣布扩产。",
            "记者从多家封测企业了解到，订单已排至明年二季度。",
            "责任编辑：王五",
            "分享到：微信 微博",
            "国产存储芯片厂商加快扩产步伐。",
            ""})
    void findsNoAuthorWhereThereIsNoByline(String text) {
        assertThat(parser.author(text)).isEmpty();
    }

    @Test
    void nullTextHasNoAuthorOrSource() {
        assertThat(parser.author(null)).isEmpty();
        assertThat(parser.source(null)).isEmpty();
        assertThat(parser.closingAuthor(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            来源：新华网                                  | 新华网
            来源：EDN China                               | EDN China
            來源：經濟日報                                | 經濟日報
            2025-10-25 10:20 来源：芯片周刊 作者：钱多多  | 芯片周刊
            """)
    void readsTheSourceAfterItsLabel(String text, String expected) {
        assertThat(parser.source(text)).contains(expected);
    }

    @Test
    void findsNoSourceWithoutALabel() {
        assertThat(parser.source("国产芯片产业链加速成熟")).isEmpty();
    }

    @Test
    void readsACreditClosingTheArticle() {
        assertThat(parser.closingAuthor("项目预计明年年底投产。（周明远）")).contains("周明远");
        assertThat(parser.closingAuthor("项目预计明年年底投产。")).isEmpty();
    }

    @Test
    void nameAcceptsAPlainName() {
        assertThat(parser.name("  张三 ")).contains("张三");
        assertThat(parser.name("芯片观察")).contains("芯片观察");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"http://x", "https://www.example.cn/a", "www.example.cn", "分享到", "点击查看", "2025年", "编辑", "小编",
            "a", "--", "编者@example"})
    void nameRejectsUrlsLabelsDatesAndFragments(String candidate) {
        assertThat(parser.name(candidate)).isEmpty();
    }

    @Test
    void nameRejectsAStringLongerThanThirtyCharacters() {
        String thirtyOne = "国产半导体设备材料零部件产业链协同创新联盟秘书处发布了年度报告";
        assertThat(thirtyOne).hasSize(31);
        String thirty = thirtyOne.substring(0, 30);

        assertThat(parser.name(thirtyOne)).isEmpty();
        assertThat(parser.name(thirty)).contains(thirty);
    }

    @Test
    void nameRejectsNull() {
        assertThat(parser.name(null)).isEmpty();
    }
}
