package io.chipwatch.fuzz;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.Figure;
import io.chipwatch.model.RawPage;
import io.chipwatch.model.Sentence;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.nlp.Quantity;
import io.chipwatch.nlp.QuantityFinder;
import io.chipwatch.text.SentenceSplitter;
import io.chipwatch.time.Period;
import io.chipwatch.time.PeriodContext;
import io.chipwatch.time.PeriodResolver;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one fuzzed input through the code under test and checks what it returns. A page either
 * becomes an article and its analysis, or is refused with {@link ExtractionException} (the one
 * documented failure); anything else thrown escapes, and any output whose offsets do not point
 * into its text fails with an {@link AssertionError} naming the broken invariant.
 */
final class FuzzTarget {

    /** What became of one input: refused (with the reason) or processed. */
    record Outcome(boolean refused, String detail) {
    }

    private static final URI URL = URI.create("https://news.example.cn/2025/1025/fuzz.html");

    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();
    private final NlpAnalyzer nlp;
    private final QuantityFinder quantities = new QuantityFinder();
    private final PeriodResolver periods = new PeriodResolver();

    FuzzTarget(NlpAnalyzer nlp) {
        this.nlp = nlp;
    }

    Outcome run(HostileInputs.Input input) {
        return switch (input.kind()) {
            case HTML, TEXT -> page(input);
            case QUANTITY -> quantities(input.text());
            case PERIOD -> periods(input.text());
        };
    }

    private Outcome page(HostileInputs.Input input) {
        Map<String, String> headers = new HashMap<>();
        if (input.contentType() != null) {
            headers.put("content-type", input.contentType());
        }
        Article article;
        try {
            article = extractor.extract(new RawPage(input.bytes(), URL, headers, Instant.parse("2025-10-25T02:20:00Z")));
        } catch (ExtractionException e) {
            check(e.getMessage() != null && !e.getMessage().isBlank(), "an ExtractionException says why");
            return new Outcome(true, e.getMessage());
        }
        Analysis analysis = nlp.analyze(article);
        checkAnalysis(article.body(), analysis);
        return new Outcome(false, analysis.figures().size() + " figures");
    }

    static void checkAnalysis(String body, Analysis a) {
        check(body != null && !body.isEmpty(), "an article has a body");
        int analysed = body.length() - a.truncated().bodyCharsSkipped();
        check(analysed >= 0 && analysed <= NlpAnalyzer.MAX_BODY_CHARS, "analysed head within the body limit: " + analysed);
        int last = 0;
        for (Sentence s : a.sentences()) {
            span(s.start(), s.end(), analysed, "sentence");
            check(s.start() >= last, "sentences in order, not overlapping");
            check(s.end() - s.start() <= SentenceSplitter.MAX_SENTENCE_CHARS, "sentence within the length limit");
            check(body.substring(s.start(), s.end()).equals(s.text()), "sentence text is the body at its offsets");
            last = s.end();
        }
        Map<Integer, Integer> perSentence = new HashMap<>();
        for (Figure f : a.figures()) {
            span(f.start(), f.end(), analysed, "figure " + f.surface());
            Sentence s = sentenceAt(a.sentences(), f.start());
            check(s != null && f.end() <= s.end() && s.text().equals(f.text()), "figure inside its sentence");
            perSentence.merge(s.start(), 1, Integer::sum);
        }
        perSentence.values().forEach(n -> check(n <= NlpAnalyzer.MAX_FIGURES_PER_SENTENCE, "figures per sentence within the limit"));
        for (Entity e : a.entities()) {
            for (int[] o : e.offsets()) {
                span(o[0], o[1], analysed, "entity " + e.name());
            }
        }
        for (Event e : a.events()) {
            span(e.start(), e.end(), analysed, "event " + e.type());
        }
    }

    /** The sentence holding the offset, or null. */
    private static Sentence sentenceAt(List<Sentence> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    private Outcome quantities(String sentence) {
        List<Quantity> found = quantities.findAll(sentence);
        for (Quantity q : found) {
            span(q.start(), q.end(), sentence.length(), "quantity " + q.text());
            check(!Double.isNaN(q.value()), "a quantity has a value");
        }
        return new Outcome(false, found.size() + " quantities");
    }

    private Outcome periods(String sentence) {
        List<Period> found = periods.findAll(sentence, new PeriodContext(LocalDate.of(2025, 10, 25)));
        for (Period p : found) {
            span(p.startOffset(), p.endOffset(), sentence.length(), "period " + p.text());
            check(p.label() != null, "a period has a label");
        }
        return new Outcome(false, found.size() + " periods");
    }

    private static void span(int start, int end, int length, String what) {
        check(start >= 0 && start <= end && end <= length, what + " at " + start + ".." + end + " outside 0.." + length);
    }

    private static void check(boolean ok, String invariant) {
        if (!ok) {
            throw new AssertionError("invariant broken: " + invariant);
        }
    }
}
