package io.chipwatch.bus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A consumer group of the in-memory bus: its members, which partitions each holds, and the
 * committed offset of every partition it reads. Guarded by the bus lock.
 *
 * <p>The group outlives its members, as a Kafka group's offsets do: its committed offsets keep
 * holding records in the logs until a member comes back and commits them.
 */
final class ConsumerGroup {

    private final String name;
    private final OffsetStore store;
    private final Map<String, InMemoryTopic> topics = new TreeMap<>();
    /** Topics a member has joined to read since the bus opened; the others are known from the journal only. */
    private final Set<String> joined = new TreeSet<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    /** Members in join order, with the topics each reads. */
    private final Map<Long, Set<String>> members = new LinkedHashMap<>();
    private Map<Long, List<TopicPartition>> assignment = Map.of();
    private long generation;

    ConsumerGroup(String name, OffsetStore store) {
        this.name = name;
        this.store = store;
    }

    /**
     * Takes back the committed offsets the journal kept for a topic: the group reads it again
     * (holding its records) but is not active on it until a member joins.
     */
    void restore(InMemoryTopic topic, Map<TopicPartition, Long> offsets) {
        if (topics.putIfAbsent(topic.name(), topic) == null) {
            topic.addReader(this);
        }
        committed.putAll(offsets);
    }

    boolean activeOn(String topic) {
        return joined.contains(topic);
    }

    String name() {
        return name;
    }

    /** Bumped on every rebalance, so members notice that their partitions changed. */
    long generation() {
        return generation;
    }

    void join(long memberId, List<InMemoryTopic> memberTopics) {
        Set<String> names = new TreeSet<>();
        for (InMemoryTopic topic : memberTopics) {
            names.add(topic.name());
            joined.add(topic.name());
            if (topics.putIfAbsent(topic.name(), topic) == null) {
                // A group that starts reading a topic starts at its oldest retained record; the
                // journal learns so, and holds the topic's records for the group from now on.
                for (PartitionLog log : topic.partitions()) {
                    store.commit(name, log.id(), log.startOffset());
                    committed.put(log.id(), log.startOffset());
                }
                topic.addReader(this);
            }
        }
        members.put(memberId, names);
        rebalance();
    }

    void leave(long memberId) {
        if (members.remove(memberId) != null) {
            rebalance();
        }
    }

    boolean reads(String topic) {
        return topics.containsKey(topic);
    }

    List<TopicPartition> assignment(long memberId) {
        return assignment.getOrDefault(memberId, List.of());
    }

    long committed(TopicPartition partition) {
        return committed.getOrDefault(partition, 0L);
    }

    /** Records of the group's topics after its committed offsets. */
    long uncommitted() {
        long total = 0;
        for (InMemoryTopic topic : topics.values()) {
            for (PartitionLog log : topic.partitions()) {
                total += Math.max(0, log.endOffset() - Math.max(committed(log.id()), log.startOffset()));
            }
        }
        return total;
    }

    /**
     * Moves the committed offset of a partition forward to {@code nextOffset}; never backward,
     * so a late commit of older records cannot undo a newer one. The offset store has it before memory does.
     *
     * @return whether it moved
     */
    boolean commit(TopicPartition partition, long nextOffset) {
        if (nextOffset <= committed(partition)) {
            return false;
        }
        store.commit(name, partition, nextOffset);
        committed.put(partition, nextOffset);
        return true;
    }

    /**
     * Round-robin: the partitions of each topic, in topic and partition order, are dealt in turn to
     * the members reading that topic, in join order, continuing the turn across topics so single-
     * partition topics do not all land on the first member.
     */
    private void rebalance() {
        Map<Long, List<TopicPartition>> next = new HashMap<>();
        members.keySet().forEach(id -> next.put(id, new ArrayList<>()));
        int turn = 0;
        for (InMemoryTopic topic : topics.values()) {
            List<Long> readers = members.entrySet().stream()
                    .filter(member -> member.getValue().contains(topic.name()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (readers.isEmpty()) {
                continue;
            }
            for (PartitionLog log : topic.partitions()) {
                next.get(readers.get(turn++ % readers.size())).add(log.id());
            }
        }
        next.replaceAll((id, partitions) -> List.copyOf(partitions));
        assignment = next;
        generation++;
    }
}
