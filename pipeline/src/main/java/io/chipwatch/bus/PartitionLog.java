package io.chipwatch.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record log of one in-memory partition, mirrored by its {@link PartitionStore}. Offsets start at 0 and never repeat;
 * the oldest records can be trimmed away once nobody needs them, which moves {@link #startOffset()}.
 * Not thread-safe: the {@link BusMonitor} lock guards it.
 */
final class PartitionLog {

    /** Trimmed slots are compacted away in bulk, so trimming stays amortised O(1) per record. */
    private static final int COMPACT_AFTER = 1024;

    private final TopicPartition id;
    private final PartitionStore store;
    private final List<BusRecord> records = new ArrayList<>();
    private int head;          // index in records of the record at startOffset
    private long startOffset;  // offset of the oldest retained record

    /** An empty log kept in memory only. */
    PartitionLog(TopicPartition id) {
        this(id, PartitionStore.NONE, 0, List.of());
    }

    /**
     * @param store   where records are made durable before they are visible
     * @param start   the offset of the first of {@code restored}, or the end offset when it is empty
     * @param restored the records the store held when opened, consecutive from {@code start}
     */
    PartitionLog(TopicPartition id, PartitionStore store, long start, List<BusRecord> restored) {
        this.id = id;
        this.store = store;
        this.startOffset = start;
        this.records.addAll(restored);
    }

    TopicPartition id() {
        return id;
    }

    long startOffset() {
        return startOffset;
    }

    /** The offset the next appended record will get. */
    long endOffset() {
        return startOffset + size();
    }

    int size() {
        return records.size() - head;
    }

    /** Stores the record (durably, on a journaled bus) and only then makes it readable; nothing changes if storing fails. */
    BusRecord append(String key, String value) {
        BusRecord record = new BusRecord(id.topic(), id.partition(), endOffset(), key, value);
        store.append(record);
        records.add(record);
        return record;
    }

    /** Adds to {@code into} the retained records from {@code offset} on, until {@code into} holds {@code max}. */
    void read(long offset, int max, List<BusRecord> into) {
        for (long o = Math.max(offset, startOffset); o < endOffset() && into.size() < max; o++) {
            into.add(records.get(head + (int) (o - startOffset)));
        }
    }

    /** Drops every record before {@code offset} (at most up to the end of the log). */
    void trimTo(long offset) {
        long target = Math.min(offset, endOffset());
        while (startOffset < target) {
            records.set(head++, null);
            startOffset++;
        }
        if (head >= COMPACT_AFTER && head * 2 >= records.size()) {
            records.subList(0, head).clear();
            head = 0;
        }
        store.trimTo(startOffset);
    }
}
