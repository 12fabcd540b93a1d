package io.chipwatch.crawl;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.Objects;

/**
 * How one source lists its articles: one entry of a source's {@code discover} list in
 * {@code config/sources.yml}.
 *
 * @param type          feed (RSS/Atom), sitemap (sitemap, sitemap index or news sitemap), list (HTML list page), json (JSON or JSONP list API)
 * @param url           where the listing is; for list and json a {@code {page}} placeholder numbers the pages
 * @param links         list: CSS selector of article links (default {@code a[href]})
 * @param urlPattern    regex an article URL must match (applies to every type; null accepts all)
 * @param pages         list/json: pages to read, following {@code next} or filling {@code {page}} (default 1)
 * @param next          list: CSS selector of the next-page link, when the URL has no {@code {page}}
 * @param method        json: GET (default) or POST
 * @param body          json POST body
 * @param headers       extra request headers (Referer, API version headers)
 * @param items         json: JSON pointer to the array of items (e.g. {@code /result/data}); empty for a top-level array
 * @param urlField      json: JSON pointer inside an item to its URL (e.g. {@code /url})
 * @param urlTemplate   json: builds the URL from item fields, e.g. {@code https://example.com/a/{/id}.html}
 * @param titleField    json: pointer to the title, optional
 * @param dateField     json: pointer to the publication time (ISO text, "yyyy-MM-dd HH:mm[:ss]" or unix seconds/millis), optional
 */
public record Discovery(
        String type,
        String url,
        String links,
        @JsonProperty("url_pattern") String urlPattern,
        Integer pages,
        String next,
        String method,
        String body,
        Map<String, String> headers,
        String items,
        @JsonProperty("url_field") String urlField,
        @JsonProperty("url_template") String urlTemplate,
        @JsonProperty("title_field") String titleField,
        @JsonProperty("date_field") String dateField) {

    public Discovery {
        Objects.requireNonNull(type, "discover.type");
        Objects.requireNonNull(url, "discover.url");
        if (!java.util.List.of("feed", "sitemap", "list", "json").contains(type)) {
            throw new IllegalArgumentException("discover.type must be feed, sitemap, list or json, not '" + type + "'");
        }
        pages = pages == null ? 1 : pages;
        if (pages < 1) {
            throw new IllegalArgumentException("discover.pages must be at least 1");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (type.equals("json") && urlField == null && urlTemplate == null) {
            throw new IllegalArgumentException("a json discovery needs url_field or url_template");
        }
    }

    public static Discovery of(String type, String url) {
        return new Discovery(type, url, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
