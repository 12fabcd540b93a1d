package io.chipwatch.crawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the crawler remembers between runs: the article URLs it has taken, the validators of its
 * listings, the fingerprints of article texts and which articles repeat an earlier one.
 *
 * <p>Stored as an append-only JSON-lines log in one folder, replayed into memory on open. Every
 * change is written through at once (and fsynced unless opened without), so a killed crawler
 * loses at most the line it was writing; a torn last line is logged and cut off on the next open.
 * A file lock keeps a second crawler off the same folder. Thread-safe.
 */
public final class CrawlState implements ValidatorStore, Closeable {

    private static final Logger log = LoggerFactory.getLogger(CrawlState.class);

    public static final String FILE_NAME = "crawl-state.jsonl";
    public static final int DEFAULT_MAX_DISTANCE = 3;

    private final Path file;
    private final boolean fsync;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Map<String, SeenUrl> seen = new ConcurrentHashMap<>();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private final Map<String, String> duplicates = new ConcurrentHashMap<>();
    /** Guarded by {@code this}, as are the channel writes. */
    private final FingerprintIndex fingerprints = new FingerprintIndex();

    private FileChannel channel;
    private FileLock lock;

    private CrawlState(Path file, boolean fsync) {
        this.file = file;
        this.fsync = fsync;
    }

    /** Opens (or creates) the state in a folder; every change is fsynced. */
    public static CrawlState open(Path dir) throws IOException {
        return open(dir, true);
    }

    /**
     * @param fsync false to only write through to the OS: survives a killed process, not a power cut
     */
    public static CrawlState open(Path dir, boolean fsync) throws IOException {
        Files.createDirectories(dir);
        CrawlState state = new CrawlState(dir.resolve(FILE_NAME), fsync);
        state.load();
        return state;
    }

    public Path file() {
        return file;
    }

    // --- seen article URLs

    public boolean isSeen(String canonicalUrl) {
        return seen.containsKey(canonicalUrl);
    }

    public Optional<SeenUrl> seen(String canonicalUrl) {
        return Optional.ofNullable(seen.get(canonicalUrl));
    }

    /**
     * Records an article URL as taken.
     *
     * @return true if it was new; false if it had been seen (the first sighting is kept)
     */
    public synchronized boolean markSeen(String canonicalUrl, String source, Instant at) {
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        if (seen.containsKey(canonicalUrl)) {
            return false;
        }
        append(new CrawlStateEntry.Seen(canonicalUrl, source, at));
        seen.put(canonicalUrl, new SeenUrl(canonicalUrl, source, at));
        return true;
    }

    public int seenCount() {
        return seen.size();
    }

    // --- listing validators

    @Override
    public Optional<Validators> validators(String listingUrl) {
        return Optional.ofNullable(validators.get(listingUrl));
    }

    @Override
    public synchronized void storeValidators(String listingUrl, Validators v) {
        if (v.equals(validators.get(listingUrl))) {
            return; // servers that ignore conditional requests resend the same ones every time
        }
        append(new CrawlStateEntry.Validated(listingUrl, v.etag(), v.lastModified()));
        validators.put(listingUrl, v);
    }

    // --- fingerprints and duplicates

    /** The first article whose text is within {@value #DEFAULT_MAX_DISTANCE} bits of this SimHash. */
    public Optional<Fingerprint> nearDuplicateOf(long simhash) {
        return nearDuplicateOf(simhash, DEFAULT_MAX_DISTANCE);
    }

    /** The nearest recorded fingerprint within the Hamming distance (the earliest when tied). */
    public synchronized Optional<Fingerprint> nearDuplicateOf(long simhash, int maxDistance) {
        return fingerprints.nearest(simhash, maxDistance);
    }

    public synchronized void addFingerprint(long simhash, String url, String articleId) {
        append(new CrawlStateEntry.Fingerprinted(hex(simhash), url, articleId));
        fingerprints.add(new Fingerprint(simhash, url, articleId));
    }

    /**
     * Looks up and records in one step, so two threads with the same story cannot both be first.
     *
     * @return the earlier fingerprint within the distance, if any (then nothing is recorded)
     */
    public synchronized Optional<Fingerprint> addFingerprintUnlessNear(long simhash, int maxDistance, String url, String articleId) {
        Optional<Fingerprint> near = fingerprints.nearest(simhash, maxDistance);
        if (near.isEmpty()) {
            addFingerprint(simhash, url, articleId);
        }
        return near;
    }

    public int fingerprintCount() {
        synchronized (this) {
            return fingerprints.size();
        }
    }

    /** Records that an article repeats an earlier one. */
    public synchronized void markDuplicate(String url, String firstUrl) {
        if (firstUrl.equals(duplicates.get(url))) {
            return;
        }
        append(new CrawlStateEntry.Duplicate(url, firstUrl));
        duplicates.put(url, firstUrl);
    }

    /** The URL of the article this one repeats, if it was found to repeat one. */
    public Optional<String> duplicateOf(String url) {
        return Optional.ofNullable(duplicates.get(url));
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            channel.force(true);
            lock.release();
        } finally {
            channel.close();
            channel = null;
        }
    }

    // --- the log

    private void append(CrawlStateEntry entry) {
        if (channel == null) {
            throw new IllegalStateException("crawl state " + file + " is closed");
        }
        try {
            byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crawl state " + file, e);
        }
    }

    private void load() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            channel = null;
            throw new IOException("crawl state " + file + " is in use by another crawler");
        }
        long goodEnd = replay();
        if (goodEnd < channel.size()) {
            channel.truncate(goodEnd);
        }
        channel.position(goodEnd);
        log.info("Crawl state {}: {} seen URLs, {} listing validators, {} fingerprints, {} duplicates", file, seen.size(),
                validators.size(), fingerprints.size(), duplicates.size());
    }

    /** @return the offset just past the last complete line */
    private long replay() throws IOException {
        long offset = 0;
        long goodEnd = 0;
        int lineNo = 0;
        int skipped = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNo++;
                if (!apply(line.toString(StandardCharsets.UTF_8), lineNo)) {
                    skipped++;
                }
                line.reset();
                goodEnd = offset;
            }
        }
        if (line.size() > 0) {
            // every line is written with its newline in one write: a line without one was cut short
            log.warn("Crawl state {}: dropping the unfinished last line {} ({} bytes), left by an interrupted write", file,
                    lineNo + 1, line.size());
        }
        if (skipped > 0) {
            log.warn("Crawl state {}: skipped {} unreadable lines", file, skipped);
        }
        return goodEnd;
    }

    private boolean apply(String text, int lineNo) {
        if (text.isBlank()) {
            return true;
        }
        try {
            CrawlStateEntry entry = json.readValue(text, CrawlStateEntry.class);
            if (entry instanceof CrawlStateEntry.Seen s) {
                seen.putIfAbsent(s.url(), new SeenUrl(s.url(), s.source(), s.at()));
            } else if (entry instanceof CrawlStateEntry.Validated v) {
                validators.put(v.url(), new Validators(v.etag(), v.lastModified()));
            } else if (entry instanceof CrawlStateEntry.Fingerprinted f) {
                fingerprints.add(new Fingerprint(Long.parseUnsignedLong(f.simhash(), 16), f.url(), f.articleId()));
            } else if (entry instanceof CrawlStateEntry.Duplicate d) {
                duplicates.put(d.url(), d.first());
            }
            return true;
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Crawl state {} line {} is unreadable, skipped: {}", file, lineNo, e.getMessage());
            return false;
        }
    }

    private static String hex(long simhash) {
        return String.format("%016x", simhash);
    }
}
