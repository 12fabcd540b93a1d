package io.chipwatch.model;

/**
 * One sentence of an article body.
 *
 * @param text  the sentence as written
 * @param start offset of its first character in the body
 * @param end   offset just past its last character in the body
 * @param lang  ISO 639-1 code of its language ("zh", "en", "tl", ...), or "und"
 */
public record Sentence(String text, int start, int end, String lang) {

    public boolean isChinese() {
        return "zh".equals(lang);
    }
}
