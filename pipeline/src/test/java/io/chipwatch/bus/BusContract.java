package io.chipwatch.bus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Bus} adapter promises. An adapter test extends this and returns a fresh bus;
 * topic and group names are unique per test so that adapters over a shared broker can run it too.
 * Consumers are created before records are published, so no test depends on where a new group starts.
 */
public abstract class BusContract {

    /** Long enough for a real broker's group join; the in-memory bus never comes near it. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final Duration SHORT_POLL = Duration.ofMillis(100);

    protected Bus bus;
    protected String topic;
    protected String group;

    protected abstract Bus newBus();

    @BeforeEach
    void openBus() {
        bus = newBus();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "contract-" + suffix;
        group = "group-" + suffix;
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void aPublishedRecordIsPolledWithItsKeyAndValue() throws Exception {
        bus.createTopics(Map.of(topic, 2));
        try (Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            bus.publish(topic, "article-1", "{\"schema\":1,\"title\":\"芯片\"}").get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            List<BusRecord> records = pollUntil(consumer, 1);

            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.topic()).isEqualTo(topic);
                assertThat(r.key()).isEqualTo("article-1");
                assertThat(r.value()).isEqualTo("{\"schema\":1,\"title\":\"芯片\"}");
                assertThat(r.partition()).isBetween(0, 1);
                assertThat(r.offset()).isNotNegative();
            });
        }
    }

    @Test
    void recordsOfOneKeyArriveInPublishingOrderAndInOnePartition() {
        bus.createTopics(Map.of(topic, 3));
        try (Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            int keys = 7;
            int perKey = 60;
            for (int i = 0; i < perKey; i++) {
                for (int k = 0; k < keys; k++) {
                    bus.publish(topic, "key-" + k, String.valueOf(i));
                }
            }
            awaitAll(List.of(bus.publish(topic, "key-0", String.valueOf(perKey))));

            List<BusRecord> records = pollUntil(consumer, keys * perKey + 1);

            Map<String, List<BusRecord>> byKey = records.stream()
                    .collect(Collectors.groupingBy(BusRecord::key, LinkedHashMap::new, Collectors.toList()));
            assertThat(byKey).hasSize(keys);
            byKey.forEach((key, ofKey) -> {
                assertThat(ofKey.stream().map(r -> Integer.parseInt(r.value()))).as(key).isSorted();
                assertThat(ofKey.stream().map(BusRecord::partition).distinct()).as(key).hasSize(1);
            });
        }
    }

    @Test
    void membersOfOneGroupShareThePartitionsAndGetEachRecordOnce() throws Exception {
        bus.createTopics(Map.of(topic, 4));
        int count = 200;
        Bus.Consumer first = bus.consumer(group, List.of(topic));
        Bus.Consumer second = bus.consumer(group, List.of(topic));
        settle(first, second, 4);
        publishNumbered(count);

        Collection<BusRecord> seen = new ConcurrentLinkedQueue<>();
        // A thread per member, as consumers are not thread-safe; not the common pool, which may have one thread.
        ExecutorService members = Executors.newFixedThreadPool(2);
        List<BusRecord> firstGot;
        List<BusRecord> secondGot;
        try {
            Future<List<BusRecord>> byFirst = members.submit(() -> consumeAndCommit(first, seen, count));
            Future<List<BusRecord>> bySecond = members.submit(() -> consumeAndCommit(second, seen, count));
            firstGot = byFirst.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
            secondGot = bySecond.get(2 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            members.shutdownNow();
            first.close();
            second.close();
        }

        assertThat(firstGot).isNotEmpty();
        assertThat(secondGot).isNotEmpty();
        assertThat(seen).hasSize(count);
        assertThat(keys(seen)).hasSize(count);
        // a partition may move between members during a rebalance (Kafka does), but no record
        // was handed to both
        assertThat(firstGot).noneMatch(r -> secondGot.stream().anyMatch(o -> o.partition() == r.partition() && o.offset() == r.offset()));
    }

    @Test
    void lagIsZeroOnceEverythingHasBeenPolled() {
        bus.createTopics(Map.of(topic, 2));
        try (Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            consumer.poll(SHORT_POLL);
            publishNumbered(10);
            List<BusRecord> got = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (got.size() < 10 && System.nanoTime() < deadline) {
                got.addAll(consumer.poll(SHORT_POLL));
            }
            consumer.poll(SHORT_POLL);

            assertThat(got).hasSize(10);
            assertThat(consumer.lag()).isZero();
        }
    }

    @Test
    void recordsAMemberDidNotCommitGoToTheRemainingMemberWhenItCloses() {
        bus.createTopics(Map.of(topic, 2));
        Bus.Consumer leaving = bus.consumer(group, List.of(topic));
        try (Bus.Consumer staying = bus.consumer(group, List.of(topic))) {
            settle(leaving, staying, 2);
            int count = 40;
            publishNumbered(count);

            List<BusRecord> polledByLeaving = pollUntil(leaving, 1);
            leaving.close();   // without committing

            List<BusRecord> got = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (keys(got).size() < count && System.nanoTime() < deadline) {
                List<BusRecord> batch = staying.poll(SHORT_POLL);
                got.addAll(batch);
                staying.commit(batch);
            }

            assertThat(polledByLeaving).isNotEmpty();
            assertThat(keys(got)).hasSize(count).containsAll(keys(polledByLeaving));
        }
    }

    @Test
    void eachGroupSeesEveryRecord() {
        bus.createTopics(Map.of(topic, 3));
        try (Bus.Consumer indexer = bus.consumer(group + "-index", List.of(topic));
             Bus.Consumer alerter = bus.consumer(group + "-alert", List.of(topic))) {
            indexer.poll(SHORT_POLL);
            alerter.poll(SHORT_POLL);
            publishNumbered(30);

            List<BusRecord> indexed = pollUntil(indexer, 30);
            indexer.commit(indexed);
            List<BusRecord> alerted = pollUntil(alerter, 30);

            assertThat(keys(indexed)).hasSize(30);
            assertThat(keys(alerted)).isEqualTo(keys(indexed));
        }
    }

    @Test
    void pollReturnsEmptyWhenThereIsNothingToRead() {
        bus.createTopics(Map.of(topic, 1));
        try (Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void committingALaterRecordCoversTheEarlierOnes() {
        bus.createTopics(Map.of(topic, 1));
        Bus.Consumer first = bus.consumer(group, List.of(topic));
        first.poll(SHORT_POLL);
        for (int i = 0; i < 10; i++) {
            bus.publish(topic, "same-key", String.valueOf(i));
        }
        List<BusRecord> ten = pollUntil(first, 10);
        first.commit(List.of(ten.get(ten.size() - 1)));
        first.close();

        try (Bus.Consumer next = bus.consumer(group, List.of(topic))) {
            next.poll(SHORT_POLL);
            awaitAll(List.of(bus.publish(topic, "same-key", "10")));

            List<BusRecord> after = pollUntil(next, 1);

            assertThat(after).extracting(BusRecord::value).containsExactly("10");
        }
    }

    @Test
    void recordsSpreadOverTheConfiguredPartitions() {
        bus.createTopics(Map.of(topic, 4));
        try (Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            consumer.poll(SHORT_POLL);
            publishNumbered(100);

            List<BusRecord> records = pollUntil(consumer, 100);

            assertThat(partitions(records)).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p).isBetween(0, 3));
        }
    }

    @Test
    void aCompactedTopicIsReadWholeWithTheLatestValueOfEachKey() {
        bus.createCompactedTopic(topic, 1);
        bus.createCompactedTopic(topic, 1);  // creating it again changes nothing
        awaitAll(List.of(bus.publish(topic, "a", "1"), bus.publish(topic, "b", "1"), bus.publish(topic, "a", "2")));

        List<BusRecord> records = bus.readAll(topic);

        assertThat(records).extracting(BusRecord::offset).isSorted();
        assertThat(latestByKey(records)).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "b", "1"));
    }

    @Test
    void readAllGivesEveryPartitionInOffsetOrderAndTakesNothingFromTheGroups() {
        bus.createTopics(Map.of(topic, 3));
        try (Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            consumer.poll(SHORT_POLL);
            publishNumbered(30);

            List<BusRecord> all = bus.readAll(topic);

            assertThat(all).hasSize(30);
            assertThat(keys(all)).hasSize(30);
            assertThat(partitions(all)).hasSizeGreaterThan(1);
            assertThat(all).extracting(BusRecord::partition).isSorted();
            all.stream().collect(Collectors.groupingBy(BusRecord::partition)).forEach((partition, ofPartition) ->
                    assertThat(ofPartition).as("partition " + partition).extracting(BusRecord::offset).isSorted());
            assertThat(keys(pollUntil(consumer, 30))).as("the group still gets every record").hasSize(30);
        }
    }

    @Test
    void readAllOfAnEmptyTopicIsEmpty() {
        bus.createCompactedTopic(topic, 2);

        assertThat(bus.readAll(topic)).isEmpty();
    }

    @Test
    void readAllOfATopicThatDoesNotExistFails() {
        assertThatThrownBy(() -> bus.readAll(topic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(topic);
    }

    /** Publishes records keyed {@code article-0..count-1} and waits for every acknowledgement. */
    protected void publishNumbered(int count) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(bus.publish(topic, "article-" + i, "{\"schema\":1,\"n\":" + i + "}"));
        }
        awaitAll(acks);
    }

    protected static void awaitAll(List<CompletableFuture<Void>> acks) {
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Polls (without committing) until at least {@code count} records arrived or patience runs out. */
    protected static List<BusRecord> pollUntil(Bus.Consumer consumer, int count) {
        return pollWhile(consumer, got -> got.size() < count);
    }

    private static List<BusRecord> pollWhile(Bus.Consumer consumer, Predicate<List<BusRecord>> more) {
        List<BusRecord> got = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (more.test(got) && System.nanoTime() < deadline) {
            got.addAll(consumer.poll(SHORT_POLL));
        }
        return got;
    }

    /** Polls and commits until the group as a whole has seen {@code total} records, then polls once more to catch duplicates. */
    /**
     * Polls both members until they share all partitions: a real broker needs a moment (and a
     * rebalance when the second member arrives) before records should flow, or the first member
     * may take them all.
     */
    private static void settle(Bus.Consumer a, Bus.Consumer b, int partitions) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while ((a.assignedPartitions() + b.assignedPartitions() < partitions || a.assignedPartitions() == 0
                || b.assignedPartitions() == 0) && System.nanoTime() < deadline) {
            a.poll(SHORT_POLL);
            b.poll(SHORT_POLL);
        }
        assertThat(a.assignedPartitions()).isPositive();
        assertThat(b.assignedPartitions()).isPositive();
        assertThat(a.assignedPartitions() + b.assignedPartitions()).isEqualTo(partitions);
    }

    private static List<BusRecord> consumeAndCommit(Bus.Consumer consumer, Collection<BusRecord> seenByGroup, int total) {
        List<BusRecord> got = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seenByGroup.size() < total && System.nanoTime() < deadline) {
            List<BusRecord> batch = consumer.poll(SHORT_POLL);
            got.addAll(batch);
            seenByGroup.addAll(batch);
            consumer.commit(batch);
        }
        List<BusRecord> late = consumer.poll(SHORT_POLL);
        got.addAll(late);
        seenByGroup.addAll(late);
        return got;
    }

    /** What a reader of a compacted topic keeps: the last value of each key, in offset order. */
    private static Map<String, String> latestByKey(List<BusRecord> records) {
        Map<String, String> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    protected static Set<String> keys(Collection<BusRecord> records) {
        return records.stream().map(BusRecord::key).collect(Collectors.toSet());
    }

    private static Set<Integer> partitions(Collection<BusRecord> records) {
        return records.stream().map(BusRecord::partition).collect(Collectors.toCollection(HashSet::new));
    }
}
