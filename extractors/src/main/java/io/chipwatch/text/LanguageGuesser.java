package io.chipwatch.text;

/**
 * A script-based language guess, enough to tell Chinese pages from others. Returns "zh" when
 * Han characters make up a fair share of the letters, "en" for Latin text, else "und".
 */
public final class LanguageGuesser {

    private static final int SAMPLE = 20_000;

    public String guess(String text) {
        if (text == null || text.isBlank()) {
            return "und";
        }
        int han = 0;
        int latin = 0;
        int other = 0;
        int n = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
            }
        }
        // A Han character carries roughly a word; Latin letters are ~5 to a word.
        double hanWeight = han;
        double latinWeight = latin / 5.0;
        if (hanWeight == 0 && latinWeight == 0) {
            return "und";
        }
        if (hanWeight >= latinWeight * 0.5 && han >= 2) {
            return "zh";
        }
        return latin > other ? "en" : "und";
    }
}
