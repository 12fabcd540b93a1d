package io.chipwatch.bus;

/** Where the in-memory bus keeps its records and committed offsets beside memory. Called under the bus lock. */
interface Journal extends AutoCloseable {

    /** Keeps nothing: the plain in-memory bus. */
    Journal NONE = new Journal() {
        @Override
        public PartitionStore newPartition(TopicPartition partition) {
            return PartitionStore.NONE;
        }

        @Override
        public OffsetStore offsets() {
            return OffsetStore.NONE;
        }

        @Override
        public void close() {
        }
    };

    /** The store of a partition of a topic created now. */
    PartitionStore newPartition(TopicPartition partition);

    OffsetStore offsets();

    @Override
    void close();
}
