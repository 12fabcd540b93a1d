package io.chipwatch.web;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.GazetteerEntry;
import io.chipwatch.store.HanLpAnalyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts the passage of a text that best shows why it matched, and marks the words found, as
 * HTML-escaped text with {@code <mark>} around each match. Computed here from the text the
 * store returns, not by the store, so that both stores answer with the same snippets.
 * Thread-safe: the analyzer and gazetteer are.
 */
public final class Snippets {

    /** Characters of body around the best match: enough for a sentence or two of Chinese. */
    static final int WINDOW = 120;
    private static final int BEFORE = 30;

    private final HanLpAnalyzer analyzer;
    private final Gazetteer gazetteer;

    public Snippets(HanLpAnalyzer analyzer, Gazetteer gazetteer) {
        this.analyzer = analyzer;
        this.gazetteer = gazetteer;
    }

    /**
     * The words to mark for these query texts: their HanLP words, and every alias of an entity a
     * word or a whole text names (a search for NVIDIA marks 英伟达). Longest first.
     */
    public List<String> terms(List<String> queryTexts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : queryTexts) {
            List<String> words = new ArrayList<>(words(text));
            words.add(text.strip());
            for (String word : words) {
                if (!word.isBlank()) {
                    terms.add(word);
                }
                for (GazetteerEntry entry : gazetteer.lookup(word)) {
                    terms.addAll(entry.allNames());
                }
            }
        }
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    /** The whole text, escaped, with the terms marked. */
    static String mark(String text, List<String> terms) {
        return text == null ? null : render(text, 0, text.length(), terms, true);
    }

    /** Plain text, for a terminal or a CSV file: the snippet with each match in 【】, nothing escaped. */
    public static String plainSnippet(String body, List<String> terms) {
        return snippet(body, terms, false);
    }

    /** About {@value #WINDOW} characters around the place where most different terms occur, marked; the start when none does. */
    static String snippet(String body, List<String> terms) {
        return snippet(body, terms, true);
    }

    private static String snippet(String body, List<String> terms, boolean html) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String lower = body.toLowerCase(Locale.ROOT);
        boolean foldable = lower.length() == body.length();
        List<int[]> hits = find(foldable ? lower : body, terms);
        int start = 0;
        int best = -1;
        for (int[] hit : hits) {
            int from = Math.max(0, hit[0] - BEFORE);
            int to = Math.min(body.length(), from + WINDOW);
            Set<Integer> distinct = new LinkedHashSet<>();
            for (int[] other : hits) {
                if (other[0] >= from && other[1] <= to) {
                    distinct.add(other[2]);
                }
            }
            if (distinct.size() > best) {
                best = distinct.size();
                start = from;
            }
        }
        int end = Math.min(body.length(), start + WINDOW);
        return (start > 0 ? "…" : "") + render(body, start, end, terms, html) + (end < body.length() ? "…" : "");
    }

    /** Non-overlapping matches [start, end, term index], longer terms first where they overlap, in text order. */
    private static List<int[]> find(String text, List<String> terms) {
        boolean[] taken = new boolean[text.length()];
        List<int[]> hits = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t).toLowerCase(Locale.ROOT);
            if (term.isEmpty()) {
                continue;
            }
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                int end = at + term.length();
                if (!anyTaken(taken, at, end)) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    hits.add(new int[]{at, end, t});
                }
            }
        }
        hits.sort(Comparator.comparingInt(h -> h[0]));
        return hits;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static String render(String text, int from, int to, List<String> terms, boolean html) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> hits = find(lower.length() == text.length() ? lower : text, terms);
        StringBuilder out = new StringBuilder();
        int at = from;
        for (int[] hit : hits) {
            if (hit[0] < from || hit[1] > to) {
                continue;
            }
            copy(text, at, hit[0], out, html);
            out.append(html ? "<mark>" : "【");
            copy(text, hit[0], hit[1], out, html);
            out.append(html ? "</mark>" : "】");
            at = hit[1];
        }
        copy(text, at, to, out, html);
        return out.toString();
    }

    private static void copy(String s, int from, int to, StringBuilder out, boolean html) {
        if (html) {
            escape(s, from, to, out);
        } else {
            out.append(s, from, to);
        }
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            // Reading a String cannot fail.
            throw new UncheckedIOException("segmenting the query failed", e);
        }
        return words;
    }
}
