package io.chipwatch.model;

/**
 * What the NLP stage left out of an absurd page to keep its work bounded; all zero for a
 * normal article. The limits themselves are {@code NlpAnalyzer.MAX_BODY_CHARS},
 * {@code SentenceSplitter.MAX_SENTENCE_CHARS} and {@code NlpAnalyzer.MAX_FIGURES_PER_SENTENCE}.
 *
 * @param bodyCharsSkipped chars at the end of the body that were not analysed at all
 * @param sentencesCut     overlong sentences cut into pieces (analysed, but facts spanning a cut are missed)
 * @param figuresDropped   figures beyond the per-sentence limit, not reported
 */
public record Truncation(int bodyCharsSkipped, int sentencesCut, int figuresDropped) {

    public static final Truncation NONE = new Truncation(0, 0, 0);

    public Truncation {
        if (bodyCharsSkipped < 0 || sentencesCut < 0 || figuresDropped < 0) {
            throw new IllegalArgumentException("truncation counts must not be negative: "
                    + bodyCharsSkipped + ", " + sentencesCut + ", " + figuresDropped);
        }
    }

    /** Whether anything was left out. */
    public boolean any() {
        return bodyCharsSkipped > 0 || sentencesCut > 0 || figuresDropped > 0;
    }
}
