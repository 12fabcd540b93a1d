package io.chipwatch.crawl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Holds back a run's new listing validators until the run has handled every link the listings
 * gave. Stored at once, a crash (or a failed article fetch) between reading a listing and taking
 * its links would have the next run answered 304 and never see those links again.
 */
final class DeferredValidators implements ValidatorStore {

    private final ValidatorStore delegate;
    private final Map<String, Validators> pending = new LinkedHashMap<>();

    DeferredValidators(ValidatorStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Validators> validators(String key) {
        return delegate.validators(key);
    }

    @Override
    public synchronized void storeValidators(String key, Validators validators) {
        pending.put(key, validators);
    }

    /** Every link was handled: the next run may ask for the listings conditionally. */
    synchronized void commit() {
        pending.forEach(delegate::storeValidators);
        pending.clear();
    }
}
