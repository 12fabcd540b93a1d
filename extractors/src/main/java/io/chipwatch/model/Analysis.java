package io.chipwatch.model;

import java.util.List;
import java.util.Objects;

/**
 * What the NLP stage found in one article.
 *
 * @param truncated what was left out because the page was absurdly large ({@link Truncation#NONE} normally)
 */
public record Analysis(List<Sentence> sentences, List<Entity> entities, List<Figure> figures, List<Event> events,
                       Truncation truncated) {

    public Analysis {
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        figures = List.copyOf(figures);
        events = List.copyOf(events);
        // records written before truncation was counted carry none
        truncated = Objects.requireNonNullElse(truncated, Truncation.NONE);
    }

    /** An analysis of a whole article, nothing left out. */
    public Analysis(List<Sentence> sentences, List<Entity> entities, List<Figure> figures, List<Event> events) {
        this(sentences, entities, figures, events, Truncation.NONE);
    }

    /** Share of the body's sentences that are not in Chinese. */
    public double foreignShare() {
        if (sentences.isEmpty()) {
            return 0;
        }
        return sentences.stream().filter(s -> !s.isChinese()).count() / (double) sentences.size();
    }
}
