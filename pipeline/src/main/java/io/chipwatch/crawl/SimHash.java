package io.chipwatch.crawl;

import java.util.OptionalLong;

/**
 * 64-bit SimHash over character shingles. Shingles of characters, not words, because Chinese has
 * no spaces and segmentation is not worth its cost for "is this the same story": 4 consecutive
 * letters or digits, after whitespace and punctuation are removed, change with the wording yet
 * survive reflowed lines, re-punctuation and different headers. Immutable and thread-safe.
 */
public final class SimHash {

    public static final int DEFAULT_SHINGLE = 4;
    /** Below this many letters and digits a text has too little signal to match anything. */
    public static final int DEFAULT_MIN_CHARS = 50;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int shingle;
    private final int minChars;

    public SimHash() {
        this(DEFAULT_SHINGLE, DEFAULT_MIN_CHARS);
    }

    public SimHash(int shingle, int minChars) {
        if (shingle < 1 || minChars < shingle) {
            throw new IllegalArgumentException("need 1 <= shingle <= minChars, got " + shingle + " and " + minChars);
        }
        this.shingle = shingle;
        this.minChars = minChars;
    }

    /** The fingerprint, or empty when the text has fewer than {@code minChars} letters and digits. */
    public OptionalLong fingerprint(String text) {
        String s = normalize(text);
        return s.codePointCount(0, s.length()) < minChars ? OptionalLong.empty() : OptionalLong.of(hashNormalized(s));
    }

    /** The SimHash of any text, however short (the empty text hashes to 0). */
    public long hash(String text) {
        return hashNormalized(normalize(text));
    }

    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Letters and digits only, Latin lower-cased, full-width forms folded to ASCII. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0; // full-width ASCII (ＡＩ，１２) as typed by Chinese input methods
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    private long hashNormalized(String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0) {
            return 0L;
        }
        int[] votes = new int[64];
        int n = Math.max(1, cps.length - shingle + 1);
        for (int i = 0; i < n; i++) {
            long h = hash(cps, i, Math.min(cps.length, i + shingle));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long result = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    /**
     * FNV-1a 64 over the code points' bytes, then the MurmurHash3 finaliser: FNV alone spreads short
     * inputs poorly across the high bits, and SimHash needs every bit to be a fair coin.
     */
    static long hash(int[] codePoints, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            int cp = codePoints[i];
            for (int shift = 0; shift < 32; shift += 8) {
                h ^= (cp >>> shift) & 0xFF;
                h *= FNV_PRIME;
            }
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
