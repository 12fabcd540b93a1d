package io.chipwatch.html;

/** Finding article text inside zone text, where whitespace may differ. */
final class TextZoneSearch {

    private TextZoneSearch() {
    }

    /** Index in {@code text} where {@code probe} starts when spaces are ignored on both sides, or -1. */
    static int indexIgnoringSpace(String text, String probe) {
        String p = probe.replaceAll("\\s+", "");
        if (p.isEmpty()) {
            return -1;
        }
        StringBuilder squeezed = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                origin[squeezed.length()] = i;
                squeezed.append(c);
            }
        }
        int at = squeezed.indexOf(p);
        return at < 0 ? -1 : origin[at];
    }
}
