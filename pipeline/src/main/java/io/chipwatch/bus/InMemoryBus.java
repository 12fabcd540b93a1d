package io.chipwatch.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Bus} in one JVM, for {@code chipwatch run} on a laptop and for tests: no broker.
 * Built with {@link #InMemoryBus(int, int)} it keeps everything in memory and nothing survives the
 * process; built with {@link #journaled} it also keeps a journal on disk, see below.
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
 *
 * <p><b>The journal.</b> A journaled bus writes each record to its partition's log on disk, and
 * forces it there, before the record is readable and before {@code publish} acknowledges it; so a
 * page the crawler saw acknowledged survives a killed process (or a power cut). Every commit of a
 * group is written and forced too. Opening the bus on the same folder again reads back the
 * topics, the records no group has committed, and the groups' committed offsets, so each group
 * resumes where it committed: records polled but not committed are delivered again (at least
 * once, as after a rebalance). A group known only from the journal holds its records, but not
 * its publishers: until a member joins it, its topic keeps at most {@code partitionCapacity}
 * records per partition, as a topic no group reads does. Whole segment files are deleted once
 * every group reading them has committed past them. A record cut short by a kill is dropped (it
 * was never acknowledged). One process at a time may open a folder.
 */
public final class InMemoryBus implements Bus {

    private static final Logger log = LoggerFactory.getLogger(InMemoryBus.class);

    /** Segment files of a journaled bus start afresh past this size, so committed records can be deleted in whole files. */
    static final long SEGMENT_BYTES = 16L << 20;

    private final int defaultPartitions;
    private final int partitionCapacity;
    private final Journal journal;
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
        this(defaultPartitions, partitionCapacity, Journal.NONE);
    }

    private InMemoryBus(int defaultPartitions, int partitionCapacity, Journal journal) {
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions " + defaultPartitions + " < 1");
        }
        if (partitionCapacity < 1) {
            throw new IllegalArgumentException("partitionCapacity " + partitionCapacity + " < 1");
        }
        this.defaultPartitions = defaultPartitions;
        this.partitionCapacity = partitionCapacity;
        this.journal = journal;
    }

    /**
     * A bus that keeps its records and committed offsets in a journal under {@code dir} (see the
     * class comment), reading back what an earlier bus on the folder left.
     *
     * @throws UncheckedIOException when the folder cannot be read or written, or another process has it open
     */
    public static InMemoryBus journaled(Path dir, int defaultPartitions, int partitionCapacity) {
        return journaled(dir, defaultPartitions, partitionCapacity, SEGMENT_BYTES);
    }

    static InMemoryBus journaled(Path dir, int defaultPartitions, int partitionCapacity, long segmentBytes) {
        DiskJournal journal;
        try {
            journal = DiskJournal.open(dir, segmentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the bus journal in " + dir + ": " + e.getMessage(), e);
        }
        try {
            InMemoryBus bus = new InMemoryBus(defaultPartitions, partitionCapacity, journal);
            bus.restore(journal);
            return bus;
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Puts back the topics, records and groups read from the journal, then trims what every group has committed. */
    private void restore(DiskJournal from) {
        from.restoredTopics().forEach((name, opened) -> {
            List<PartitionLog> logs = new ArrayList<>();
            for (SegmentLog.Opened partition : opened) {
                TopicPartition id = new TopicPartition(name, logs.size());
                logs.add(new PartitionLog(id, partition.log(), partition.startOffset(), partition.records()));
            }
            topics.put(name, new InMemoryTopic(name, logs));
        });
        from.restoredOffsets().forEach((name, offsets) -> {
            ConsumerGroup group = new ConsumerGroup(name, journal.offsets());
            Map<String, Map<TopicPartition, Long>> byTopic = new HashMap<>();
            offsets.forEach((partition, next) -> byTopic.computeIfAbsent(partition.topic(), t -> new HashMap<>()).put(partition, next));
            byTopic.forEach((topicName, committed) -> {
                InMemoryTopic topic = topics.get(topicName);
                if (topic == null) {
                    log.warn("Bus journal {}: group {} committed offsets of topic {}, which has no log; ignored", from, name, topicName);
                    return;
                }
                committed.replaceAll((partition, next) -> {
                    long end = partition.partition() < topic.partitionCount() ? topic.partition(partition.partition()).endOffset() : 0;
                    if (next > end) {
                        // only a lost log tail can do this; reading on from the end is all that is left
                        log.warn("Bus journal {}: group {} committed {} up to {}, past the log's end {}", from, name, partition, next, end);
                        return end;
                    }
                    return next;
                });
                group.restore(topic, committed);
            });
            groups.put(name, group);
        });
        topics.values().forEach(topic -> {
            for (int p = 0; p < topic.partitionCount(); p++) {
                if (topic.hasReaders()) {
                    topic.trimCommitted(p);
                }
                // Publishers kept at most this many uncommitted records (unless the capacity was
                // lowered since); the rest on disk are whole segments that groups known only from
                // the journal had not committed when publishers dropped them.
                PartitionLog partition = topic.partition(p);
                if (partition.size() > partitionCapacity) {
                    log.debug("Bus journal {}: {} keeps its latest {} of {} records", from, partition.id(), partitionCapacity,
                            partition.size());
                    partition.trimTo(partition.endOffset() - partitionCapacity);
                }
            }
        });
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
                    topics.put(name, new InMemoryTopic(name, partitions, journal));
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
            int p = target.partitionFor(key);
            PartitionLog partition = target.partition(p);
            while (!monitor.closed && partition.size() >= partitionCapacity) {
                // Records that no group reading in this process still needs make way; for the
                // others, wait until their groups commit.
                long dropTo = Math.min(target.oldestCommittedByActiveReaders(p), partition.endOffset() - partitionCapacity + 1);
                if (dropTo <= partition.startOffset()) {
                    monitor.roomFreed.await();
                    continue;
                }
                if (target.firstDrop()) {
                    log.warn("topic {}: no consumer group reading it in this process has taken its oldest records; "
                            + "keeping only the latest {} per partition", topic, partitionCapacity);
                }
                partition.trimTo(dropTo);
                monitor.roomFreed.signalAll();
            }
            if (monitor.closed) {
                return CompletableFuture.failedFuture(closedError("publish to " + topic));
            }
            try {
                partition.append(key, value);
            } catch (RuntimeException e) {
                log.error("Cannot publish to {}: {}", topic, e.toString());
                return CompletableFuture.failedFuture(e);
            }
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
            ConsumerGroup members = groups.computeIfAbsent(group, name -> new ConsumerGroup(name, journal.offsets()));
            long memberId = nextMemberId++;
            members.join(memberId, read);
            monitor.recordsOrMembersChanged.signalAll();
            log.debug("member {} joined group {} reading {}", memberId, group, topicNames);
            return new InMemoryConsumer(monitor, topics, members, memberId);
        } finally {
            monitor.lock.unlock();
        }
    }

    /**
     * Records of the group's topics that the group has not committed: 0 once it has processed
     * everything published so far (and for a group that does not exist). Lets a caller wait for
     * the stages of one process to drain.
     */
    public long uncommitted(String group) {
        monitor.lock.lock();
        try {
            ensureOpen();
            ConsumerGroup reading = groups.get(group);
            return reading == null ? 0 : reading.uncommitted();
        } finally {
            monitor.lock.unlock();
        }
    }

    /** Fails later publishes, polls and commits, and wakes every thread waiting in them. Idempotent. */
    @Override
    public void close() {
        monitor.lock.lock();
        try {
            if (!monitor.closed) {
                journal.close();
            }
            monitor.closed = true;
            monitor.roomFreed.signalAll();
            monitor.recordsOrMembersChanged.signalAll();
        } finally {
            monitor.lock.unlock();
        }
    }

    private InMemoryTopic topicCreatedIfMissing(String name) {
        ensureOpen();
        return topics.computeIfAbsent(name, n -> new InMemoryTopic(n, defaultPartitions, journal));
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
