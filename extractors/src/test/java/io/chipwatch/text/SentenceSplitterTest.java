package io.chipwatch.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    private static List<String> split(String text) {
        return new SentenceSplitter().split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void splitsOnChineseEndsAndSemicolonsKeepingClosingQuotes() {
        assertThat(split("他说：“需求很强。”随后离开；会议结束！还有问题吗？"))
                .containsExactly("他说：“需求很强。”", "随后离开；", "会议结束！", "还有问题吗？");
    }

    @Test
    void decimalsAndVersionsStayWhole() {
        assertThat(split("成本为2.17亿美元. 版本v1.5已发布。")).containsExactly("成本为2.17亿美元.", "版本v1.5已发布。");
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "第一句。\n\n  第二句。";
        List<SentenceSplitter.Span> spans = new SentenceSplitter().split(text);
        assertThat(spans).hasSize(2);
        assertThat(text.substring(spans.get(1).start(), spans.get(1).end())).isEqualTo("第二句。");
    }

    @Test
    void anOverlongRunIsCutIntoPiecesNoLongerThanTheLimitAtClauseBreaksWhenThereAreSome() {
        String clause = "营收增长百分之十二，";
        String text = clause.repeat(300) + "结束。";
        List<SentenceSplitter.Span> spans = new SentenceSplitter().split(text);

        assertThat(spans).hasSizeGreaterThan(1);
        assertThat(spans).allSatisfy(s -> assertThat(s.end() - s.start()).isBetween(1, SentenceSplitter.MAX_SENTENCE_CHARS));
        assertThat(spans.subList(0, spans.size() - 1)).allSatisfy(s -> {
            assertThat(s.cut()).isTrue();
            assertThat(text.charAt(s.end() - 1)).isEqualTo('，');
        });
        assertThat(spans.get(spans.size() - 1).end()).isEqualTo(text.length());
        assertThat(spans.get(spans.size() - 1).cut()).isFalse();
    }

    @Test
    void aCutNeverHalvesASurrogatePair() {
        String text = "\uD840\uDC00".repeat(2 * SentenceSplitter.MAX_SENTENCE_CHARS);
        for (SentenceSplitter.Span s : new SentenceSplitter().split(text)) {
            assertThat(Character.isLowSurrogate(text.charAt(s.start()))).isFalse();
            assertThat(Character.isHighSurrogate(text.charAt(s.end() - 1))).isFalse();
        }
    }
}
