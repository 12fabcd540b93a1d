package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.NlpAnalyzer;

import java.util.List;

/** Articles to enriched articles: {@code chipwatch.articles} → {@code chipwatch.enriched}. */
public final class NlpStage implements Stage {

    private final NlpAnalyzer nlp;
    private final RecordCodec codec;

    public NlpStage(NlpAnalyzer nlp, RecordCodec codec) {
        this.nlp = nlp;
        this.codec = codec;
    }

    /** A pure function of the record: safe to abandon when stuck. */
    @Override
    public boolean abandonable() {
        return true;
    }

    @Override
    public String name() {
        return "nlp";
    }

    @Override
    public List<Output> process(BusRecord input) {
        Article article = codec.readArticle(input.value()).article();
        return List.of(new Output(Topics.ENRICHED, article.id(), codec.enriched(article, nlp.analyze(article))));
    }
}
