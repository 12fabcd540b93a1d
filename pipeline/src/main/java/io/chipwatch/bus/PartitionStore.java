package io.chipwatch.bus;

/**
 * Where a partition's records are kept beside memory: nowhere for the plain in-memory bus, a
 * {@link SegmentLog} for the journaled one. Called under the bus lock.
 */
interface PartitionStore {

    /** Keeps nothing. */
    PartitionStore NONE = new PartitionStore() {
        @Override
        public void append(BusRecord record) {
        }

        @Override
        public void trimTo(long offset) {
        }
    };

    /**
     * Makes the record durable before it is visible to anyone; throws (an unchecked I/O error)
     * when it cannot, and then the record must not be published.
     */
    void append(BusRecord record);

    /** Records before {@code offset} are no longer needed; the store may drop them, in whole segments. */
    void trimTo(long offset);
}
