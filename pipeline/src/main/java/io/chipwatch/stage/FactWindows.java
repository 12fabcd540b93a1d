package io.chipwatch.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/**
 * Caps the sentence a figure or event carries in an enriched record. A page without sentence
 * breaks is one sentence, and every one of its figures would carry all of it: a 27 KB page once
 * made an 82 MB record. A text longer than {@link #MAX_TEXT_CHARS} is replaced by a window of
 * that many characters of the body around the fact, clipped to its sentence, and the window's
 * place in the body is added as {@code text_start} and {@code text_end} (UTF-16 offsets, like
 * {@code start} and {@code end}), so an analyst can still find the whole sentence.
 */
final class FactWindows {

    /** Long enough for any ordinary sentence (the seed article's longest is about 150), short enough to bound a record. */
    static final int MAX_TEXT_CHARS = 240;

    private FactWindows() {
    }

    /** Caps the texts of {@code analysis.figures} and {@code analysis.events} in place. */
    static void cap(ObjectNode analysis, String body) {
        if (body == null) {
            return;
        }
        Sentences sentences = new Sentences(analysis.path("sentences"));
        for (JsonNode figure : iterable(analysis.path("figures"))) {
            int start = figure.path("start").asInt(-1);
            int end = figure.path("end").asInt(-1);
            if (tooLong(figure) && within(body, start, end)) {
                int[] sentence = sentences.around(start, body.length());
                window((ObjectNode) figure, body, start, end, sentence[0], sentence[1]);
            }
        }
        for (JsonNode event : iterable(analysis.path("events"))) {
            int sentenceStart = event.path("start").asInt(-1);
            int sentenceEnd = event.path("end").asInt(-1);
            if (tooLong(event) && within(body, sentenceStart, sentenceEnd)) {
                String trigger = event.path("trigger").asText("");
                int at = trigger.isEmpty() ? -1 : body.indexOf(trigger, sentenceStart);
                boolean found = at >= 0 && at + trigger.length() <= sentenceEnd;
                int from = found ? at : sentenceStart;
                window((ObjectNode) event, body, from, found ? at + trigger.length() : from, sentenceStart, sentenceEnd);
            }
        }
    }

    private static boolean tooLong(JsonNode fact) {
        return fact.path("text").asText("").length() > MAX_TEXT_CHARS;
    }

    private static boolean within(String body, int start, int end) {
        return start >= 0 && start <= end && end <= body.length();
    }

    /** Puts the body's text around [start, end), clipped to [lo, hi), as the fact's text, with its offsets. */
    private static void window(ObjectNode fact, String body, int start, int end, int lo, int hi) {
        int from;
        int to;
        if (end - start >= MAX_TEXT_CHARS) {
            from = start;
            to = start + MAX_TEXT_CHARS;
        } else {
            from = Math.max(lo, start - (MAX_TEXT_CHARS - (end - start)) / 2);
            to = Math.min(hi, from + MAX_TEXT_CHARS);
            from = Math.max(lo, to - MAX_TEXT_CHARS);
        }
        // never split a surrogate pair
        if (from > 0 && from < body.length() && Character.isLowSurrogate(body.charAt(from))) {
            from++;
        }
        if (to > from && to < body.length() && Character.isLowSurrogate(body.charAt(to))) {
            to--;
        }
        fact.put("text", body.substring(from, to));
        fact.put("text_start", from);
        fact.put("text_end", to);
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array instanceof ArrayNode a ? a : java.util.List.of();
    }

    /** The sentences' bounds, to find the one a figure is in by binary search. */
    private static final class Sentences {

        private final int[] starts;
        private final int[] ends;

        Sentences(JsonNode sentences) {
            int n = sentences.size();
            int[][] bounds = new int[n][];
            for (int i = 0; i < n; i++) {
                bounds[i] = new int[]{sentences.get(i).path("start").asInt(), sentences.get(i).path("end").asInt()};
            }
            Arrays.sort(bounds, (a, b) -> Integer.compare(a[0], b[0]));
            starts = new int[n];
            ends = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = bounds[i][0];
                ends[i] = bounds[i][1];
            }
        }

        /** The bounds of the sentence holding this offset; the whole body when none does. */
        int[] around(int offset, int bodyLength) {
            int i = Arrays.binarySearch(starts, offset);
            i = i >= 0 ? i : -i - 2;
            if (i >= 0 && offset < ends[i]) {
                return new int[]{starts[i], Math.min(ends[i], bodyLength)};
            }
            return new int[]{0, bodyLength};
        }
    }
}
