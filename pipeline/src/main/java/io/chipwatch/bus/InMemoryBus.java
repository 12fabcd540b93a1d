package io.chipwatch.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Bus} in one JVM, for {@code chipwatch run} on a laptop and for tests: no broker, no
 * disk, nothing survives the process.
 *
 * <p><b>Topics and order.</b> A topic has a fixed number of partitions, set by
 * {@link #createTopics} or, for a topic first seen in {@link #publish} or {@link #consumer}, by the
 * default given to the constructor. A record goes to partition {@code (key.hashCode() & 0x7fffffff) % N},
 * so records of one key land in one partition and are delivered in publishing order. Each partition
 * is an append-only log; offsets start at 0 and are never reused.
 *
 * <p><b>Bounded memory and back-pressure.</b> A partition retains at most {@code partitionCapacity}
 * records that some group reading the topic has not committed. When it is full, {@link #publish}
 * blocks the calling thread (waiting on a condition, so pollers and committers are not blocked) until
 * a commit frees room; then it appends and returns an already completed future. Records every
 * reading group has committed are dropped. A topic that no group reads yet never blocks: it keeps its
 * latest {@code partitionCapacity} records per partition and drops older ones (logged once per topic),
 * as Kafka retention would, so a dead-letter topic nobody reads cannot stall the pipeline.
 *
 * <p><b>Consumer groups.</b> The partitions of a group's topics are dealt round-robin to its members,
 * again whenever a member joins or closes. A group that starts reading a topic starts at its oldest
 * retained record. A member polls from its own position; a partition that moves to it starts at the
 * group's committed offset, so whatever the previous holder polled but did not commit is delivered
 * again (at least once). {@link Bus.Consumer#commit} moves a partition's committed offset forward
 * only. Groups are independent: each sees every record. A group outlives its members, keeping its
 * committed offsets (and so its uncommitted records) for a member that joins later.
 *
 * <p><b>Threads and closing.</b> All methods are thread-safe; one lock guards all state and every
 * wait releases it. {@link Bus.Consumer#poll} waits on a condition up to its timeout, and returns
 * empty with the interrupt flag set if interrupted. After {@link #close()}, {@code publish} returns a
 * future failed with {@link IllegalStateException} (so do publishes that were waiting for room), and
 * {@code poll} and {@code commit} throw it; closing a consumer stays allowed.
 */
public final class InMemoryBus implements Bus {

    private static final Logger log = LoggerFactory.getLogger(InMemoryBus.class);

    private final int defaultPartitions;
    private final int partitionCapacity;
    private final BusMonitor monitor = new BusMonitor();
    // Guarded by monitor.lock.
    private final Map<String, InMemoryTopic> topics = new HashMap<>();
    private final Map<String, ConsumerGroup> groups = new HashMap<>();
    private long nextMemberId;

    /**
     * @param defaultPartitions partitions of a topic created by publishing or subscribing to it
     * @param partitionCapacity records a partition holds before publishing waits for commits
     */
    public InMemoryBus(int defaultPartitions, int partitionCapacity) {
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions " + defaultPartitions + " < 1");
        }
        if (partitionCapacity < 1) {
            throw new IllegalArgumentException("partitionCapacity " + partitionCapacity + " < 1");
        }
        this.defaultPartitions = defaultPartitions;
        this.partitionCapacity = partitionCapacity;
    }

    /** Creates the missing topics; a topic that exists keeps its partition count. */
    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        monitor.lock.lock();
        try {
            ensureOpen();
            partitionsByTopic.forEach((name, partitions) -> {
                InMemoryTopic existing = topics.get(name);
                if (existing == null) {
                    topics.put(name, new InMemoryTopic(name, partitions));
                } else if (existing.partitionCount() != partitions) {
                    log.debug("topic {} exists with {} partitions, not {}", name, existing.partitionCount(), partitions);
                }
            });
        } finally {
            monitor.lock.unlock();
        }
    }

    /**
     * Creates a normal topic: nothing is compacted in memory, and the topic keeps its records as
     * any other does (see the class comment), so state on it lasts only as long as the process
     * and, with no group reading it, only up to {@code partitionCapacity} records per partition.
     */
    @Override
    public void createCompactedTopic(String name, int partitions) {
        createTopics(Map.of(name, partitions));
    }

    /** The records the topic retains now; see {@link Bus#readAll}. */
    @Override
    public List<BusRecord> readAll(String topic) {
        Objects.requireNonNull(topic, "topic");
        monitor.lock.lock();
        try {
            ensureOpen();
            InMemoryTopic read = topics.get(topic);
            if (read == null) {
                throw new IllegalArgumentException("topic " + topic + " does not exist");
            }
            List<BusRecord> out = new ArrayList<>();
            for (PartitionLog partition : read.partitions()) {
                partition.read(partition.startOffset(), Integer.MAX_VALUE, out);
            }
            return out;
        } finally {
            monitor.lock.unlock();
        }
    }

    /**
     * Appends the record, first waiting for room if its partition is full (see the class comment).
     *
     * @return a completed future; failed with {@link IllegalStateException} if the bus is or gets
     *         closed, or with {@link InterruptedException} if the wait for room is interrupted
     * @throws NullPointerException if topic, key or value is null
     */
    @Override
    public CompletableFuture<Void> publish(String topic, String key, String value) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        monitor.lock.lock();
        try {
            if (monitor.closed) {
                return CompletableFuture.failedFuture(closedError("publish to " + topic));
            }
            InMemoryTopic target = topicCreatedIfMissing(topic);
            PartitionLog partition = target.partition(target.partitionFor(key));
            while (!monitor.closed && target.hasReaders() && partition.size() >= partitionCapacity) {
                monitor.roomFreed.await();
            }
            if (monitor.closed) {
                return CompletableFuture.failedFuture(closedError("publish to " + topic));
            }
            if (!target.hasReaders() && partition.size() >= partitionCapacity) {
                if (target.firstDrop()) {
                    log.warn("topic {} has no consumer group; keeping only its latest {} records per partition",
                            topic, partitionCapacity);
                }
                partition.trimTo(partition.endOffset() - partitionCapacity + 1);
            }
            partition.append(key, value);
            monitor.recordsOrMembersChanged.signalAll();
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } finally {
            monitor.lock.unlock();
        }
    }

    /** Joins (creating if needed) the group; unknown topics are created with the default partition count. */
    @Override
    public Consumer consumer(String group, List<String> topicNames) {
        Objects.requireNonNull(group, "group");
        if (topicNames.isEmpty()) {
            throw new IllegalArgumentException("group " + group + ": no topics to read");
        }
        monitor.lock.lock();
        try {
            ensureOpen();
            List<InMemoryTopic> read = new ArrayList<>();
            for (String name : topicNames) {
                read.add(topicCreatedIfMissing(name));
            }
            ConsumerGroup members = groups.computeIfAbsent(group, ConsumerGroup::new);
            long memberId = nextMemberId++;
            members.join(memberId, read);
            monitor.recordsOrMembersChanged.signalAll();
            log.debug("member {} joined group {} reading {}", memberId, group, topicNames);
            return new InMemoryConsumer(monitor, topics, members, memberId);
        } finally {
            monitor.lock.unlock();
        }
    }

    /** Fails later publishes, polls and commits, and wakes every thread waiting in them. Idempotent. */
    @Override
    public void close() {
        monitor.lock.lock();
        try {
            monitor.closed = true;
            monitor.roomFreed.signalAll();
            monitor.recordsOrMembersChanged.signalAll();
        } finally {
            monitor.lock.unlock();
        }
    }

    private InMemoryTopic topicCreatedIfMissing(String name) {
        ensureOpen();
        return topics.computeIfAbsent(name, n -> new InMemoryTopic(n, defaultPartitions));
    }

    private void ensureOpen() {
        if (monitor.closed) {
            throw closedError("use");
        }
    }

    private static IllegalStateException closedError(String what) {
        return new IllegalStateException("cannot " + what + ": the in-memory bus is closed");
    }
}
