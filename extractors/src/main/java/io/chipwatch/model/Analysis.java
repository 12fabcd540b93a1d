package io.chipwatch.model;

import java.util.List;

/** What the NLP stage found in one article. */
public record Analysis(List<Sentence> sentences, List<Entity> entities, List<Figure> figures, List<Event> events) {

    public Analysis {
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        figures = List.copyOf(figures);
        events = List.copyOf(events);
    }

    /** Share of the body's sentences that are not in Chinese. */
    public double foreignShare() {
        if (sentences.isEmpty()) {
            return 0;
        }
        return sentences.stream().filter(s -> !s.isChinese()).count() / (double) sentences.size();
    }
}
