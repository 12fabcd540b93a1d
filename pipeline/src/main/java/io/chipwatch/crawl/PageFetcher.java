package io.chipwatch.crawl;

/**
 * Fetches URLs for the crawler. Implementations obey robots.txt, per-host politeness and the
 * address guard, and never throw for a failed fetch: the failure is the result's status.
 */
public interface PageFetcher {

    /**
     * @throws InterruptedException if the thread is interrupted while waiting for its turn at a host
     */
    FetchResult fetch(FetchRequest request) throws InterruptedException;
}
