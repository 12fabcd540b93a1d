package io.chipwatch.crawl;

import java.util.List;
import java.util.Optional;

/** Discovers articles from an RSS or Atom feed. */
public final class FeedDiscoverer implements Discoverer {

    private final ValidatorStore validators;
    private final FeedReader reader = new FeedReader();

    public FeedDiscoverer() {
        this(ValidatorStore.NONE);
    }

    public FeedDiscoverer(ValidatorStore validators) {
        this.validators = validators;
    }

    @Override
    public List<DiscoveredLink> discover(Discovery discovery, PageFetcher fetcher) throws DiscoveryException, InterruptedException {
        FetchRequest request = new FetchRequest(ListingUrls.parse(discovery.url()), "GET", discovery.headers(), null, null, null);
        Optional<FetchResult> result = new ListingFetcher(fetcher, validators).fetch(request);
        if (result.isEmpty()) {
            return List.of();
        }
        FetchResult r = result.get();
        return LinkFilter.matching(discovery, reader.read(r.body(), r.header("content-type"), r.finalUrl()));
    }
}
