package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Truncation;
import io.chipwatch.nlp.NlpAnalyzer;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Articles to enriched articles: {@code chipwatch.articles} → {@code chipwatch.enriched}. Counts
 * the articles the analysis covered only in part (absurd pages) and what it left out of them.
 */
public final class NlpStage implements Stage {

    private final NlpAnalyzer nlp;
    private final RecordCodec codec;
    private final LongAdder articlesTruncated = new LongAdder();
    private final LongAdder bodyCharsSkipped = new LongAdder();
    private final LongAdder sentencesCut = new LongAdder();
    private final LongAdder figuresDropped = new LongAdder();

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
        Analysis analysis = nlp.analyze(article);
        Truncation t = analysis.truncated();
        if (t.any()) {
            articlesTruncated.increment();
            bodyCharsSkipped.add(t.bodyCharsSkipped());
            sentencesCut.add(t.sentencesCut());
            figuresDropped.add(t.figuresDropped());
        }
        return List.of(new Output(Topics.ENRICHED, article.id(), codec.enriched(article, analysis)));
    }

    /** Articles analysed only in part so far. */
    public long articlesTruncated() {
        return articlesTruncated.sum();
    }

    /** Body chars left unanalysed so far, over all articles. */
    public long bodyCharsSkipped() {
        return bodyCharsSkipped.sum();
    }

    /** Overlong sentences cut so far. */
    public long sentencesCut() {
        return sentencesCut.sum();
    }

    /** Figures dropped beyond the per-sentence limit so far. */
    public long figuresDropped() {
        return figuresDropped.sum();
    }
}
