package io.chipwatch.text;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Tells the language of a sentence. Text that is mostly Han characters is Chinese without
 * asking a model (OpenNLP's n-gram model is slow and unsure on short CJK runs); the Latin part
 * of everything else goes to OpenNLP's language detector, which knows 103 languages and so
 * recognises the Tagalog and English fragments machine translation leaves in Chinese pages.
 * Thread-safe: the model is immutable and each call makes its own detector.
 */
public final class LanguageIdentifier {

    private static final String MODEL = "/langdetect-183.bin";
    private static final double MIN_LEAD = 1.5;
    private static final Map<String, String> ISO_639_1 = Map.ofEntries(
            Map.entry("cmn", "zh"), Map.entry("zho", "zh"), Map.entry("yue", "zh"), Map.entry("wuu", "zh"),
            Map.entry("eng", "en"), Map.entry("tgl", "tl"), Map.entry("jpn", "ja"), Map.entry("kor", "ko"),
            Map.entry("fra", "fr"), Map.entry("deu", "de"), Map.entry("spa", "es"), Map.entry("ita", "it"),
            Map.entry("por", "pt"), Map.entry("rus", "ru"), Map.entry("ind", "id"), Map.entry("msa", "ms"),
            Map.entry("vie", "vi"), Map.entry("tha", "th"), Map.entry("nld", "nl"), Map.entry("ceb", "ceb"));

    private final LanguageDetectorModel model;

    public LanguageIdentifier() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL + " is not on the classpath");
            }
            this.model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP language model " + MODEL, e);
        }
    }

    /** ISO 639-1 code of the text's language ("zh", "en", "tl", ...), or "und" when unsure. */
    public String identify(String text) {
        ScriptCounts counts = ScriptCounts.of(text);
        if (counts.hanWords() == 0 && counts.latinWords() == 0) {
            return "und";
        }
        if (counts.hanWords() >= counts.latinWords()) {
            return "zh";
        }
        if (counts.latinWords() < 2) {
            return "und";
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(counts.latinPart());
        Language best = ranked[0];
        // probabilities spread over 103 languages are small; what counts is a clear lead
        if (ranked.length > 1 && best.getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
            return "und";
        }
        return ISO_639_1.getOrDefault(best.getLang(), best.getLang());
    }

    /** Han characters count as words; Latin letters are about five to a word. */
    private record ScriptCounts(double hanWords, double latinWords, String text) {

        static ScriptCounts of(String text) {
            int han = 0;
            int latin = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                        latin++;
                    }
                } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    han++;
                } else if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
            return new ScriptCounts(han, latin / 5.0, text);
        }

        /** The text with its Han characters blanked, for the model that knows only alphabets. */
        String latinPart() {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                b.append(c >= 0x80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? ' ' : c);
            }
            return b.toString();
        }
    }
}
