package io.chipwatch.alert;

import io.chipwatch.crawl.UrlCanonicalizer;
import io.chipwatch.model.Article;

import java.time.OffsetDateTime;

/**
 * An article that reported the announcement.
 *
 * @param url       its canonical URL, else the fetched one, without tracking parameters (utm_*,
 *                  spm, from, WeChat share decorations…); null for a local file
 * @param title     its headline, or null
 * @param published when it was published, or null
 */
public record SourceLink(String url, String title, OffsetDateTime published) {

    private static final UrlCanonicalizer LINKS = new UrlCanonicalizer();

    public static SourceLink of(Article a) {
        return new SourceLink(clean(a.canonicalUrl() != null ? a.canonicalUrl() : a.url()), a.title(), a.published());
    }

    /** The link a reader should get: tracking parameters dropped; anything that is not an absolute URL as it was. */
    static String clean(String url) {
        if (url == null) {
            return null;
        }
        try {
            return LINKS.canonicalize(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
