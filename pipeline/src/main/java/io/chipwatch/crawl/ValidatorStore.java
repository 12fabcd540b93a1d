package io.chipwatch.crawl;

import java.util.Optional;

/** Where the validators of listing URLs are kept between crawls. {@link CrawlState} is the persistent one. */
public interface ValidatorStore {

    /** Remembers nothing: every listing fetch is unconditional. */
    ValidatorStore NONE = new ValidatorStore() {
        @Override
        public Optional<Validators> validators(String key) {
            return Optional.empty();
        }

        @Override
        public void storeValidators(String key, Validators validators) {
        }
    };

    Optional<Validators> validators(String key);

    void storeValidators(String key, Validators validators);
}
