package io.chipwatch.html;

/** Counts over one element, used to score it as the article container. */
final class BlockStats {
    /** Visible characters in the whole subtree. */
    int text;
    /** Of which inside links. */
    int linkText;
    /** Visible characters in the element's own inline text (not inside child blocks). */
    int ownText;
    int ownLinkText;
    /** Prose punctuation in the own inline text, outside links. */
    int ownPunct;
    /** Container score gathered from paragraphs below. */
    double score;

    double linkDensity() {
        return text == 0 ? 0 : (double) linkText / text;
    }

    double ownLinkDensity() {
        return ownText == 0 ? 0 : (double) ownLinkText / ownText;
    }
}
