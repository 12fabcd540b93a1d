package io.chipwatch.crawl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Unwraps JSON that list APIs hand out as script: {@code cb({...});} and {@code var list = [...];}. */
final class Jsonp {

    private static final Pattern CALLBACK = Pattern.compile(
            "^\\s*(?:/\\*.*?\\*/\\s*)?[A-Za-z_$][\\w$.]*\\s*\\((.*)\\)\\s*;?\\s*$", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:var\\s+|let\\s+|const\\s+)?[A-Za-z_$][\\w$.]*\\s*=\\s*(.*?)\\s*;?\\s*$", Pattern.DOTALL);

    private Jsonp() {
    }

    /** The JSON inside; text that already is JSON comes back unchanged. */
    static String unwrap(String text) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            return t;
        }
        Matcher m = CALLBACK.matcher(t);
        if (m.matches()) {
            return m.group(1).strip();
        }
        m = ASSIGNMENT.matcher(t);
        return m.matches() ? m.group(1).strip() : t;
    }
}
