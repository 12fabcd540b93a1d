package io.chipwatch.crawl;

import io.chipwatch.html.CharsetResolver;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers articles on HTML list pages: the elements matching the {@code links} selector, with
 * their text as title. More pages come from a {@code {page}} placeholder or the {@code next} link.
 */
public final class ListPageDiscoverer implements Discoverer {

    private static final Logger log = LoggerFactory.getLogger(ListPageDiscoverer.class);

    public static final String DEFAULT_LINKS = "a[href]";

    private final ValidatorStore validators;
    private final CharsetResolver charsets = new CharsetResolver();

    public ListPageDiscoverer() {
        this(ValidatorStore.NONE);
    }

    public ListPageDiscoverer(ValidatorStore validators) {
        this.validators = validators;
    }

    @Override
    public List<DiscoveredLink> discover(Discovery discovery, PageFetcher fetcher) throws DiscoveryException, InterruptedException {
        ListingFetcher listings = new ListingFetcher(fetcher, validators);
        List<DiscoveredLink> links = new ArrayList<>();
        if (PageNumbers.numbered(discovery.url())) {
            for (int page = 1; page <= discovery.pages(); page++) {
                Optional<Document> doc = fetch(ListingUrls.parse(PageNumbers.fill(discovery.url(), page)), discovery, listings);
                if (doc.isEmpty()) {
                    break; // unchanged or gone: later pages are older still
                }
                links.addAll(links(doc.get(), discovery));
            }
        } else {
            URI url = ListingUrls.parse(discovery.url());
            Set<URI> visited = new HashSet<>();
            for (int page = 1; page <= discovery.pages() && url != null && visited.add(url); page++) {
                Optional<Document> doc = fetch(url, discovery, listings);
                if (doc.isEmpty()) {
                    break;
                }
                links.addAll(links(doc.get(), discovery));
                url = page < discovery.pages() ? nextPage(doc.get(), discovery).orElse(null) : null;
            }
        }
        return LinkFilter.matching(discovery, links);
    }

    private Optional<Document> fetch(URI url, Discovery discovery, ListingFetcher listings) throws InterruptedException {
        Optional<FetchResult> result = listings.fetch(new FetchRequest(url, "GET", discovery.headers(), null, null, null));
        return result.map(r -> {
            String html = charsets.decode(r.body(), r.header("content-type")).text();
            return Jsoup.parse(html, r.finalUrl().toString());
        });
    }

    private static List<DiscoveredLink> links(Document doc, Discovery discovery) throws DiscoveryException {
        String selector = discovery.links() == null || discovery.links().isBlank() ? DEFAULT_LINKS : discovery.links();
        List<DiscoveredLink> links = new ArrayList<>();
        for (Element element : select(doc, selector, "links")) {
            // a selector may stop at the item (li, h2) rather than its anchor
            Element anchor = element.hasAttr("href") ? element : element.selectFirst("a[href]");
            if (anchor == null) {
                continue;
            }
            Optional<URI> url = ListingUrls.resolve(URI.create(doc.location()), anchor.attr("href"));
            if (url.isPresent()) {
                links.add(new DiscoveredLink(url.get(), title(element, anchor), null, null));
            }
        }
        if (links.isEmpty()) {
            log.warn("No links matched '{}' on {}; the page may have changed", selector, doc.location());
        }
        return links;
    }

    private static Optional<URI> nextPage(Document doc, Discovery discovery) throws DiscoveryException {
        if (discovery.next() == null || discovery.next().isBlank()) {
            return Optional.empty();
        }
        for (Element element : select(doc, discovery.next(), "next")) {
            Element anchor = element.hasAttr("href") ? element : element.selectFirst("a[href]");
            if (anchor != null) {
                Optional<URI> next = ListingUrls.resolve(URI.create(doc.location()), anchor.attr("href"));
                if (next.isPresent()) {
                    return next;
                }
            }
        }
        return Optional.empty();
    }

    private static Elements select(Document doc, String selector, String what) throws DiscoveryException {
        try {
            return doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new DiscoveryException(what + " selector '" + selector + "' is not valid CSS: " + e.getMessage(), e);
        }
    }

    private static String title(Element element, Element anchor) {
        String text = anchor.text().strip();
        if (text.isEmpty()) {
            text = element.text().strip();
        }
        if (text.isEmpty()) {
            text = anchor.attr("title").strip();
        }
        return text.isEmpty() ? null : text;
    }
}
