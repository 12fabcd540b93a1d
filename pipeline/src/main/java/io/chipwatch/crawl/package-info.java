/**
 * The crawler: sources from {@code config/sources.yml}, discovery (feeds, sitemaps, list pages,
 * JSON list APIs), polite fetching (robots.txt, per-host delay, conditional GET, retries, address
 * guard), URL canonicalisation, a persistent record of what was seen, near-duplicate detection,
 * and the cron scheduler that puts pages on {@code chipwatch.pages}.
 */
package io.chipwatch.crawl;
