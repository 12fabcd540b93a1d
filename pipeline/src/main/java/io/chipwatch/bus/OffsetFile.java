package io.chipwatch.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The committed offsets of the journaled bus's consumer groups: one {@link Frames} entry
 * (group, topic, partition, next offset) per commit, appended and forced to disk; the latest
 * entry of a group and partition wins. When the file holds many more entries than there are
 * group partitions, it is rewritten with only the latest ones (to a new file, then renamed over
 * the old, so a kill leaves one or the other whole). Not thread-safe: the bus lock guards it.
 */
final class OffsetFile implements OffsetStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OffsetFile.class);
    private static final int REWRITE_AFTER = 10_000;

    private final Path file;
    /** group → partition → next offset to read; the state the file holds. */
    private final Map<String, Map<TopicPartition, Long>> offsets = new LinkedHashMap<>();
    private FileChannel channel;
    private int entries;

    private OffsetFile(Path file) {
        this.file = file;
    }

    /** Opens (or creates) the file and reads it back; a torn last entry is cut off with a warning. */
    static OffsetFile open(Path file) throws IOException {
        OffsetFile opened = new OffsetFile(file);
        opened.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Frames.Read read = Frames.readAll(opened.channel);
        for (byte[] payload : read.payloads()) {
            opened.apply(payload);
        }
        opened.entries = read.payloads().size();
        if (read.torn()) {
            log.warn("Bus journal {}: dropping a torn entry at byte {} ({} bytes), left by an interrupted write", file,
                    read.goodEnd(), opened.channel.size() - read.goodEnd());
            opened.channel.truncate(read.goodEnd());
            opened.channel.force(true);
        }
        opened.channel.position(read.goodEnd());
        return opened;
    }

    /** The committed offsets read at open and written since: group → partition → next offset. */
    Map<String, Map<TopicPartition, Long>> offsets() {
        return offsets;
    }

    @Override
    public void commit(String group, TopicPartition partition, long nextOffset) {
        try {
            Frames.write(channel, encode(group, partition, nextOffset));
            channel.force(false);
            offsets.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(partition, nextOffset);
            if (++entries >= REWRITE_AFTER && entries > 4 * live()) {
                rewrite();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the committed offsets to " + file, e);
        }
    }

    private int live() {
        return offsets.values().stream().mapToInt(Map::size).sum();
    }

    private void rewrite() throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (Map.Entry<String, Map<TopicPartition, Long>> group : offsets.entrySet()) {
                for (Map.Entry<TopicPartition, Long> committed : group.getValue().entrySet()) {
                    Frames.write(out, encode(group.getKey(), committed.getKey(), committed.getValue()));
                }
            }
            out.force(true);
        }
        channel.close();
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DiskJournal.syncDirectory(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        entries = live();
        log.debug("Bus journal {}: rewritten with {} committed offsets", file, entries);
    }

    private static byte[] encode(String group, TopicPartition partition, long nextOffset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(group);
            out.writeUTF(partition.topic());
            out.writeInt(partition.partition());
            out.writeLong(nextOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private void apply(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String group = in.readUTF();
            TopicPartition partition = new TopicPartition(in.readUTF(), in.readInt());
            offsets.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(partition, in.readLong());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("Bus journal {}: closing failed: {}", file, e.toString());
        }
    }
}
