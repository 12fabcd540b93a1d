package io.chipwatch.bus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The port between pipeline stages: topics of keyed JSON records. Records with the same key
 * keep their order; delivery is at least once (a record whose processing was not committed is
 * delivered again, to this or another member of the group). Adapters: Kafka and in-memory.
 */
public interface Bus extends AutoCloseable {

    /** Creates the topics that do not exist yet, with the given partition counts; existing topics are left as they are. */
    void createTopics(Map<String, Integer> partitionsByTopic);

    /**
     * Creates a topic meant to hold state as the latest record per key: the bus may drop a record
     * once a later one has the same key (Kafka: {@code cleanup.policy=compact}). A topic that
     * exists already is left as it is, whatever its settings.
     */
    void createCompactedTopic(String name, int partitions);

    /**
     * The records of an existing topic, from the oldest the bus retains up to its end as of this
     * call: partition after partition, in offset order within each. Uses no consumer group and
     * commits nothing, so it suits loading state once at start. On a compacted topic the latest
     * record of every key is among them, perhaps with older ones of the same key that compaction
     * has not dropped yet, so callers apply the records in order.
     *
     * @return the records, empty for an empty topic; never null
     * @throws IllegalArgumentException if the topic does not exist
     */
    List<BusRecord> readAll(String topic);

    /**
     * Publishes a record to the partition its key maps to. The call may block while the bus applies
     * back-pressure; the future completes when the bus has acknowledged (made durable) the record, and
     * fails if it cannot, for instance with {@link IllegalStateException} once the bus is closed.
     */
    CompletableFuture<Void> publish(String topic, String key, String value);

    /**
     * Joins a consumer group reading the topics; members of one group share the partitions, and
     * each group reads every record independently of the other groups.
     */
    Consumer consumer(String group, List<String> topics);

    @Override
    void close();

    /** One member of a consumer group. Not thread-safe: one thread polls and commits. */
    interface Consumer extends AutoCloseable {

        /**
         * The next records of the partitions this member holds, in offset order per partition, waiting
         * up to the timeout when there are none; may be empty, never null.
         */
        List<BusRecord> poll(Duration timeout);

        /**
         * How many partitions this member holds now (0 until it has joined its group). Operators
         * read it to see a group balanced; tests, to publish only once a group has settled.
         */
        int assignedPartitions();

        /**
         * Records in this member's partitions after its position, as of its last poll; -1 when
         * not known yet. Called by the polling thread, like every method here.
         */
        long lag();

        /**
         * Marks these records, and every earlier record of their partitions, as processed for the group.
         * A committed offset only moves forward.
         */
        void commit(List<BusRecord> processed);

        /** Leaves the group; uncommitted records go to the remaining members. */
        @Override
        void close();
    }
}
