package io.chipwatch.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers articles from a sitemap, a Google news sitemap or a sitemap index (crawler-commons),
 * gzipped or not. Of an index only the newest child sitemaps are read: news sites add a file per
 * day or month, and the old ones hold nothing new.
 */
public final class SitemapDiscoverer implements Discoverer {

    private static final Logger log = LoggerFactory.getLogger(SitemapDiscoverer.class);

    /** Child sitemaps read per index by default. */
    public static final int DEFAULT_MAX_CHILD_SITEMAPS = 10;

    /** How deep indexes of indexes are followed. */
    private static final int MAX_DEPTH = 2;

    private final ValidatorStore validators;
    private final int maxChildSitemaps;

    public SitemapDiscoverer() {
        this(ValidatorStore.NONE, DEFAULT_MAX_CHILD_SITEMAPS);
    }

    public SitemapDiscoverer(ValidatorStore validators) {
        this(validators, DEFAULT_MAX_CHILD_SITEMAPS);
    }

    public SitemapDiscoverer(ValidatorStore validators, int maxChildSitemaps) {
        if (maxChildSitemaps < 1) {
            throw new IllegalArgumentException("maxChildSitemaps must be at least 1");
        }
        this.validators = validators;
        this.maxChildSitemaps = maxChildSitemaps;
    }

    @Override
    public List<DiscoveredLink> discover(Discovery discovery, PageFetcher fetcher) throws DiscoveryException, InterruptedException {
        ListingFetcher listings = new ListingFetcher(fetcher, validators);
        SiteMapParser parser = parser();
        URI root = ListingUrls.parse(discovery.url());
        Optional<AbstractSiteMap> rootMap = fetchAndParse(root, discovery, listings, parser);
        if (rootMap.isEmpty()) {
            return List.of();
        }

        List<DiscoveredLink> links = new ArrayList<>();
        Set<String> visited = new HashSet<>(Set.of(root.toString()));
        Deque<Level> todo = new ArrayDeque<>(List.of(new Level(rootMap.get(), 0)));
        while (!todo.isEmpty()) {
            Level level = todo.removeFirst();
            if (level.map() instanceof SiteMap map) {
                map.getSiteMapUrls().forEach(u -> toLink(u).ifPresent(links::add));
            } else if (level.map() instanceof SiteMapIndex index && level.depth() < MAX_DEPTH) {
                for (AbstractSiteMap child : newestFirst(index)) {
                    URI childUrl = toUri(child.getUrl());
                    if (childUrl == null || !visited.add(childUrl.toString())) {
                        continue;
                    }
                    try {
                        fetchAndParse(childUrl, discovery, listings, parser).ifPresent(m -> todo.addLast(new Level(m, level.depth() + 1)));
                    } catch (DiscoveryException e) {
                        // one broken child must not hide the articles in its siblings
                        log.warn("Skipping child sitemap {} of {}: {}", childUrl, discovery.url(), e.getMessage());
                    }
                }
            }
        }
        return LinkFilter.matching(discovery, links);
    }

    private record Level(AbstractSiteMap map, int depth) {
    }

    private List<AbstractSiteMap> newestFirst(SiteMapIndex index) {
        Comparator<AbstractSiteMap> byLastModified = Comparator.comparing(AbstractSiteMap::getLastModified,
                Comparator.nullsLast(Comparator.reverseOrder()));
        List<AbstractSiteMap> children = index.getSitemaps().stream().sorted(byLastModified).toList();
        if (children.size() > maxChildSitemaps) {
            log.debug("Sitemap index {} lists {} sitemaps; reading the newest {}", index.getUrl(), children.size(), maxChildSitemaps);
        }
        return children.subList(0, Math.min(children.size(), maxChildSitemaps));
    }

    private static Optional<AbstractSiteMap> fetchAndParse(URI url, Discovery discovery, ListingFetcher listings, SiteMapParser parser)
            throws DiscoveryException, InterruptedException {
        Optional<FetchResult> result = listings.fetch(new FetchRequest(url, "GET", discovery.headers(), null, null, null));
        if (result.isEmpty()) {
            return Optional.empty();
        }
        FetchResult r = result.get();
        try {
            // the byte-sniffing overload: servers label .gz sitemaps as text/xml, octet-stream, anything
            return Optional.of(parser.parseSiteMap(r.body(), r.finalUrl().toURL()));
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new DiscoveryException("not a sitemap: " + url + ": " + e.getMessage(), e);
        }
    }

    /** Lenient parser: news sitemaps often live under /sitemap/ while articles do not (strict mode drops those). */
    private static SiteMapParser parser() {
        SiteMapParser parser = new SiteMapParser(false, true);
        parser.enableExtension(Extension.NEWS);
        return parser;
    }

    private static Optional<DiscoveredLink> toLink(SiteMapURL entry) {
        URI url = toUri(entry.getUrl());
        if (url == null) {
            return Optional.empty();
        }
        Optional<NewsAttributes> news = news(entry);
        String title = news.map(NewsAttributes::getTitle).filter(t -> !t.isBlank()).map(String::strip).orElse(null);
        // a news publication date is the publication; lastmod is the best a plain sitemap offers
        Date date = news.map(NewsAttributes::getPublicationDate).orElse(entry.getLastModified());
        Instant published = date == null ? null : date.toInstant();
        return Optional.of(new DiscoveredLink(url, title, published, null));
    }

    private static Optional<NewsAttributes> news(SiteMapURL entry) {
        Map<Extension, ExtensionMetadata[]> attributes = entry.getAttributes();
        ExtensionMetadata[] news = attributes == null ? null : attributes.get(Extension.NEWS);
        if (news == null) {
            return Optional.empty();
        }
        for (ExtensionMetadata m : news) {
            if (m instanceof NewsAttributes n) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static URI toUri(URL url) {
        if (url == null) {
            return null;
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            try {
                return ListingUrls.parse(url.toString());
            } catch (DiscoveryException ex) {
                return null;
            }
        }
    }
}
