package io.chipwatch.fuzz;

import io.chipwatch.fuzz.HostileInputs.Input;
import io.chipwatch.fuzz.HostileInputs.Kind;
import io.chipwatch.nlp.NlpAnalyzer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fuzz run of every build: hostile pages and sentences made from real ones (see
 * {@link HostileInputs}) through the HTML extractor, the plain-text extractor with the NLP
 * analysis, the quantity finder and the period resolver. Each must end with a result or the
 * documented {@code ExtractionException}, with offsets inside their text; {@link FuzzTarget}
 * checks that. Time is not asserted here: {@code scripts/fuzz.sh} measures it in the long run.
 */
class ExtractorFuzzTest {

    /** Runs up to 50,000 chars long inside pages: big enough for every class of junk, small enough for a build. */
    private static final HostileInputs INPUTS = new HostileInputs(Seeds.load(), 50_000);
    private static final FuzzTarget TARGET = new FuzzTarget(NlpAnalyzer.withDefaults());

    @Provide
    Arbitrary<Input> htmlPages() {
        return Arbitraries.randomValue(r -> INPUTS.next(Kind.HTML, r));
    }

    @Provide
    Arbitrary<Input> textFiles() {
        return Arbitraries.randomValue(r -> INPUTS.next(Kind.TEXT, r));
    }

    @Provide
    Arbitrary<Input> figureSentences() {
        return Arbitraries.randomValue(r -> INPUTS.next(Kind.QUANTITY, r));
    }

    @Provide
    Arbitrary<Input> timeSentences() {
        return Arbitraries.randomValue(r -> INPUTS.next(Kind.PERIOD, r));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void hostileHtmlPagesBecomeArticlesWithValidOffsetsOrAreRefusedWithAReason(@ForAll("htmlPages") Input page) {
        assertThat(TARGET.run(page).detail()).as(page.recipe()).isNotBlank();
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void hostileTextFilesBecomeArticlesWithValidOffsetsOrAreRefusedWithAReason(@ForAll("textFiles") Input file) {
        assertThat(TARGET.run(file).detail()).as(file.recipe()).isNotBlank();
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void theQuantityFinderTakesAnySentence(@ForAll("figureSentences") Input sentence) {
        assertThat(TARGET.run(sentence).refused()).as(sentence.recipe()).isFalse();
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void thePeriodResolverTakesAnySentence(@ForAll("timeSentences") Input sentence) {
        assertThat(TARGET.run(sentence).refused()).as(sentence.recipe()).isFalse();
    }
}
