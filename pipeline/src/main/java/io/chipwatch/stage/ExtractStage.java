package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;

import java.util.List;

/** Pages to articles: {@code chipwatch.pages} → {@code chipwatch.articles}, keyed by article id. */
public final class ExtractStage implements Stage {

    private final ArticleExtractor extractor;
    private final RecordCodec codec;

    public ExtractStage(ArticleExtractor extractor, RecordCodec codec) {
        this.extractor = extractor;
        this.codec = codec;
    }

    /** A pure function of the record: safe to abandon when stuck. */
    @Override
    public boolean abandonable() {
        return true;
    }

    @Override
    public String name() {
        return "extract";
    }

    @Override
    public List<Output> process(BusRecord input) throws Exception {
        Article article = extractor.extract(codec.readPage(input.value()).toRawPage());
        return List.of(new Output(Topics.ARTICLES, article.id(), codec.article(article)));
    }
}
