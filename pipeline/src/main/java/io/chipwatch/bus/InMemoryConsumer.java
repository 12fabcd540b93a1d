package io.chipwatch.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One member of a consumer group of an {@link InMemoryBus}. It keeps its own fetch position per
 * held partition; the group keeps the committed offsets.
 */
final class InMemoryConsumer implements Bus.Consumer {

    /** Caps one poll, like Kafka's max.poll.records, so a caller's batch stays small enough to finish on shutdown. */
    static final int MAX_POLL_RECORDS = 500;

    private final BusMonitor monitor;
    private final Map<String, InMemoryTopic> topics;
    private final ConsumerGroup group;
    private final long memberId;

    // Guarded by monitor.lock, like everything else; the interface asks for one polling thread anyway.
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private List<TopicPartition> held = List.of();
    private long seenGeneration = -1;
    private int firstPartition;   // rotates so that one busy partition cannot starve the others
    private boolean closed;

    InMemoryConsumer(BusMonitor monitor, Map<String, InMemoryTopic> topics, ConsumerGroup group, long memberId) {
        this.monitor = monitor;
        this.topics = topics;
        this.group = group;
        this.memberId = memberId;
    }

    @Override
    public List<BusRecord> poll(Duration timeout) {
        long waitNanos = timeout.toNanos();
        monitor.lock.lock();
        try {
            while (true) {
                ensureOpen();
                followRebalance();
                List<BusRecord> batch = readHeldPartitions();
                if (!batch.isEmpty() || waitNanos <= 0) {
                    return batch;
                }
                waitNanos = monitor.recordsOrMembersChanged.awaitNanos(waitNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            monitor.lock.unlock();
        }
    }

    @Override
    public void commit(List<BusRecord> processed) {
        monitor.lock.lock();
        try {
            ensureOpen();
            boolean moved = false;
            for (BusRecord record : processed) {
                if (!group.reads(record.topic())) {
                    throw new IllegalArgumentException("group " + group.name() + " does not read topic " + record.topic());
                }
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (group.commit(partition, record.offset() + 1)) {
                    topics.get(record.topic()).trimCommitted(record.partition());
                    moved = true;
                }
            }
            if (moved) {
                // even when another group still holds the records: a waiting publisher may now drop
                // those only a group known from the journal holds
                monitor.roomFreed.signalAll();
            }
        } finally {
            monitor.lock.unlock();
        }
    }

    @Override
    public void close() {
        monitor.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            group.leave(memberId);
            monitor.recordsOrMembersChanged.signalAll();
        } finally {
            monitor.lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("consumer of group " + group.name() + " is closed");
        }
        if (monitor.closed) {
            throw new IllegalStateException("the in-memory bus is closed");
        }
    }

    @Override
    public long lag() {
        monitor.lock.lock();
        try {
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
                lag += Math.max(0, topics.get(e.getKey().topic()).partition(e.getKey().partition()).endOffset() - e.getValue());
            }
            return lag;
        } finally {
            monitor.lock.unlock();
        }
    }

    @Override
    public int assignedPartitions() {
        monitor.lock.lock();
        try {
            return group.assignment(memberId).size();
        } finally {
            monitor.lock.unlock();
        }
    }

    /**
     * A partition this member did not hold before starts at the group's committed offset, so records
     * that the previous holder polled but did not commit are delivered again. A partition it keeps
     * keeps its position: its in-flight records are its own to commit.
     */
    private void followRebalance() {
        if (seenGeneration == group.generation()) {
            return;
        }
        seenGeneration = group.generation();
        held = group.assignment(memberId);
        Map<TopicPartition, Long> previous = new HashMap<>(positions);
        positions.clear();
        for (TopicPartition partition : held) {
            long committed = group.committed(partition);
            positions.put(partition, Math.max(committed, previous.getOrDefault(partition, committed)));
        }
    }

    private List<BusRecord> readHeldPartitions() {
        List<BusRecord> batch = new ArrayList<>();
        int count = held.size();
        for (int i = 0; i < count && batch.size() < MAX_POLL_RECORDS; i++) {
            TopicPartition partition = held.get((firstPartition + i) % count);
            int before = batch.size();
            topics.get(partition.topic()).partition(partition.partition()).read(positions.get(partition), MAX_POLL_RECORDS, batch);
            if (batch.size() > before) {
                positions.put(partition, batch.get(batch.size() - 1).offset() + 1);
            }
        }
        if (count > 0) {
            firstPartition = (firstPartition + 1) % count;
        }
        return batch;
    }
}
