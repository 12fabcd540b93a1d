package io.chipwatch.nlp;

import io.chipwatch.model.Mention;
import io.chipwatch.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCodeFinderTest {

    private final ModelCodeFinder finder;

    ModelCodeFinderTest() throws java.io.IOException {
        finder = new ModelCodeFinder(Gazetteer.defaults());
    }

    private List<String> bareCodes(String body) {
        return finder.extend(body, List.of()).stream().map(Mention::name).toList();
    }

    @Test
    void aBareCodeIsAProductOnlyInASentenceAboutChips() {
        assertThat(bareCodes("该公司发布了XK300芯片。")).containsExactly("XK300");
        assertThat(bareCodes("该公司发布了XK300芯片。新店位于B101号商铺。")).containsExactly("XK300");
    }

    @Test
    void aChipWordOutsideTheCodesSentenceDoesNotCount() {
        assertThat(bareCodes("新店位于B101号商铺，门牌ZR208。芯片展区在另一层。")).isEmpty();
    }

    /**
     * A page of codes with no sentence end (a spec table flattened to one line, or spam) must not
     * cost a scan of the whole run per code: the context looked at is bounded by the analysis's
     * longest sentence on either side, so a chip word further away does not make a code a product.
     */
    @Test
    void theContextOfACodeInAnEndlessRunIsBoundedBySentenceLength() {
        String filler = "，编号".repeat(SentenceSplitter.MAX_SENTENCE_CHARS);
        String body = "芯片" + filler + "XK300" + filler + "ZR208芯片";

        assertThat(bareCodes(body)).containsExactly("ZR208");
    }

    @Test
    void thousandsOfCodesInOneRunAreEachJudgedByTheirOwnNeighbourhood() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append(i % 1_000 == 0 ? "芯片" : "，").append("XK").append(100 + i % 900);
        }
        List<String> codes = bareCodes(body.toString());

        // every code within the bound of a chip word, none beyond: 5 chip words, each reaching a
        // little over 500 chars (about 80 codes) forward and back
        assertThat(codes).isNotEmpty().hasSizeLessThan(5_000);
        assertThat(codes.size()).isBetween(5 * 100, 5 * 200);
    }
}
