package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores the body, publication time, author and title of evaluation records against gold
 * documents, with the semantics of {@code shared/eval/score_extract.py}:
 * <ul>
 * <li>body: bag-of-tokens P/R/F1 after NFKC and lower-casing, each CJK character a token, each run
 *     of other letters and digits a token; averaged over all gold documents, a document without a
 *     record scoring 0;</li>
 * <li>published (where gold has one): the date fields the gold has are equal, and HH:MM where the
 *     gold has a time; dates and times are read as written, without time-zone conversion;</li>
 * <li>author and title (where gold has one): equal after NFC and whitespace folding.</li>
 * </ul>
 * Records pair with gold documents as in {@link NlpScorer}. Stateless and thread-safe.
 */
public final class ExtractScorer {

    private static final String WS = "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
    private static final Pattern DATE = Pattern.compile(
            "(\\p{Nd}{4})" + WS + "*(?:[-/.年]" + WS + "*(\\p{Nd}{1,2})" + WS + "*(?:[-/.月]" + WS + "*(\\p{Nd}{1,2})" + WS + "*日?)?)?");
    private static final Pattern TIME = Pattern.compile("(\\p{Nd}{1,2})" + WS + "*[:：时]" + WS + "*(\\p{Nd}{1,2})");

    private ExtractScorer() {
    }

    public static ExtractScores score(List<JsonNode> gold, List<JsonNode> records) {
        List<JsonNode> paired = Pairing.pair(gold, records);
        List<Double> ps = new ArrayList<>();
        List<Double> rs = new ArrayList<>();
        List<Double> fs = new ArrayList<>();
        int present = 0;
        int dateOk = 0, dateN = 0, authorOk = 0, authorN = 0, titleOk = 0, titleN = 0;
        for (int i = 0; i < gold.size(); i++) {
            JsonNode g = gold.get(i);
            JsonNode p = paired.get(i);
            double[] prf = p == null ? new double[3] : prf(text(Py.get(g, "body")), text(Py.get(p, "body")));
            present += p == null ? 0 : 1;
            ps.add(prf[0]);
            rs.add(prf[1]);
            fs.add(prf[2]);
            if (Py.get(g, "published") != null) {
                dateN++;
                dateOk += dateCorrect(Py.get(g, "published"), Py.get(p, "published")) ? 1 : 0;
            }
            if (Py.get(g, "author") != null) {
                authorN++;
                authorOk += Objects.equals(folded(Py.get(g, "author")), folded(Py.get(p, "author"))) ? 1 : 0;
            }
            if (Py.get(g, "title") != null) {
                titleN++;
                titleOk += Objects.equals(folded(Py.get(g, "title")), folded(Py.get(p, "title"))) ? 1 : 0;
            }
        }
        return new ExtractScores(gold.size(), present, mean(ps), mean(rs), mean(fs),
                dateOk, dateN, authorOk, authorN, titleOk, titleN);
    }

    /** {@code v or ''} as text. */
    private static String text(JsonNode v) {
        return Py.truthy(v) ? Py.str(v) : "";
    }

    /** Python 3.11's {@code sum(xs) / len(xs)}: left-to-right addition; 0 for none. */
    private static double mean(List<Double> xs) {
        double sum = 0.0;
        for (double x : xs) {
            sum += x;
        }
        return xs.isEmpty() ? 0.0 : sum / xs.size();
    }

    /** Token precision, recall and F1 of a predicted text against the gold text; 1, 1, 1 when both are empty. */
    static double[] prf(String goldText, String predText) {
        Map<String, Integer> g = counts(tokenize(goldText));
        Map<String, Integer> p = counts(tokenize(predText));
        int ng = g.values().stream().mapToInt(Integer::intValue).sum();
        int np = p.values().stream().mapToInt(Integer::intValue).sum();
        if (ng == 0 && np == 0) {
            return new double[] {1.0, 1.0, 1.0};
        }
        int ov = 0;
        for (Map.Entry<String, Integer> e : g.entrySet()) {
            ov += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
        }
        double precision = np != 0 ? (double) ov / np : 0.0;
        double recall = ng != 0 ? (double) ov / ng : 0.0;
        double f = precision + recall != 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new double[] {precision, recall, f};
    }

