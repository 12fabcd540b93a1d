package io.chipwatch.crawl;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chipwatch.html.SiteRule;
import io.chipwatch.html.SiteRules;
import io.chipwatch.yaml.InvalidConfigException;
import io.chipwatch.yaml.StrictYaml;
import org.jsoup.select.QueryParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code config/sources.yml}: the crawler's settings and the sources it follows. Loading checks
 * everything that can be checked without the network — unknown keys, cron expressions, URL
 * patterns, CSS selectors, duplicate names — and names the source and field at fault.
 */
public record SourcesFile(CrawlSettings crawler, SchedulerSettings scheduler, List<Source> sources) {

    /** Where the file is shipped inside the jar, for runs outside a checkout. */
    public static final String RESOURCE = "chipwatch/config/sources.yml";

    public SourcesFile {
        sources = List.copyOf(sources);
    }

    public static SourcesFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidConfigException(path + ": no such sources file (check --sources or the configuration's sources)");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** The file at {@code path} if there is one, else the copy shipped in the jar. */
    public static SourcesFile readOrDefault(Path path) throws IOException {
        if (path != null && Files.isRegularFile(path)) {
            return read(path);
        }
        try (InputStream in = SourcesFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidConfigException("no sources file at " + path + " and none shipped in the jar");
            }
            return read(in, RESOURCE);
        }
    }

    /**
     * Reads and checks a sources file.
     *
     * @throws InvalidConfigException listing every mistake found: the keys and types of the whole
     *                                file, then each source's cron, patterns and selectors
     */
    public static SourcesFile read(InputStream yaml, String origin) throws IOException {
        FileDto file = new StrictYaml().read(yaml, origin, FileDto.class);
        CrawlerDto c = file.crawler() == null ? CrawlerDto.EMPTY : file.crawler();
        CrawlSettings d = CrawlSettings.defaults();
        CrawlSettings settings;
        SchedulerSettings scheduler;
        SchedulerSettings s = SchedulerSettings.defaults();
        try {
            settings = new CrawlSettings(
                or(c.userAgent(), d.userAgent()), or(c.contact(), d.contact()),
                seconds(c.connectTimeoutSeconds(), d.connectTimeout()), seconds(c.readTimeoutSeconds(), d.readTimeout()),
                c.maxBodyMb() == null ? d.maxBodyBytes() : (long) (c.maxBodyMb() * 1024 * 1024),
                or(c.maxRedirects(), d.maxRedirects()), or(c.maxAttempts(), d.maxAttempts()),
                seconds(c.backoffSeconds(), d.backoff()), seconds(c.maxBackoffSeconds(), d.maxBackoff()),
                seconds(c.hostDelaySeconds(), d.hostDelay()), or(c.concurrency(), d.concurrency()), c.allow());
            scheduler = new SchedulerSettings(c.timeZone() == null ? s.zone() : ZoneId.of(c.timeZone()),
                    seconds(c.jitterSeconds(), s.jitter()), or(c.runOnStart(), s.runOnStart()), or(c.maxArticles(), s.maxArticles()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidConfigException(origin + ": crawler: " + e.getMessage(), e);
        }
        List<String> defaultKeywords = file.keywords() == null ? List.of() : file.keywords();
        List<Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (SourceDto dto : file.sources() == null ? List.<SourceDto>of() : file.sources()) {
            try {
                Source source = source(dto, defaultKeywords, scheduler, origin);
                if (!names.add(source.name())) {
                    throw new IllegalArgumentException(origin + ": two sources are named '" + source.name() + "'");
                }
                sources.add(source);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new SourcesFile(settings, scheduler, sources);
    }

    public Optional<Source> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<Source> enabled() {
        return sources.stream().filter(Source::enabled).toList();
    }

    /** The sources' extraction rules, for the extract stage. */
    public SiteRules siteRules() {
        return new SiteRules(sources.stream().map(Source::extract).filter(java.util.Objects::nonNull).toList());
    }

    private static Source source(SourceDto dto, List<String> defaultKeywords, SchedulerSettings scheduler, String origin) {
        String where = origin + ": source " + (dto.name() == null ? "#?" : "'" + dto.name() + "'");
        if (dto.name() == null || !dto.name().matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException(where + ": name is required, lower-case letters, digits, - and _");
        }
        if (dto.discover() == null || dto.discover().isEmpty()) {
            throw new IllegalArgumentException(where + ": discover needs at least one entry");
        }
        for (Discovery d : dto.discover()) {
            check(where, d);
        }
        String schedule = dto.schedule() == null ? "*/30 * * * *" : dto.schedule();
        try {
            CrawlSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        SiteRule extract = null;
        if (dto.extract() != null) {
            ExtractDto x = dto.extract();
            List<String> hosts = x.hosts() != null ? x.hosts() : articleHosts(dto.discover());
            for (String selector : nonNull(x.title(), x.body(), x.published(), x.author(), x.source())) {
                checkSelector(where + ": extract", selector);
            }
            extract = new SiteRule(hosts, x.title(), x.body(), x.published(), x.author(), x.source(), x.remove());
        }
        return new Source(dto.name(), dto.site(), dto.discover(), schedule,
                dto.delaySeconds() == null ? null : Duration.ofMillis((long) (dto.delaySeconds() * 1000)),
                dto.keywords() == null ? defaultKeywords : dto.keywords(), extract,
                dto.maxArticles() == null ? scheduler.maxArticles() : dto.maxArticles(), dto.enabled() == null || dto.enabled());
    }

    private static void check(String where, Discovery d) {
        String url = d.url().replace("{page}", "1");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException(where + ": discover url must be http or https: " + d.url());
        }
        try {
            java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": discover url is not a URL: " + d.url(), e);
        }
        if (d.urlPattern() != null) {
            try {
                Pattern.compile(d.urlPattern());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": url_pattern is not a regular expression: " + e.getDescription(), e);
            }
        }
        checkSelector(where + ": links", d.links());
        checkSelector(where + ": next", d.next());
    }

    private static void checkSelector(String where, String selector) {
        if (selector == null) {
            return;
        }
        try {
            QueryParser.parse(selector);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": '" + selector + "' is not a CSS selector: " + e.getMessage(), e);
        }
    }

    /** Without explicit hosts, a source's extraction rule applies to the hosts its listings live on. */
    private static List<String> articleHosts(List<Discovery> discover) {
        List<String> hosts = new ArrayList<>();
        for (Discovery d : discover) {
            String host = java.net.URI.create(d.url().replace("{page}", "1")).getHost();
            if (host != null && !hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Duration seconds(Double value, Duration fallback) {
        return value == null ? fallback : Duration.ofMillis(Math.round(value * 1000));
    }

    private record FileDto(CrawlerDto crawler, List<String> keywords, List<SourceDto> sources) {
    }

    private record CrawlerDto(
            @JsonProperty("user_agent") String userAgent,
            String contact,
            @JsonProperty("connect_timeout_seconds") Double connectTimeoutSeconds,
            @JsonProperty("read_timeout_seconds") Double readTimeoutSeconds,
            @JsonProperty("max_body_mb") Double maxBodyMb,
            @JsonProperty("max_redirects") Integer maxRedirects,
            @JsonProperty("max_attempts") Integer maxAttempts,
            @JsonProperty("backoff_seconds") Double backoffSeconds,
            @JsonProperty("max_backoff_seconds") Double maxBackoffSeconds,
            @JsonProperty("host_delay_seconds") Double hostDelaySeconds,
            Integer concurrency,
            List<String> allow,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("jitter_seconds") Double jitterSeconds,
            @JsonProperty("run_on_start") Boolean runOnStart,
            @JsonProperty("max_articles") Integer maxArticles) {

        static final CrawlerDto EMPTY = new CrawlerDto(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private record SourceDto(String name, String site, List<Discovery> discover, String schedule,
                             @JsonProperty("delay_seconds") Double delaySeconds, List<String> keywords, ExtractDto extract,
                             @JsonProperty("max_articles") Integer maxArticles, Boolean enabled) {
    }

    private record ExtractDto(List<String> hosts, String title, String body, String published, String author, String source,
                              List<String> remove) {
    }
}
