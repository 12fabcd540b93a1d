package io.chipwatch.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of a journaled bus: {@code topics/<topic>-<partition>/} holds each partition's
 * {@link SegmentLog}, {@code offsets.log} the groups' committed offsets ({@link OffsetFile}), and
 * a lock file keeps a second process off the folder. Opening reads everything back.
 */
final class DiskJournal implements Journal {

    private static final Logger log = LoggerFactory.getLogger(DiskJournal.class);
    /** Kafka's legal topic characters: they are also safe in a file name on every system. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern PARTITION_DIR = Pattern.compile("(.+)-(\\d+)");

    private final Path dir;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final OffsetFile offsets;
    private final List<SegmentLog> logs = new ArrayList<>();
    /** Topic → its partitions as opened, in partition order. */
    private final Map<String, List<SegmentLog.Opened>> restored = new TreeMap<>();

    private DiskJournal(Path dir, long segmentBytes, FileChannel lockChannel, FileLock lock, OffsetFile offsets) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.offsets = offsets;
    }

    /**
     * Opens (or creates) the journal in a folder and reads its topics and offsets back.
     *
     * @throws IOException when the folder cannot be read or written, or another process holds it
     */
    static DiskJournal open(Path dir, long segmentBytes) throws IOException {
        Files.createDirectories(dir.resolve("topics"));
        FileChannel lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("bus journal " + dir + " is in use by another chipwatch process");
        }
        DiskJournal journal = null;
        try {
            journal = new DiskJournal(dir, segmentBytes, lockChannel, lock, OffsetFile.open(dir.resolve("offsets.log")));
            journal.readTopics();
            return journal;
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            } else {
                lockChannel.close();
            }
            throw e;
        }
    }

    private void readTopics() throws IOException {
        Map<String, TreeMap<Integer, Path>> found = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(dir.resolve("topics"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Matcher m = PARTITION_DIR.matcher(d.getFileName().toString());
                if (!m.matches()) {
                    throw new IOException("unexpected folder in the bus journal: " + d);
                }
                found.computeIfAbsent(m.group(1), t -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), d);
            }
        }
        long records = 0;
        for (Map.Entry<String, TreeMap<Integer, Path>> topic : found.entrySet()) {
            List<SegmentLog.Opened> partitions = new ArrayList<>();
            for (int p = 0; p < topic.getValue().size(); p++) {
                Path partitionDir = topic.getValue().get(p);
                if (partitionDir == null) {
                    throw new IOException("bus journal " + dir + ": topic " + topic.getKey() + " lacks partition " + p);
                }
                SegmentLog.Opened opened = SegmentLog.open(partitionDir, new TopicPartition(topic.getKey(), p), segmentBytes);
                logs.add(opened.log());
                partitions.add(opened);
                records += opened.records().size();
            }
            restored.put(topic.getKey(), List.copyOf(partitions));
        }
        log.info("Bus journal {}: {} topics, {} records kept, committed offsets of {} groups", dir, restored.size(), records,
                offsets.offsets().size());
    }

    /** The topics found at open: name → partitions in order, each with its records. */
    Map<String, List<SegmentLog.Opened>> restoredTopics() {
        return restored;
    }

    /** The committed offsets found at open: group → partition → next offset. */
    Map<String, Map<TopicPartition, Long>> restoredOffsets() {
        return Map.copyOf(offsets.offsets());
    }

    @Override
    public PartitionStore newPartition(TopicPartition partition) {
        if (!TOPIC.matcher(partition.topic()).matches()) {
            throw new IllegalArgumentException("topic name '" + partition.topic() + "': only letters, digits, '.', '_' and '-' are allowed");
        }
        try {
            SegmentLog.Opened opened = SegmentLog.open(dir.resolve("topics").resolve(partition.toString()), partition, segmentBytes);
            if (!opened.records().isEmpty()) {
                throw new IllegalStateException("bus journal " + dir + ": a new partition " + partition + " has records on disk");
            }
            logs.add(opened.log());
            return opened.log();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create partition " + partition + " in the bus journal " + dir, e);
        }
    }

    @Override
    public OffsetStore offsets() {
        return offsets;
    }

    @Override
    public void close() {
        logs.forEach(SegmentLog::close);
        offsets.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Bus journal {}: releasing the lock failed: {}", dir, e.toString());
        }
    }

    /** Forces a folder's entries (files created, renamed, deleted) to disk, where the system allows it. */
    static void syncDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some systems cannot open a folder for reading; the files themselves are forced
            log.debug("cannot sync folder {}: {}", folder, e.toString());
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
