package io.chipwatch.bus;

import java.util.ArrayList;
import java.util.List;

/** A topic of the in-memory bus: its partition logs and the consumer groups that read it. Guarded by the bus lock. */
final class InMemoryTopic {

    private final String name;
    private final List<PartitionLog> partitions;
    private final List<ConsumerGroup> readers = new ArrayList<>();
    private boolean warnedAboutDropping;

    /** A new topic whose partitions the journal stores. */
    InMemoryTopic(String name, int partitionCount, Journal journal) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("topic " + name + ": partition count " + partitionCount + " < 1");
        }
        this.name = name;
        List<PartitionLog> logs = new ArrayList<>(partitionCount);
        for (int p = 0; p < partitionCount; p++) {
            TopicPartition id = new TopicPartition(name, p);
            logs.add(new PartitionLog(id, journal.newPartition(id), 0, List.of()));
        }
        this.partitions = List.copyOf(logs);
    }

    /** A topic read back from a journal. */
    InMemoryTopic(String name, List<PartitionLog> partitions) {
        this.name = name;
        this.partitions = List.copyOf(partitions);
    }

    String name() {
        return name;
    }

    int partitionCount() {
        return partitions.size();
    }

    PartitionLog partition(int partition) {
        return partitions.get(partition);
    }

    List<PartitionLog> partitions() {
        return partitions;
    }

    /** Same key, same partition: that is what keeps the records of one key in order. */
    int partitionFor(String key) {
        return (key.hashCode() & 0x7fffffff) % partitions.size();
    }

    /** Whether any group reads the topic, including groups known only from the journal. */
    boolean hasReaders() {
        return !readers.isEmpty();
    }

    /**
     * Whether a group reads the topic in this process. A group known only from the journal (no
     * member has joined it since the bus opened) still keeps records from being trimmed, but
     * does not hold up publishers: it may never come back.
     */
    boolean hasActiveReaders() {
        return readers.stream().anyMatch(group -> group.activeOn(name));
    }

    /** The lowest committed offset of the partition among the groups active on the topic; {@link Long#MAX_VALUE} when none is. */
    long oldestCommittedByActiveReaders(int partition) {
        TopicPartition id = partitions.get(partition).id();
        long oldest = Long.MAX_VALUE;
        for (ConsumerGroup group : readers) {
            if (group.activeOn(name)) {
                oldest = Math.min(oldest, group.committed(id));
            }
        }
        return oldest;
    }

    void addReader(ConsumerGroup group) {
        readers.add(group);
    }

    /**
     * Drops the records of a partition that every reading group has committed.
     *
     * @return whether any record was dropped
     */
    boolean trimCommitted(int partition) {
        PartitionLog log = partitions.get(partition);
        long oldest = Long.MAX_VALUE;
        for (ConsumerGroup group : readers) {
            oldest = Math.min(oldest, group.committed(log.id()));
        }
        long before = log.startOffset();
        log.trimTo(oldest);
        return log.startOffset() > before;
    }

    /** Returns true the first time only, so that dropping unread records is logged once per topic. */
    boolean firstDrop() {
        boolean first = !warnedAboutDropping;
        warnedAboutDropping = true;
        return first;
    }
}
