package io.chipwatch.crawl;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tells whether an article's text is a repost of one seen before: the same story with another
 * header, footer or a few edited characters lands within a few bits of SimHash. Texts too short
 * to carry a signal are never matched. Thread-safe (the state does the locking).
 */
public final class NearDuplicates {

    private final CrawlState state;
    private final SimHash simHash;
    private final int maxDistance;

    public NearDuplicates(CrawlState state) {
        this(state, new SimHash(), CrawlState.DEFAULT_MAX_DISTANCE);
    }

    public NearDuplicates(CrawlState state, SimHash simHash, int maxDistance) {
        if (maxDistance < 0 || maxDistance > 64) {
            throw new IllegalArgumentException("maxDistance must be 0..64, got " + maxDistance);
        }
        this.state = state;
        this.simHash = simHash;
        this.maxDistance = maxDistance;
    }

    /**
     * Checks an article and remembers it: a new text's fingerprint is recorded; a repeat is recorded
     * as a duplicate of the first article.
     *
     * @return the first article, when this text repeats it; empty for a new or too short text
     */
    public Optional<Fingerprint> check(String url, String articleId, String text) {
        OptionalLong fingerprint = simHash.fingerprint(text);
        if (fingerprint.isEmpty()) {
            return Optional.empty();
        }
        Optional<Fingerprint> first = state.addFingerprintUnlessNear(fingerprint.getAsLong(), maxDistance, url, articleId);
        if (first.isEmpty() || first.get().url().equals(url)) {
            return Optional.empty(); // new, or the same article fetched again
        }
        state.markDuplicate(url, first.get().url());
        return first;
    }

    /**
     * Records a text as a first copy, once its page is safely handed on: recording it earlier would
     * let a repost be dropped as a duplicate of a page that never reached the pipeline.
     */
    public void remember(String url, String articleId, String text) {
        simHash.fingerprint(text).ifPresent(f -> state.addFingerprint(f, url, articleId));
    }

    /** Records {@code url} as a repeat of {@code first}. */
    public void markRepeat(String url, Fingerprint first) {
        state.markDuplicate(url, first.url());
    }

    /** The first article this text repeats, without recording anything. */
    public Optional<Fingerprint> find(String text) {
        OptionalLong fingerprint = simHash.fingerprint(text);
        return fingerprint.isEmpty() ? Optional.empty() : state.nearDuplicateOf(fingerprint.getAsLong(), maxDistance);
    }

    /** True when two texts would count as the same story (both long enough and near). */
    public boolean sameStory(String a, String b) {
        OptionalLong ha = simHash.fingerprint(a);
        OptionalLong hb = simHash.fingerprint(b);
        return ha.isPresent() && hb.isPresent() && SimHash.hamming(ha.getAsLong(), hb.getAsLong()) <= maxDistance;
    }
}
