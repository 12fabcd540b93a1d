package io.chipwatch.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of log lines and messages. Chat webhooks carry their token in the URL: in
 * the query (DingTalk access_token, WeCom key) or as a long path segment (Slack, Feishu), so a
 * URL is shown as scheme, host, port and the short path segments only.
 *
 * <p>Servers echo what they were sent in other encodings: an SMTP {@code 535} reply may quote
 * the {@code AUTH PLAIN} argument (base64 of {@code \0user\0password}), a web server its URL
 * percent-encoded or decoded. So each secret is also blanked in its percent-encoded and decoded
 * forms, and inside any base64 run that encodes it, wherever in the encoded bytes it sits.
 */
final class Redaction {

    private static final int LONGEST_PLAIN_SEGMENT = 15;
    private static final Pattern DIGITS_AND_LETTERS = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z]).{8,}");
    /**
     * Shorter base64 fragments are not searched for: they would match innocent text. A fragment
     * this long stands for at least 4 bytes of a secret.
     */
    private static final int SHORTEST_BASE64_CORE = 6;

    private final List<String> secrets;
    private final List<String> base64Cores;

    /** @param secrets strings to blank wherever they appear, in any of their encodings (null entries are ignored) */
    Redaction(Collection<String> secrets) {
        Set<String> plain = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                plain.addAll(SecretForms.textual(secret));
                cores.addAll(SecretForms.base64Cores(secret, SHORTEST_BASE64_CORE));
            }
        }
        List<String> s = new ArrayList<>(plain);
        // longest first, so a URL is blanked whole rather than leaving pieces around its token
        s.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.secrets = List.copyOf(s);
        this.base64Cores = List.copyOf(cores);
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
        return new Redaction(all);
    }

    /**
     * The text with every known secret replaced by ***: plain, percent-encoded or decoded, and
     * every base64 run that encodes one (blanked whole, since its edges hold bits of the secret).
     */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        for (String core : base64Cores) {
            out = SecretForms.blankBase64RunsHolding(out, core);
        }
        return out;
    }
}
