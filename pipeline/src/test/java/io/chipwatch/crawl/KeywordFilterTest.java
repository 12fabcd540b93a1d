package io.chipwatch.crawl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordFilterTest {

    @Test
    void latinKeywordsMatchInAnyCase() {
        KeywordFilter filter = new KeywordFilter(List.of("GPU", "tsmc"));

        assertThat(filter.accepts("国产gpu厂商发布新一代训练卡")).isTrue();
        assertThat(filter.accepts("台积电（TSMC）公布十月营收")).isTrue();
        assertThat(filter.match("Gpu 供应紧张")).contains("gpu");
    }

    @Test
    void traditionalTextMatchesASimplifiedKeyword() {
        KeywordFilter filter = new KeywordFilter(List.of("半导体", "晶圆"));

        assertThat(filter.accepts("台灣半導體產業第三季產值創新高")).isTrue();
        assertThat(filter.accepts("晶圓代工龍頭擴大先進封裝產能")).isTrue();
    }

    @Test
    void aSimplifiedTextMatchesATraditionalKeyword() {
        assertThat(new KeywordFilter(List.of("記憶體")).accepts("记忆体价格本季止跌")).isTrue();
    }

    @Test
    void anEmptyListAcceptsEverything() {
        KeywordFilter filter = new KeywordFilter(List.of());

        assertThat(filter.acceptsAll()).isTrue();
        assertThat(filter.accepts("新款手机主摄升级为一英寸大底")).isTrue();
        assertThat(filter.match("芯片")).isEmpty();
    }

    @Test
    void blankKeywordsDoNotMakeTheFilterAcceptEverything() {
        KeywordFilter filter = new KeywordFilter(List.of(" ", "芯片"));

        assertThat(filter.acceptsAll()).isFalse();
        assertThat(filter.accepts("新款手机主摄升级")).isFalse();
    }

    @Test
    void textWithoutAnyKeywordIsRejected() {
        KeywordFilter filter = new KeywordFilter(List.of("芯片", "半导体", "GPU"));

        assertThat(filter.acceptsAll()).isFalse();
        assertThat(filter.accepts("新款手机主摄升级为一英寸大底，夜景拍摄更清晰")).isFalse();
        assertThat(filter.match("新款手机主摄升级为一英寸大底")).isEmpty();
        assertThat(filter.accepts(null)).isFalse();
    }
}
