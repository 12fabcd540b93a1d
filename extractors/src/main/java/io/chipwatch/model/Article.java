package io.chipwatch.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A news article as extracted from one fetched page or text file.
 *
 * @param id           sha-1 (hex) of the canonical URL, or of the content when no URL is known
 * @param url          the URL the page was fetched from, or null
 * @param canonicalUrl the page's declared canonical URL, else {@code url}, or null
 * @param title        headline with the site suffix removed, or null when the page has none
 * @param published    publication time; pages that give no zone are read as Asia/Shanghai; null when unknown
 * @param author       byline (a person), or null; never a navigation word
 * @param source       publishing outlet or self-media account, or null
 * @param lang         ISO 639-1 language of the body ("zh", "en", ...), or "und"
 * @param body         main text, paragraphs joined by {@code \n}; empty, never null
 * @param charset      name of the charset the bytes were decoded with
 */
public record Article(
        String id,
        String url,
        String canonicalUrl,
        String title,
        OffsetDateTime published,
        String author,
        String source,
        String lang,
        String body,
        String charset) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
    }

    /** The body split into its paragraphs; an empty body has none. */
    public List<String> paragraphs() {
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    public Article withPublished(OffsetDateTime value) {
        return new Article(id, url, canonicalUrl, title, value, author, source, lang, body, charset);
    }
}
