package io.chipwatch.crawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fetches listings conditionally: sends the validators stored for a listing and stores the ones the
 * response brings. The one place every discoverer goes through, so conditional GET is not four copies.
 */
public final class ListingFetcher {

    private static final Logger log = LoggerFactory.getLogger(ListingFetcher.class);

    private final PageFetcher fetcher;
    private final ValidatorStore store;

    public ListingFetcher(PageFetcher fetcher, ValidatorStore store) {
        this.fetcher = fetcher;
        this.store = store;
    }

    /**
     * @return the OK result; empty when the listing is unchanged (304) or could not be fetched (logged)
     */
    public Optional<FetchResult> fetch(FetchRequest request) throws InterruptedException {
        String key = key(request);
        FetchRequest conditional = store.validators(key)
                .map(v -> request.withValidators(v.etag(), v.lastModified()))
                .orElse(request);
        FetchResult result = fetcher.fetch(conditional);
        switch (result.status()) {
            case OK -> {
                Validators.of(result).ifPresent(v -> store.storeValidators(key, v));
                return Optional.of(result);
            }
            case NOT_MODIFIED -> {
                log.debug("Listing {} unchanged since the last fetch", request.url());
                return Optional.empty();
            }
            default -> {
                log.warn("Listing {} not fetched: {} (HTTP {}): {}", request.url(), result.status(), result.httpStatus(),
                        result.reason());
                return Optional.empty();
            }
        }
    }

    /** POST listings share one URL across pages, so their body is part of what identifies them. */
    static String key(FetchRequest request) {
        if (request.body() == null || request.body().length == 0) {
            return request.url().toString();
        }
        return request.method() + " " + request.url() + " " + new String(request.body(), StandardCharsets.UTF_8);
    }
}
