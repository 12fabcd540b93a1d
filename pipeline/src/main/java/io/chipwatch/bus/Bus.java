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

    /** Creates the topics that do not exist yet, with the given partition counts. */
    void createTopics(Map<String, Integer> partitionsByTopic);

    /** Publishes a record; the future completes when the bus has acknowledged it. */
    CompletableFuture<Void> publish(String topic, String key, String value);

    /** Joins a consumer group reading the topics; members of one group share the partitions. */
    Consumer consumer(String group, List<String> topics);

    @Override
    void close();

    /** One member of a consumer group. Not thread-safe: one thread polls and commits. */
    interface Consumer extends AutoCloseable {

        /** The next records of the partitions this member holds, waiting up to the timeout; may be empty. */
        List<BusRecord> poll(Duration timeout);

        /** Marks these records, and every earlier record of their partitions, as processed. */
        void commit(List<BusRecord> processed);

        /** Leaves the group; uncommitted records go to the remaining members. */
        @Override
        void close();
    }
}
