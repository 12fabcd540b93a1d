package io.chipwatch.cli;

import io.chipwatch.crawl.CrawlSettings;
import io.chipwatch.crawl.SourcesFile;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How URL inputs are fetched: as the crawler fetches, with its settings (the {@code crawler:}
 * section of the sources file: address guard, body-size limit, whole-response timeout, retries,
 * robots.txt, politeness), plus hosts the user allows for local use.
 */
final class FetchOptions {

    @Option(names = "--allow", paramLabel = "HOST", split = ",",
            description = "Fetch this host, IP address or CIDR range although it is loopback or private (local use; repeatable).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "FILE",
            description = "Take the fetcher's settings from the crawler section of this sources file (default: config/sources.yml, else the built-in one).")
    Path sources;

    /** The crawler's settings with the hosts of {@code --allow} added; read when first needed, so a file input never reads them. */
    CrawlSettings settings(Path defaultSources) {
        CrawlSettings s;
        try {
            s = SourcesFile.readOrDefault(sources != null ? sources : defaultSources).crawler();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fetcher settings: " + e.getMessage(), e);
        }
        List<String> allowed = new ArrayList<>(s.allow());
        allowed.addAll(allow);
        return new CrawlSettings(s.userAgent(), s.contact(), s.connectTimeout(), s.readTimeout(), s.maxBodyBytes(), s.maxRedirects(),
                s.maxAttempts(), s.backoff(), s.maxBackoff(), s.hostDelay(), s.concurrency(), allowed);
    }
}
