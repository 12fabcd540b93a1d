package io.chipwatch.fuzz;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.ChineseNumber;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.nlp.Quantity;
import io.chipwatch.nlp.QuantityFinder;
import org.junit.jupiter.api.Test;

import io.chipwatch.time.Period;
import io.chipwatch.time.PeriodContext;
import io.chipwatch.time.PeriodResolver;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that once crashed the extractors, reduced to their essence (issue 20). */
class FuzzRegressionTest {

    @Test
    void aRunOfAHundredThousandYiIsNoNumeralAndDoesNotOverflowTheStack() {
        assertThat(ChineseNumber.parseDecimal("亿".repeat(100_000))).isNull();
        assertThat(ChineseNumber.parseDecimal("万".repeat(100_000))).isNull();
    }

    @Test
    void theQuantityFinderPassesOverAnAbsurdNumeralRun() {
        assertThat(new QuantityFinder().findAll("营收" + "亿".repeat(20_000) + "元")).allSatisfy(q ->
                assertThat(q.end()).isLessThanOrEqualTo(20_004));
    }

    @Test
    void aPlainTextFileWithALongRunOfYiBecomesAnAnalysedArticle() throws Exception {
        byte[] file = ("标题\n营收" + "亿".repeat(60_000) + "元。").getBytes(StandardCharsets.UTF_8);

        Article article = ArticleExtractor.withDefaults().extract(RawPage.of(file, URI.create("https://a.example/x")));
        Analysis analysis = NlpAnalyzer.withDefaults().analyze(article);

        FuzzTarget.checkAnalysis(article.body(), analysis);
        assertThat(analysis.truncated().bodyCharsSkipped()).isPositive();
    }

    /** Found by scripts/fuzz.sh (seed 1000228): the finder measured the whole run again at every figure. */
    @Test
    void theQuantityFinderPassesOverAMegabyteOfOneDotOne() {
        String sentence = "股价 " + "1.".repeat(500_000);

        assertThat(new QuantityFinder().findAll(sentence)).allSatisfy(q -> {
            assertThat(q.start()).isLessThan(q.end());
            assertThat(q.end()).isLessThanOrEqualTo(sentence.length());
        });
    }

    /** Found by scripts/fuzz.sh (seed 2000861): each time expression was checked against every one chosen before. */
    @Test
    void thePeriodResolverTakesASentenceOfTenThousandMonths() {
        String sentence = "3月".repeat(10_000);

        List<Period> found = new PeriodResolver().findAll(sentence, new PeriodContext(LocalDate.of(2025, 10, 25)));

        assertThat(found).isNotEmpty();
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).startOffset()).isGreaterThanOrEqualTo(found.get(i - 1).endOffset());
        }
    }

    /** Found by scripts/fuzz.sh (seed 3014130): every 零 measured the whole run of 零点 before refusing it. */
    @Test
    void theQuantityFinderPassesOverAQuarterMillionCharsOfLingDian() {
        assertThat(new QuantityFinder().findAll("零点".repeat(120_000))).isEmpty();
    }

    /** Found by scripts/fuzz.sh: a megabyte of unclosed nested tags cost seconds in jsoup's tree builder at depth 512. */
    @Test
    void aPageOfAQuarterMillionUnclosedTagsIsExtractedWithItsText() throws Exception {
        String html = "<html><head><title>芯片</title></head><body><h1>芯片</h1><p>"
                + "<div><ul><section>".repeat(80_000) + "芯片出货量达1200万颗。</p></body></html>";

        Article article = ArticleExtractor.withDefaults().extract(RawPage.of(html.getBytes(StandardCharsets.UTF_8),
                URI.create("https://a.example/deep")));

        assertThat(article.body()).contains("芯片出货量达1200万颗");
    }

    /** Found by scripts/fuzz.sh: a million chars of figures handed to the finder as one sentence cost seconds. */
    @Test
    void theQuantityFinderReadsOnlyTheHeadOfAMegabyteSentence() {
        String sentence = "营收12亿元，".repeat(150_000);

        List<Quantity> found = new QuantityFinder().findAll(sentence);

        assertThat(found).hasSizeBetween(QuantityFinder.MAX_CHARS / 7 - 1, QuantityFinder.MAX_CHARS / 7);
        // cut at a clause break, so the last figure read is whole
        assertThat(found).allSatisfy(q -> {
            assertThat(q.end()).isLessThanOrEqualTo(QuantityFinder.MAX_CHARS);
            assertThat(q.value()).isEqualTo(1.2e9);
        });
    }

    /** Found by scripts/fuzz.sh: a million chars of 3月3月… handed to the resolver as one sentence cost seconds. */
    @Test
    void thePeriodResolverReadsOnlyTheHeadOfAMegabyteSentence() {
        String sentence = "3月".repeat(500_000);

        List<Period> found = new PeriodResolver().findAll(sentence, new PeriodContext(LocalDate.of(2025, 10, 25)));

        assertThat(found).hasSizeBetween(1, PeriodResolver.MAX_CHARS / 2);
        assertThat(found).allSatisfy(p -> assertThat(p.endOffset()).isLessThanOrEqualTo(PeriodResolver.MAX_CHARS));
    }

    /** Found by scripts/fuzz.sh (seed 5086): the outlet credited in the byline was located in the whole body, past the analysed head. */
    @Test
    void aCreditedOutletIsLocatedOnlyInTheAnalysedHeadOfAnAbsurdBody() {
        String body = "芯片产业持续发展。".repeat(NlpAnalyzer.MAX_BODY_CHARS / 9 + 100) + "新浪科技报道。";
        Article article = new Article("x", null, null, "标题", null, null, "新浪科技", "zh", body, "UTF-8");

        Analysis analysis = NlpAnalyzer.withDefaults().analyze(article);

        FuzzTarget.checkAnalysis(body, analysis);
        assertThat(analysis.entities()).anySatisfy(e -> assertThat(e.name()).isEqualTo("新浪科技"));
    }
}
