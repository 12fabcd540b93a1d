package io.chipwatch.alert;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The forms a secret takes when a server echoes it back: percent-encoded, decoded, base64. */
final class SecretForms {

    private SecretForms() {
    }

    /**
     * The secret as it is and percent-decoded (a URL token may have been given encoded), each also
     * percent-encoded: as in a form ({@code +} for a space), as in a path ({@code %20}), and with
     * every byte escaped, in upper- and lower-case hex.
     */
    static Set<String> textual(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        for (String base : asGivenAndDecoded(secret)) {
            forms.add(base);
            String form = URLEncoder.encode(base, StandardCharsets.UTF_8);
            forms.add(form);
            forms.add(form.replace("+", "%20"));
            forms.add(lowerHex(form));
            forms.add(lowerHex(form.replace("+", "%20")));
            String everyByte = escapeEveryByte(base);
            forms.add(everyByte);
            forms.add(everyByte.toLowerCase(Locale.ROOT));
        }
        forms.removeIf(String::isEmpty);
        return forms;
    }

    /** The secret, and its percent-decoded form when it has one. */
    static Set<String> asGivenAndDecoded(String secret) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(secret);
        if (secret.indexOf('%') >= 0 || secret.indexOf('+') >= 0) {
            try {
                bases.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // a literal % in the secret: there is no decoded form
            }
        }
        return bases;
    }

    /**
     * The parts of the secret's base64 encoding that do not depend on what surrounds it, for each
     * of the three byte alignments it can have inside a longer encoded string (the AUTH PLAIN
     * argument puts the password after the user name), in the standard and the URL alphabet.
     * Fragments shorter than {@code shortest} characters are left out.
     */
    static Set<String> base64Cores(String secret, int shortest) {
        Set<String> cores = new LinkedHashSet<>();
        for (String base : asGivenAndDecoded(secret)) {
            addBase64Cores(base.getBytes(StandardCharsets.UTF_8), shortest, cores);
        }
        return cores;
    }

    private static void addBase64Cores(byte[] bytes, int shortest, Set<String> cores) {
        for (int align = 0; align < 3; align++) {
            byte[] shifted = new byte[align + bytes.length];
            System.arraycopy(bytes, 0, shifted, align, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // Character i holds bits 6i..6i+5: it depends on the secret alone when those bits lie
            // after the unknown bytes before it and within the secret's last bit.
            int from = (8 * align + 5) / 6;
            int to = Math.min(encoded.length(), 8 * (align + bytes.length) / 6);
            if (to - from >= shortest) {
                String core = encoded.substring(from, to);
                cores.add(core);
                cores.add(core.replace('+', '-').replace('/', '_'));
            }
        }
    }

    /** The text with each run of base64 characters that contains {@code core} replaced by ***. */
    static String blankBase64RunsHolding(String text, String core) {
        int at = text.indexOf(core);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int start = at;
            while (start > copied && isBase64(text.charAt(start - 1))) {
                start--;
            }
            int end = at + core.length();
            while (end < text.length() && isBase64(text.charAt(end))) {
                end++;
            }
            out.append(text, copied, start).append("***");
            copied = end;
            at = text.indexOf(core, end);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '-' || c == '_' || c == '=';
    }

    private static String lowerHex(String percentEncoded) {
        StringBuilder b = new StringBuilder(percentEncoded.length());
        for (int i = 0; i < percentEncoded.length(); i++) {
            char c = percentEncoded.charAt(i);
            boolean inEscape = i >= 1 && percentEncoded.charAt(i - 1) == '%' || i >= 2 && percentEncoded.charAt(i - 2) == '%';
            b.append(inEscape ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }

    private static String escapeEveryByte(String secret) {
        StringBuilder b = new StringBuilder();
        for (byte x : secret.getBytes(StandardCharsets.UTF_8)) {
            b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
        }
        return b.toString();
    }
}
