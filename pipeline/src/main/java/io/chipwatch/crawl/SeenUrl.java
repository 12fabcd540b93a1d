package io.chipwatch.crawl;

import java.time.Instant;

/**
 * An article URL the crawler has taken.
 *
 * @param url    canonical URL
 * @param source id of the source it was discovered through
 * @param at     when it was first seen
 */
public record SeenUrl(String url, String source, Instant at) {
}
