package io.chipwatch.bus;

import java.util.ArrayList;
import java.util.List;

/** A topic of the in-memory bus: its partition logs and the consumer groups that read it. Guarded by the bus lock. */
final class InMemoryTopic {

    private final String name;
    private final List<PartitionLog> partitions;
    private final List<ConsumerGroup> readers = new ArrayList<>();
    private boolean warnedAboutDropping;

    InMemoryTopic(String name, int partitionCount) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("topic " + name + ": partition count " + partitionCount + " < 1");
        }
        this.name = name;
        List<PartitionLog> logs = new ArrayList<>(partitionCount);
        for (int p = 0; p < partitionCount; p++) {
            logs.add(new PartitionLog(new TopicPartition(name, p)));
        }
        this.partitions = List.copyOf(logs);
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

    boolean hasReaders() {
        return !readers.isEmpty();
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
