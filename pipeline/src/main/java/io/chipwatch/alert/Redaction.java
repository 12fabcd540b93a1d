package io.chipwatch.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of log lines and messages. Chat webhooks carry their token in the URL: in
 * the query (DingTalk access_token, WeCom key) or as a long path segment (Slack, Feishu), so a
 * URL is shown as scheme, host, port and the short path segments only.
 */
final class Redaction {

    private static final int LONGEST_PLAIN_SEGMENT = 15;
    private static final Pattern DIGITS_AND_LETTERS = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z]).{8,}");

    private final List<String> secrets;

    /** @param secrets strings to blank wherever they appear (null entries are ignored) */
    Redaction(Collection<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s.add(secret);
            }
        }
        this.secrets = List.copyOf(s);
    }

    /** As "https://oapi.dingtalk.com/robot/send?***": the query and long or token-like path segments blanked. */
    static String url(URI uri) {
        if (uri == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        if (uri.getScheme() != null) {
            b.append(uri.getScheme()).append("://");
        }
        b.append(uri.getHost() == null ? "?" : uri.getHost());
        if (uri.getPort() >= 0) {
            b.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty()) {
            for (String segment : path.substring(1).split("/", -1)) {
                b.append('/').append(looksSecret(segment) ? "***" : segment);
            }
        }
        if (uri.getRawQuery() != null) {
            b.append("?***");
        }
        return b.toString();
    }

    private static boolean looksSecret(String segment) {
        return segment.length() > LONGEST_PLAIN_SEGMENT || DIGITS_AND_LETTERS.matcher(segment).matches();
    }

    /**
     * A redaction for a sink: its secrets, plus the URL's query, its parameter values and its
     * token-like path segments, since those are secrets too.
     */
    static Redaction of(URI url, String... secrets) {
        List<String> all = new ArrayList<>(java.util.Arrays.stream(secrets).filter(java.util.Objects::nonNull).toList());
        if (url != null) {
            all.add(url.toString());
            if (url.getRawQuery() != null) {
                all.add(url.getRawQuery());
                for (String pair : url.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    all.add(eq < 0 ? pair : pair.substring(eq + 1));
                }
            }
            if (url.getRawPath() != null) {
                for (String segment : url.getRawPath().split("/")) {
                    if (looksSecret(segment)) {
                        all.add(segment);
                    }
                }
            }
        }
        // longest first, so a URL is blanked whole rather than leaving pieces around its token
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redaction(all);
    }

    /** The text with every known secret replaced by ***. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
