package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Sentence;
import io.chipwatch.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Absurd bodies are analysed in bounded work, and the analysis says what it left out. */
class NlpAnalyzerLimitsTest {

    @Test
    void aNormalArticleIsAnalysedWholeAndNothingIsReportedAsLeftOut() {
        Analysis a = NlpFixture.analyze("寒武纪第二季度营收同比增长4347%。公司预计全年出货量约为30万颗。");

        assertThat(a.truncated().any()).isFalse();
        assertThat(a.figures()).isNotEmpty();
    }

    @Test
    void onlyTheHeadOfAnOverlongBodyIsAnalysedAndTheRestIsCounted() {
        String sentence = "海光信息第三季度营收同比增长12%，出货量约为30万颗。\n";
        String body = sentence.repeat(NlpAnalyzer.MAX_BODY_CHARS / sentence.length() * 2);

        Analysis a = NlpFixture.analyze(body);

        int analysed = body.length() - a.truncated().bodyCharsSkipped();
        assertThat(a.truncated().bodyCharsSkipped()).isPositive();
        assertThat(analysed).isLessThanOrEqualTo(NlpAnalyzer.MAX_BODY_CHARS).isGreaterThan(NlpAnalyzer.MAX_BODY_CHARS / 2);
        assertThat(a.sentences()).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(analysed));
        assertThat(a.figures()).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(analysed));
        assertThat(a.figures()).hasSizeGreaterThan(1000);
    }

    @Test
    void aMegabyteLineWithoutSentenceEndsIsCutIntoBoundedSentences() {
        String body = "1.".repeat(500_000);

        Analysis a = NlpFixture.analyze(body);

        assertThat(a.truncated().sentencesCut()).isPositive();
        assertThat(a.sentences()).allSatisfy((Sentence s) -> {
            assertThat(s.end() - s.start()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE_CHARS);
            assertThat(body.substring(s.start(), s.end())).isEqualTo(s.text());
        });
    }

    @Test
    void aSentenceOfThousandsOfFiguresYieldsTheFirstOnesUpToTheLimitAndCountsTheRest() {
        String body = "寒武纪营收12亿元，同比增长3.5%，" .repeat(3000) + "。";

        Analysis a = NlpFixture.analyze(body);

        assertThat(a.sentences()).allSatisfy(s -> assertThat(a.figures().stream()
                .filter(f -> f.start() >= s.start() && f.start() < s.end()).count())
                .isLessThanOrEqualTo(NlpAnalyzer.MAX_FIGURES_PER_SENTENCE));
        assertThat(a.truncated().figuresDropped()).isPositive();
        assertThat(a.figures()).isNotEmpty();
        assertThat(a.figures().get(0).value()).isEqualTo(1.2e9);
    }
}
