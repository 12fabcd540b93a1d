package io.chipwatch.text;

/** Whitespace handling for text taken from web pages. Stateless. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /**
     * Folds every kind of space (NBSP, ideographic space, zero-width characters, tabs, newlines)
     * into single ASCII spaces and trims the result. Null becomes "".
     */
    public static String collapse(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff' || c == '\u2060' || c == '\u00ad') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Number of characters that are not whitespace. */
    public static int visibleLength(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                n++;
            }
        }
        return n;
    }

    /** Sentence and clause punctuation, Chinese and Western: a sign of running prose. */
    public static boolean isProsePunctuation(char c) {
        return switch (c) {
            case '，', '。', '！', '？', '；', '：', '、', '“', '”', '‘', '’', '（', '）', '《', '》', '…', ',', ';' -> true;
            default -> false;
        };
    }

    /** Whether a character is a CJK ideograph. */
    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
