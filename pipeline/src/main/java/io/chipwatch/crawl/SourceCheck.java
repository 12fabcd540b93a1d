package io.chipwatch.crawl;

import java.util.ArrayList;
import java.util.List;

/**
 * Tries a source's listings once, without remembering anything: what {@code chipwatch sources
 * check} reports. Uses the crawler's own fetcher, so robots.txt and the address guard apply.
 */
public final class SourceCheck {

    /**
     * @param source    the source's name
     * @param discovery the listing tried
     * @param reachable whether the listing answered and could be read
     * @param links     article links found (after the URL pattern)
     * @param problem   why it is unreachable or empty, or null
     */
    public record ListingCheck(String source, Discovery discovery, boolean reachable, int links, String problem) {
    }

    private final PageFetcher fetcher;
    private final Discoverers discoverers;

    public SourceCheck(PageFetcher fetcher) {
        this.fetcher = fetcher;
        this.discoverers = new Discoverers(ValidatorStore.NONE, new UrlCanonicalizer());
    }

    public List<ListingCheck> check(Source source) throws InterruptedException {
        List<ListingCheck> checks = new ArrayList<>();
        for (Discovery d : source.discover()) {
            CountingFetcher counting = new CountingFetcher(fetcher);
            try {
                int links = discoverers.discover(d, counting).size();
                boolean answered = counting.count(FetchResult.Status.OK) > 0;
                String problem = !answered ? counting.problems().stream().findFirst().orElse("no answer")
                        : links == 0 ? "no article links matched (check links / url_pattern)" : null;
                checks.add(new ListingCheck(source.name(), d, answered, links, problem));
            } catch (DiscoveryException e) {
                checks.add(new ListingCheck(source.name(), d, false, 0, e.getMessage()));
            }
        }
        return checks;
    }
}
