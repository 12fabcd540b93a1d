package io.chipwatch.store;

import io.chipwatch.nlp.ChineseSegmenter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Text cut into the words {@link HanLpAnalyzer} makes of it (HanLP words, lower-cased,
 * punctuation dropped), for a server that cannot segment Chinese itself: indexed joined by
 * spaces into a whitespace-analysed field, and queried with the same cut. Thread-safe, as the
 * analyzer is.
 */
final class HanLpWords implements AutoCloseable {

    private final HanLpAnalyzer analyzer;

    HanLpWords(ChineseSegmenter segmenter) {
        this.analyzer = new HanLpAnalyzer(segmenter);
    }

    /** Every word in order, repeats kept (they count for relevance), joined by spaces; null for null. */
    String joined(String text) {
        return text == null ? null : String.join(" ", all(text));
    }

    /** The distinct words of a query, in order. */
    List<String> distinct(String text) {
        return List.copyOf(new LinkedHashSet<>(all(text)));
    }

    private List<String> all(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            // Reading a String cannot fail.
            throw new UncheckedIOException("segmenting text failed", e);
        }
        return words;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
