package io.chipwatch.crawl;

import java.net.URI;
import java.time.Instant;

/**
 * An article URL found by discovery.
 *
 * @param url       absolute URL as found (not yet canonical)
 * @param title     headline the listing gave, or null
 * @param published publication time the listing gave, or null
 * @param summary   text the listing gave (a feed's description or full content), or null
 */
public record DiscoveredLink(URI url, String title, Instant published, String summary) {
}
