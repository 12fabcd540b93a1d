package io.chipwatch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into sentences with their offsets. Chinese news ends sentences with 。！？ and
 * often separates independent clauses with ；, which carry separate facts, so both split.
 * Closing quotes and brackets stay with the sentence they close. Latin full stops split only
 * before a space, so 2.17亿 and v1.5 stay whole.
 *
 * <p>No sentence is longer than {@link #MAX_SENTENCE_CHARS}: a longer run without a sentence end
 * (a table flattened into one line, generated spam, a megabyte of {@code 1.1.1.}) is cut into
 * pieces, at the last clause break before the limit when there is one. The finders that look
 * back and forth within a sentence then cost at most a constant per character. Linear in the
 * text; stateless and thread-safe.
 */
public final class SentenceSplitter {

    /**
     * The longest sentence handed on, in UTF-16 chars. Real sentences of Chinese news stay far
     * below (a few hundred chars at most, under 200 in the corpus when they hold figures); what is longer is a table or junk.
     */
    public static final int MAX_SENTENCE_CHARS = 500;

    /**
     * A sentence's span in the text it was split from.
     *
     * @param cut whether the span ends where an overlong sentence was cut, not at a sentence end
     */
    public record Span(int start, int end, boolean cut) {

        public Span(int start, int end) {
            this(start, end, false);
        }
    }

    public List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean boundary = switch (c) {
                case '。', '！', '？', '；', '!', '?', ';', '\n' -> true;
                case '.' -> i + 1 < n && Character.isWhitespace(text.charAt(i + 1)) && i > 0 && !Character.isDigit(text.charAt(i - 1));
                default -> false;
            };
            if (!boundary) {
                continue;
            }
            int end = i + 1;
            while (end < n && isCloser(text.charAt(end))) {
                end++;
            }
            add(text, start, end, spans);
            start = end;
            i = end - 1;
        }
        add(text, start, n, spans);
        return spans;
    }

    private static boolean isCloser(char c) {
        return switch (c) {
            case '”', '’', '」', '』', '）', ')', '"', '\'', '》', '。', '！', '？' -> true;
            default -> false;
        };
    }

    private static void add(String text, int start, int end, List<Span> spans) {
        while (start < end && isSkippable(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end - start > MAX_SENTENCE_CHARS) {
            int cut = cutPoint(text, start, start + MAX_SENTENCE_CHARS);
            int pieceEnd = cut;
            while (pieceEnd > start && Character.isWhitespace(text.charAt(pieceEnd - 1))) {
                pieceEnd--;
            }
            if (pieceEnd > start) {
                spans.add(new Span(start, pieceEnd, true));
            }
            start = cut;
            while (start < end && isSkippable(text.charAt(start))) {
                start++;
            }
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }

    /**
     * Where a head of {@code text} at most {@code limit} chars long ends, cut as an overlong
     * sentence is (after a clause break, else not inside a number); the text's length when it is
     * not longer. For finders that bound the text they read.
     */
    public static int headEnd(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit " + limit);
        }
        return text.length() <= limit ? text.length() : cutPoint(text, 0, limit);
    }

    /**
     * Where to cut an overlong sentence that must end by {@code limit}: after the last clause
     * break in the second half of the window, else before a run of letters or digits so that a
     * number is not halved, else at the limit (never between the halves of a surrogate pair).
     */
    private static int cutPoint(String text, int start, int limit) {
        int half = start + (limit - start) / 2;
        for (int i = limit; i > half; i--) {
            if (isClauseBreak(text.charAt(i - 1))) {
                return i;
            }
        }
        for (int i = limit; i > limit - 32 && i > half; i--) {
            if (!Character.isLetterOrDigit(text.charAt(i - 1)) || !Character.isLetterOrDigit(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static boolean isClauseBreak(char c) {
        return c == '，' || c == ',' || c == '、' || c == '：' || c == ':' || Character.isWhitespace(c) || c == '\u3000';
    }

    private static boolean isSkippable(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '。' || c == '；' || c == ';';
    }
}
