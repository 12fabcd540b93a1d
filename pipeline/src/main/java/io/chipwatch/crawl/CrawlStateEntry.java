package io.chipwatch.crawl;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/** One line of the crawl-state log. The {@code t} property names the kind; the names are the file format. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CrawlStateEntry.Seen.class, name = "seen"),
        @JsonSubTypes.Type(value = CrawlStateEntry.Validated.class, name = "validators"),
        @JsonSubTypes.Type(value = CrawlStateEntry.Fingerprinted.class, name = "fingerprint"),
        @JsonSubTypes.Type(value = CrawlStateEntry.Duplicate.class, name = "duplicate")})
sealed interface CrawlStateEntry {

    record Seen(String url, String source, Instant at) implements CrawlStateEntry {
    }

    record Validated(String url, String etag, String lastModified) implements CrawlStateEntry {
    }

    /** The SimHash is written as 16 hex digits: readable, and no reader mangles it as a double. */
    record Fingerprinted(String simhash, String url, String articleId) implements CrawlStateEntry {
    }

    record Duplicate(String url, String first) implements CrawlStateEntry {
    }
}
