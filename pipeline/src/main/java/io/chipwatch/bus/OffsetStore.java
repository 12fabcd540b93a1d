package io.chipwatch.bus;

/**
 * Where consumer groups' committed offsets are kept beside memory: nowhere for the plain
 * in-memory bus, an {@link OffsetFile} for the journaled one. Called under the bus lock.
 */
interface OffsetStore {

    /** Keeps nothing. */
    OffsetStore NONE = (group, partition, nextOffset) -> {
    };

    /** Makes the group's committed offset of the partition durable; throws an unchecked I/O error when it cannot. */
    void commit(String group, TopicPartition partition, long nextOffset);
}
