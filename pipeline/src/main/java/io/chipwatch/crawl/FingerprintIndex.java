package io.chipwatch.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a fingerprint within a Hamming distance without comparing against all of them. Two 64-bit
 * hashes at distance at most 3 agree on at least one of their four 16-bit quarters (pigeonhole),
 * so only fingerprints sharing a quarter are compared. Larger distances fall back to a full scan.
 * Not thread-safe: {@link CrawlState} guards it.
 */
final class FingerprintIndex {

    private static final int QUARTERS = 4;

    /** Insertion order, so that of equally near fingerprints the first article wins. */
    private record Entry(Fingerprint fingerprint, int order) {
    }

    private final List<Map<Integer, List<Entry>>> byQuarter = new ArrayList<>();
    private final List<Entry> all = new ArrayList<>();

    FingerprintIndex() {
        for (int q = 0; q < QUARTERS; q++) {
            byQuarter.add(new HashMap<>());
        }
    }

    void add(Fingerprint fingerprint) {
        Entry entry = new Entry(fingerprint, all.size());
        all.add(entry);
        for (int q = 0; q < QUARTERS; q++) {
            byQuarter.get(q).computeIfAbsent(quarter(fingerprint.simhash(), q), k -> new ArrayList<>(1)).add(entry);
        }
    }

    /** The closest fingerprint within the distance; the earliest among equally close ones. */
    Optional<Fingerprint> nearest(long simhash, int maxDistance) {
        Entry best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<List<Entry>> candidates = new ArrayList<>();
        if (maxDistance < QUARTERS) {
            for (int q = 0; q < QUARTERS; q++) {
                candidates.add(byQuarter.get(q).getOrDefault(quarter(simhash, q), List.of()));
            }
        } else {
            candidates.add(all);
        }
        for (List<Entry> list : candidates) {
            for (Entry e : list) {
                int d = SimHash.hamming(simhash, e.fingerprint().simhash());
                if (d <= maxDistance && (d < bestDistance || d == bestDistance && e.order() < best.order())) {
                    best = e;
                    bestDistance = d;
                }
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.fingerprint());
    }

    int size() {
        return all.size();
    }

    private static int quarter(long simhash, int q) {
        return (int) ((simhash >>> (16 * q)) & 0xFFFF);
    }
}