    private static Map<String, Integer> counts(List<String> tokens) {
        Map<String, Integer> c = new HashMap<>();
        tokens.forEach(t -> c.merge(t, 1, Integer::sum));
        return c;
    }

    /** The body tokens: each CJK character one, each run of other letters and digits one (combining marks kept). */
    static List<String> tokenize(String text) {
        List<String> toks = new ArrayList<>();
        if (text.isEmpty()) {
            return toks;
        }
        String t = Py.lower(Normalizer.normalize(text, Normalizer.Form.NFKC));
        StringBuilder run = new StringBuilder();
        t.codePoints().forEach(c -> {
            if (isCjk(c)) {
                if (run.length() > 0) {
                    toks.add(run.toString());
                    run.setLength(0);
                }
                toks.add(Character.toString(c));
            } else if (isAlnum(c)) {
                run.appendCodePoint(c);
            } else if (run.length() > 0 && isMark(c)) {
                run.appendCodePoint(c);
            } else if (run.length() > 0) {
                toks.add(run.toString());
                run.setLength(0);
            }
        });
        if (run.length() > 0) {
            toks.add(run.toString());
        }
        return toks;
    }

    private static boolean isCjk(int o) {
        return (0x4E00 <= o && o <= 0x9FFF) || (0x3400 <= o && o <= 0x4DBF) || (0x20000 <= o && o <= 0x323AF)
                || (0xF900 <= o && o <= 0xFAFF) || (0x2F800 <= o && o <= 0x2FA1F)
                || (0x3040 <= o && o <= 0x30FF) || (0x31F0 <= o && o <= 0x31FF)
                || (0xAC00 <= o && o <= 0xD7AF) || (0x1100 <= o && o <= 0x11FF)
                || o == 0x3007;
    }

    /** Python's {@code str.isalnum()} for one character: a letter or a number. */
    private static boolean isAlnum(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** Whether a predicted publication time (null for none) has the gold's date fields and, where gold has one, its HH:MM. */
    static boolean dateCorrect(JsonNode gold, JsonNode pred) {
        ParsedDate g = parseDate(gold);
        ParsedDate p = parseDate(pred);
        if (g == null || p == null) {
            return false;
        }
        if (p.fields.size() < g.fields.size() || !p.fields.subList(0, g.fields.size()).equals(g.fields)) {
            return false;
        }
        return g.hm == null || g.hm.equals(p.hm);
    }

    private record ParsedDate(List<String> fields, String hm) {
    }

    private static ParsedDate parseDate(JsonNode v) {
        if (v == null) {
            return null;
        }
        String s = Py.strip(Normalizer.normalize(Py.str(v), Normalizer.Form.NFKC));
        Matcher m = DATE.matcher(s);
        if (!m.find()) {
            return null;
        }
        String y = m.group(1);
        String mo = m.group(2);
        String d = m.group(3);
        if (mo != null && !(1 <= digits(mo) && digits(mo) <= 12)) {
            mo = null;
            d = null;
        }
        if (d != null && !(1 <= digits(d) && digits(d) <= 31)) {
            d = null;
        }
        List<String> fields = new ArrayList<>(List.of(y));
        if (mo != null) {
            fields.add(String.format("%02d", digits(mo)));
            if (d != null) {
                fields.add(String.format("%02d", digits(d)));
            }
        }
        String hm = null;
        if (d != null) {
            Matcher t = TIME.matcher(s);
            if (t.find(m.end()) && digits(t.group(1)) < 24 && digits(t.group(2)) < 60) {
                hm = String.format("%02d:%02d", digits(t.group(1)), digits(t.group(2)));
            }
        }
        return new ParsedDate(fields, hm);
    }

    private static int digits(String s) {
        return s.codePoints().reduce(0, (acc, c) -> acc * 10 + Character.digit(c, 10));
    }

    /** The author/title fold: a list joined with spaces, NFC, whitespace runs to one space, stripped; null for None. */
    private static String folded(JsonNode v) {
        if (v == null) {
            return null;
        }
        String s;
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> {
                if (Py.truthy(x)) {
                    parts.add(Py.str(x));
                }
            });
            s = String.join(" ", parts);
        } else {
            s = Py.str(v);
        }
        return String.join(" ", Py.split(Normalizer.normalize(s, Normalizer.Form.NFC)));
    }
}
