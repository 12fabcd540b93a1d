package io.chipwatch.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Turns the URL text found in listings, which is often not a legal URI, into absolute http(s) URIs. */
final class ListingUrls {

    /** ASCII characters java.net.URI refuses but that real pages put in hrefs anyway. */
    private static final String ILLEGAL = " \"<>\\^`{|}[]";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ListingUrls() {
    }

    /** Parses an absolute listing URL from configuration or a feed. */
    static URI parse(String url) throws DiscoveryException {
        try {
            URI uri = new URI(escape(url.trim()));
            if (!uri.isAbsolute()) {
                throw new DiscoveryException("listing URL is not absolute: " + url);
            }
            return URI.create(uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw new DiscoveryException("listing URL is not a URL: " + url, e);
        }
    }

    /** Resolves a link against the page it was found on; empty for non-http links and garbage. */
    static Optional<URI> resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        try {
            URI ref = new URI(escape(href.trim()));
            URI resolved = withRootPath(base).resolve(ref);
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(URI.create(resolved.toASCIIString()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Percent-encodes the ASCII characters URI rejects, and a '%' that starts no escape. Square
     * brackets stay inside the authority, where they enclose an IPv6 address.
     */
    static String escape(String s) {
        int authorityEnd = authorityEnd(s);
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hostBracket = (c == '[' || c == ']') && i < authorityEnd;
            if (c == '%' && !(i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)))) {
                out.append("%25");
            } else if ((ILLEGAL.indexOf(c) >= 0 && !hostBracket) || c < 0x20 || c == 0x7F) {
                out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Index just past the authority of "scheme://authority" or "//authority", else 0. */
    private static int authorityEnd(String s) {
        int slashes = s.indexOf("//");
        if (slashes < 0 || !(slashes == 0 || s.substring(0, slashes).matches("[A-Za-z][A-Za-z0-9+.-]*:"))) {
            return 0;
        }
        int end = slashes + 2;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** URI.resolve glues "x" onto "http://host" as "http://hostx"; an empty path must be "/" first. */
    private static URI withRootPath(URI base) throws URISyntaxException {
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
        }
        return base;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
