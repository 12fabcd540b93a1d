package io.chipwatch.crawl;

import io.chipwatch.html.SiteRule;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One news site the crawler follows: an entry of {@code sources:} in {@code config/sources.yml}.
 *
 * @param name        unique short name, used on the command line and in logs
 * @param site        the outlet's own name (集微网, IT之家, ...)
 * @param discover    how its articles are listed, tried in order
 * @param schedule    a cron expression (five fields, minute first) in the crawler's time zone
 * @param delay       minimum time between two requests to this source's hosts; null takes the crawler default
 * @param keywords    an article is kept only if its title or body contains one of these (empty keeps all)
 * @param extract     site-specific extraction selectors for the source's article hosts, or null
 * @param maxArticles article pages fetched per run at most, newest listings first
 * @param enabled     false keeps the entry in the file without crawling it
 */
public record Source(String name, String site, List<Discovery> discover, String schedule, Duration delay,
                     List<String> keywords, SiteRule extract, int maxArticles, boolean enabled) {

    public Source {
        Objects.requireNonNull(name, "source name");
        discover = List.copyOf(discover);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        if (discover.isEmpty()) {
            throw new IllegalArgumentException("source " + name + " has nothing under discover");
        }
    }

    /** The hosts of its listing URLs: where the per-source delay applies. */
    public Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (Discovery d : discover) {
            String host = URI.create(d.url().replace("{page}", "1")).getHost();
            if (host != null) {
                hosts.add(host.toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (extract != null) {
            hosts.addAll(extract.hosts());
        }
        return hosts;
    }
}
