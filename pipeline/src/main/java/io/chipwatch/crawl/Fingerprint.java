package io.chipwatch.crawl;

/**
 * The SimHash of an article's text and the article it was first seen in.
 *
 * @param simhash   64-bit SimHash of the article text
 * @param url       canonical URL of the first article with this text
 * @param articleId id the pipeline gave that article
 */
public record Fingerprint(long simhash, String url, String articleId) {
}
