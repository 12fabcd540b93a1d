package io.chipwatch.alert;

import io.chipwatch.model.Article;

import java.time.OffsetDateTime;

/**
 * An article that reported the announcement.
 *
 * @param url       its canonical URL, else the fetched one, else null (a local file)
 * @param title     its headline, or null
 * @param published when it was published, or null
 */
public record SourceLink(String url, String title, OffsetDateTime published) {

    public static SourceLink of(Article a) {
        return new SourceLink(a.canonicalUrl() != null ? a.canonicalUrl() : a.url(), a.title(), a.published());
    }
}
