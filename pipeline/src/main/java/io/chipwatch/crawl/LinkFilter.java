package io.chipwatch.crawl;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Keeps the links whose absolute URL matches a discovery's {@code url_pattern}. */
final class LinkFilter {

    private LinkFilter() {
    }

    static List<DiscoveredLink> matching(Discovery discovery, List<DiscoveredLink> links) throws DiscoveryException {
        if (discovery.urlPattern() == null || discovery.urlPattern().isBlank()) {
            return links;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(discovery.urlPattern());
        } catch (PatternSyntaxException e) {
            throw new DiscoveryException("url_pattern of " + discovery.url() + " is not a valid regex: " + e.getDescription(), e);
        }
        // find(), not matches(): a pattern like "/article/\d+" should not need ".*" on both ends
        return links.stream().filter(l -> pattern.matcher(l.url().toString()).find()).toList();
    }
}
