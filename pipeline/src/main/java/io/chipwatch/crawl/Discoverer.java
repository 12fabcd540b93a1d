package io.chipwatch.crawl;

import java.util.List;

/** Reads one kind of listing (feed, sitemap, list page, JSON API) and returns the article links in it. */
public interface Discoverer {

    /**
     * @return the links found, in listing order, filtered by the discovery's URL pattern; empty
     *         when the listing could not be fetched or is unchanged (a 304)
     * @throws DiscoveryException when the listing was fetched but cannot be read (not a feed, bad JSON)
     */
    List<DiscoveredLink> discover(Discovery discovery, PageFetcher fetcher) throws DiscoveryException, InterruptedException;
}
