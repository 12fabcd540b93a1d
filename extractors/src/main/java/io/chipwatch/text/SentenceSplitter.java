package io.chipwatch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into sentences with their offsets. Chinese news ends sentences with 。！？ and
 * often separates independent clauses with ；, which carry separate facts, so both split.
 * Closing quotes and brackets stay with the sentence they close. Latin full stops split only
 * before a space, so 2.17亿 and v1.5 stay whole.
 */
public final class SentenceSplitter {

    /** A sentence's span in the text it was split from. */
    public record Span(int start, int end) {
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
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }

    private static boolean isSkippable(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '。' || c == '；' || c == ';';
    }
}
