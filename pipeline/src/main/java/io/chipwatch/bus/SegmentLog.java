package io.chipwatch.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The on-disk log of one partition of the journaled bus: a folder of segment files, each named
 * by the offset of its first record, each a sequence of {@link Frames} holding one record
 * (offset, key, value). A record is written and forced to disk before {@link #append} returns.
 * A new segment starts once the current one holds {@code segmentBytes}; whole segments whose
 * records are all before the trim point are deleted, so the disk holds about what memory does
 * plus one segment. Not thread-safe: the bus lock guards it.
 */
final class SegmentLog implements PartitionStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmentLog.class);
    private static final String SUFFIX = ".log";

    private final Path dir;
    private final TopicPartition id;
    private final long segmentBytes;
    /** Base offset of each segment → its file; the last is the one appended to. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel active;
    private long nextOffset;

    private SegmentLog(Path dir, TopicPartition id, long segmentBytes) {
        this.dir = dir;
        this.id = id;
        this.segmentBytes = segmentBytes;
    }

    /** A log and the records it held when opened, oldest first. */
    record Opened(SegmentLog log, long startOffset, List<BusRecord> records) {
    }

    /**
     * Opens the partition's folder, creating it with an empty first segment if needed, and reads
     * back its records. A torn or corrupt entry (a write cut short by a kill) is cut off with a
     * warning, with anything after it, so appending resumes at the last whole record.
     */
    static Opened open(Path dir, TopicPartition id, long segmentBytes) throws IOException {
        Files.createDirectories(dir);
        SegmentLog segmentLog = new SegmentLog(dir, id, segmentBytes);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .forEach(f -> segmentLog.segments.put(baseOffset(f), f));
        }
        List<BusRecord> records = new ArrayList<>();
        long start = segmentLog.readSegments(records);
        return new Opened(segmentLog, start, records);
    }

    private static long baseOffset(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unexpected file in the bus journal: " + file, e);
        }
    }

    /** @return the offset of the oldest record kept (the end offset when there is none) */
    private long readSegments(List<BusRecord> into) throws IOException {
        if (segments.isEmpty()) {
            segments.put(0L, create(0));
        }
        long start = segments.firstKey();
        long expected = start;
        for (Map.Entry<Long, Path> segment : List.copyOf(segments.entrySet())) {
            if (segment.getKey() != expected) {
                // a gap means a segment went missing: what follows cannot be trusted to line up
                log.error("Bus journal {}: segment {} starts at {}, expected {}; dropping it and later segments",
                        id, segment.getValue().getFileName(), segment.getKey(), expected);
                dropFrom(segment.getKey());
                break;
            }
            boolean last = segment.getKey().equals(segments.lastKey());
            try (FileChannel channel = FileChannel.open(segment.getValue(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                Frames.Read read = Frames.readAll(channel);
                for (byte[] payload : read.payloads()) {
                    into.add(decode(payload));
                    expected++;
                }
                if (read.torn()) {
                    log.warn("Bus journal {}: dropping a torn entry at byte {} of {} ({} bytes), left by an interrupted write",
                            id, read.goodEnd(), segment.getValue().getFileName(), channel.size() - read.goodEnd());
                    channel.truncate(read.goodEnd());
                    channel.force(true);
                    if (!last) {
                        dropFrom(segment.getKey() + 1);
                        break;
                    }
                }
            }
        }
        nextOffset = expected;
        active = FileChannel.open(segments.lastEntry().getValue(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return into.isEmpty() ? nextOffset : into.get(0).offset();
    }

    private void dropFrom(long base) throws IOException {
        for (Path later : List.copyOf(segments.tailMap(base, true).values())) {
            Files.deleteIfExists(later);
        }
        segments.tailMap(base, true).clear();
    }

    private BusRecord decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        long offset = in.getLong();
        int keyLength = in.getInt();
        String key = new String(payload, in.position(), keyLength, StandardCharsets.UTF_8);
        int valueAt = in.position() + keyLength;
        String value = new String(payload, valueAt, payload.length - valueAt, StandardCharsets.UTF_8);
        return new BusRecord(id.topic(), id.partition(), offset, key, value);
    }

    private static byte[] encode(BusRecord record) {
        byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
        byte[] value = record.value().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(12 + key.length + value.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(record.offset());
            out.writeInt(key.length);
            out.write(key);
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    @Override
    public void append(BusRecord record) {
        if (record.offset() != nextOffset) {
            throw new IllegalStateException("bus journal " + id + ": record offset " + record.offset() + ", expected " + nextOffset);
        }
        try {
            if (active.size() >= segmentBytes) {
                roll();
            }
            Frames.write(active, encode(record));
            active.force(false);
            nextOffset++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bus journal of " + id + " in " + dir, e);
        }
    }

    private void roll() throws IOException {
        Path next = create(nextOffset);
        active.close();
        segments.put(nextOffset, next);
        active = FileChannel.open(next, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private Path create(long base) throws IOException {
        Path file = dir.resolve(String.format("%020d%s", base, SUFFIX));
        try (FileChannel created = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            created.force(true);
        }
        DiskJournal.syncDirectory(dir);
        return file;
    }

    /** Deletes the segments all of whose records come before {@code offset}; never the one appended to. */
    @Override
    public void trimTo(long offset) {
        boolean deleted = false;
        while (segments.size() > 1 && segments.higherKey(segments.firstKey()) <= offset) {
            Path oldest = segments.pollFirstEntry().getValue();
            try {
                Files.deleteIfExists(oldest);
                deleted = true;
            } catch (IOException e) {
                // the records are committed: a file left behind costs disk, not data; the next open reads past it
                log.warn("Bus journal {}: cannot delete {}: {}", id, oldest, e.toString());
            }
        }
        if (deleted) {
            DiskJournal.syncDirectory(dir);
        }
    }

    /** Files on disk now, for tests and logs. */
    int segmentCount() {
        return segments.size();
    }

    @Override
    public void close() {
        try {
            active.close();
        } catch (IOException e) {
            log.warn("Bus journal {}: closing {} failed: {}", id, dir, e.toString());
        }
    }
}
