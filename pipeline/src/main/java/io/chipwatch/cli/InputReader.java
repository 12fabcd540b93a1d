package io.chipwatch.cli;

import io.chipwatch.crawl.CrawlSettings;
import io.chipwatch.crawl.FetchRequest;
import io.chipwatch.crawl.FetchResult;
import io.chipwatch.crawl.HttpPageFetcher;
import io.chipwatch.model.RawPage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads one CLI input: a file, standard input ("-"), or an http(s) URL fetched by the crawler's
 * fetcher ({@link HttpPageFetcher}), so a URL given on the command line meets the same address
 * guard, body-size limit and whole-response timeout as a crawled one. Close it to release the
 * fetcher's threads.
 */
final class InputReader implements AutoCloseable {

    private final InputStream stdin;
    private final Supplier<CrawlSettings> settings;
    private HttpPageFetcher fetcher;

    /** Fetches URLs with the crawler settings of config/sources.yml, else of the built-in sources file. */
    InputReader(InputStream stdin) {
        this(stdin, () -> new FetchOptions().settings(io.chipwatch.config.ChipwatchConfig.DEFAULT_SOURCES));
    }

    /** @param settings the fetcher's settings, asked for at the first URL input only */
    InputReader(InputStream stdin, Supplier<CrawlSettings> settings) {
        this.stdin = stdin;
        this.settings = settings;
    }

    static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    /**
     * @param pageUrl the URL to attribute to a file or stdin input (the {@code --url} option), or null
     * @throws IOException when the input cannot be read, or the URL not fetched (refused by the
     *                     address guard, too large, too slow, an HTTP error): the message says which
     */
    RawPage read(String input, URI pageUrl) throws IOException {
        if (isUrl(input)) {
            return fetch(input);
        }
        byte[] bytes = input.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(input));
        return new RawPage(bytes, pageUrl, Map.of(), Instant.now());
    }

    private RawPage fetch(String input) throws IOException {
        URI url;
        try {
            url = new URI(input);
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URL: " + e.getMessage(), e);
        }
        FetchResult result;
        try {
            result = fetcher().fetch(FetchRequest.get(url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        if (!result.ok()) {
            String hint = result.status() == FetchResult.Status.BLOCKED ? " (for local use, pass --allow HOST)" : "";
            throw new IOException(result.status() + ": " + result.reason() + hint);
        }
        return new RawPage(result.body(), result.finalUrl(), result.headers(), result.fetchedAt());
    }

    private HttpPageFetcher fetcher() {
        if (fetcher == null) {
            fetcher = new HttpPageFetcher(settings.get());
        }
        return fetcher;
    }

    @Override
    public void close() {
        if (fetcher != null) {
            fetcher.close();
        }
    }

    /** The inputs with each folder replaced by its files in name order (hidden and *.json files skipped). */
    static java.util.List<String> expand(java.util.List<String> inputs) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String input : inputs) {
            java.nio.file.Path p = isUrl(input) || "-".equals(input) ? null : java.nio.file.Path.of(input);
            if (p != null && java.nio.file.Files.isDirectory(p)) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(p)) {
                    out.addAll(files.filter(java.nio.file.Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().endsWith(".json"))
                            .map(java.nio.file.Path::toString).sorted().toList());
                }
            } else {
                out.add(input);
            }
        }
        return out;
    }
}
