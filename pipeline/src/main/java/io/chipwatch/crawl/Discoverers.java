package io.chipwatch.crawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discoverer for every discovery type, behind one {@link Discoverer}: it picks the one for the
 * type, keeps the links matching the URL pattern and merges links that canonicalise to the same
 * URL (a list page links an article from its picture and its headline).
 */
public final class Discoverers implements Discoverer {

    private static final Logger log = LoggerFactory.getLogger(Discoverers.class);

    private final Map<String, Discoverer> byType;
    private final UrlCanonicalizer canonicalizer;

    /** Unconditional listing fetches, default tracking parameters. */
    public Discoverers() {
        this(ValidatorStore.NONE, new UrlCanonicalizer());
    }

    /** The four standard discoverers, sharing one validator store for conditional listing fetches. */
    public Discoverers(ValidatorStore validators, UrlCanonicalizer canonicalizer) {
        this(Map.of("feed", new FeedDiscoverer(validators),
                "sitemap", new SitemapDiscoverer(validators),
                "list", new ListPageDiscoverer(validators),
                "json", new JsonApiDiscoverer(validators)), canonicalizer);
    }

    /** @param byType discoverer per discovery type (feed, sitemap, list, json) */
    public Discoverers(Map<String, Discoverer> byType, UrlCanonicalizer canonicalizer) {
        this.byType = Map.copyOf(byType);
        this.canonicalizer = canonicalizer;
    }

    public Discoverer forType(String type) {
        Discoverer discoverer = byType.get(type);
        if (discoverer == null) {
            throw new IllegalArgumentException("no discoverer for type '" + type + "'");
        }
        return discoverer;
    }

    @Override
    public List<DiscoveredLink> discover(Discovery discovery, PageFetcher fetcher) throws DiscoveryException, InterruptedException {
        List<DiscoveredLink> found = forType(discovery.type()).discover(discovery, fetcher);
        List<DiscoveredLink> matching = LinkFilter.matching(discovery, found);
        List<DiscoveredLink> unique = unique(matching);
        log.debug("Discovered {} links at {} ({} found, {} matching the pattern)", unique.size(), discovery.url(), found.size(),
                matching.size());
        return unique;
    }

    /** First occurrence wins its place; later duplicates fill in what it lacked (title, date, summary). */
    List<DiscoveredLink> unique(List<DiscoveredLink> links) {
        Map<String, DiscoveredLink> byCanonical = new LinkedHashMap<>();
        for (DiscoveredLink link : links) {
            String key;
            try {
                key = canonicalizer.canonicalize(link.url()).toString();
            } catch (IllegalArgumentException e) {
                log.debug("Dropping link {}: {}", link.url(), e.getMessage());
                continue;
            }
            byCanonical.merge(key, link, Discoverers::merge);
        }
        return new ArrayList<>(byCanonical.values());
    }

    private static DiscoveredLink merge(DiscoveredLink first, DiscoveredLink later) {
        return new DiscoveredLink(first.url(),
                first.title() != null ? first.title() : later.title(),
                first.published() != null ? first.published() : later.published(),
                first.summary() != null ? first.summary() : later.summary());
    }
}
