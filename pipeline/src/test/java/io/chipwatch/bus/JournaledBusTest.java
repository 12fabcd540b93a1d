package io.chipwatch.bus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journaled bus keeps the whole {@link Bus} contract, and what it acknowledged survives reopening. */
class JournaledBusTest extends BusContract {

    @TempDir
    Path dir;

    @Override
    protected Bus newBus() {
        return InMemoryBus.journaled(dir.resolve("contract"), 4, 1_000);
    }

    private InMemoryBus open(int capacity) {
        return InMemoryBus.journaled(dir.resolve("bus"), 2, capacity);
    }

    @Test
    void aGroupResumesAfterReopeningFromItsCommittedOffsetWithTheRecordsItHadNotCommitted() {
        List<BusRecord> firstFour;
        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            for (int i = 0; i < 10; i++) {
                bus.publish(topic, "article-" + i, "{\"n\":" + i + ",\"title\":\"芯片\"}").join();
            }
            List<BusRecord> all = pollUntil(consumer, 10);
            assertThat(all).hasSize(10);
            firstFour = all.stream().filter(r -> r.offset() < 2).toList();
            consumer.commit(firstFour);   // offsets 0 and 1 of each partition; the rest only polled
        }

        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            List<BusRecord> again = pollUntil(consumer, 10 - firstFour.size());

            assertThat(again).hasSize(10 - firstFour.size()).allSatisfy(r -> assertThat(r.offset()).isGreaterThanOrEqualTo(2));
            assertThat(keys(again)).doesNotContainAnyElementsOf(keys(firstFour));
            assertThat(again).anySatisfy(r -> assertThat(r.value()).contains("芯片"));
            assertThat(consumer.poll(SHORT_POLL)).as("nothing twice within one run").isEmpty();
            consumer.commit(again);
            BusRecord next = publishAndPoll(bus, consumer, "article-0", "later");
            assertThat(next.offset()).as("offsets go on after the reopened log's end").isGreaterThanOrEqualTo(2);
            assertThat(again).noneMatch(r -> r.partition() == next.partition() && r.offset() == next.offset());
        }
    }

    @Test
    void aGroupThatNeverCommittedGetsEverythingAgainAndANewGroupStartsAtTheOldestKeptRecord() {
        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            for (int i = 0; i < 6; i++) {
                bus.publish(topic, "article-" + i, "v" + i).join();
            }
            assertThat(pollUntil(consumer, 6)).hasSize(6);
        }
        try (InMemoryBus bus = open(1_000);
             Bus.Consumer same = bus.consumer(group, List.of(topic));
             Bus.Consumer other = bus.consumer(group + "-new", List.of(topic))) {
            assertThat(keys(pollUntil(same, 6))).hasSize(6);
            assertThat(keys(pollUntil(other, 6))).hasSize(6);
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndPublishingGoesOnAfterTheLastWholeOne() throws IOException {
        try (InMemoryBus bus = open(1_000)) {
            bus.createTopics(Map.of(topic, 1));
            bus.consumer(group, List.of(topic));
            for (int i = 0; i < 3; i++) {
                bus.publish(topic, "k", "value-" + i).join();
            }
        }
        Path segment = onlySegment(topic + "-0");
        long whole = Files.size(segment);
        // a kill in the middle of writing the fourth record: its header and part of its body
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[]{0, 0, 0, 40, 1, 2, 3, 4, 'p', 'a', 'r', 't'}));
        }

        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            assertThat(Files.size(segment)).as("the torn entry is cut off").isEqualTo(whole);
            assertThat(pollUntil(consumer, 3)).extracting(BusRecord::value).containsExactly("value-0", "value-1", "value-2");
            BusRecord next = publishAndPoll(bus, consumer, "k", "value-3");
            assertThat(next.offset()).isEqualTo(3);
        }
        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            assertThat(pollUntil(consumer, 4)).extracting(BusRecord::value).containsExactly("value-0", "value-1", "value-2", "value-3");
        }
    }

    @Test
    void aRecordWhoseBytesWereDamagedFailsItsChecksumAndIsDropped() throws IOException {
        try (InMemoryBus bus = open(1_000)) {
            bus.createTopics(Map.of(topic, 1));
            bus.consumer(group, List.of(topic));
            bus.publish(topic, "k", "first").join();
            bus.publish(topic, "k", "second").join();
        }
        Path segment = onlySegment(topic + "-0");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x20;   // "second" → "seconD": same length, another checksum
        Files.write(segment, bytes);

        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            assertThat(pollUntil(consumer, 1)).extracting(BusRecord::value).containsExactly("first");
            assertThat(consumer.poll(SHORT_POLL)).isEmpty();
        }
    }

    @Test
    void aTornLastCommitIsDroppedAndTheEarlierCommitHolds() throws IOException {
        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            bus.createTopics(Map.of(topic, 1));
            for (int i = 0; i < 4; i++) {
                bus.publish(topic, "k", "v" + i).join();
            }
            List<BusRecord> four = pollUntil(consumer, 4);
            consumer.commit(four.subList(0, 2));
        }
        Path offsets = dir.resolve("bus/offsets.log");
        try (FileChannel channel = FileChannel.open(offsets, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap("\0\0\0\u0030torn".getBytes(StandardCharsets.ISO_8859_1)));
        }

        try (InMemoryBus bus = open(1_000); Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            assertThat(pollUntil(consumer, 2)).extracting(BusRecord::value).containsExactly("v2", "v3");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void committedSegmentsAreDeletedSoTheDiskHoldsAboutWhatIsUncommitted() throws IOException {
        String value = "x".repeat(1_000);
        try (InMemoryBus bus = InMemoryBus.journaled(dir.resolve("bus"), 1, 50, 8_000);
             Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            for (int i = 0; i < 2_000; i++) {
                bus.publish(topic, "k", value).join();
                consumer.commit(consumer.poll(Duration.ZERO));
            }
            assertThat(folderBytes(dir.resolve("bus/topics"))).as("2 MB written, all committed")
                    .isLessThan(3 * 8_000 + 2_000);
        }
        try (InMemoryBus bus = InMemoryBus.journaled(dir.resolve("bus"), 1, 50, 8_000);
             Bus.Consumer consumer = bus.consumer(group, List.of(topic))) {
            assertThat(consumer.poll(SHORT_POLL)).as("every record was committed").isEmpty();
            BusRecord next = publishAndPoll(bus, consumer, "k", "after");
            assertThat(next.offset()).isEqualTo(2_000);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)  // a blocked publish would hang
    void aGroupKnownOnlyFromTheJournalHoldsItsRecordsButNotItsPublishers() {
        try (InMemoryBus bus = open(5)) {
            bus.createTopics(Map.of(topic, 1));
            bus.consumer(group, List.of(topic)).close();
            bus.publish(topic, "k", "before").join();
        }
        try (InMemoryBus bus = open(5)) {
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                assertThat(bus.publish(topic, "k", "v" + i)).isDone();
                published.add("v" + i);
            }
            try (Bus.Consumer late = bus.consumer(group, List.of(topic))) {
                assertThat(pollUntil(late, 5)).extracting(BusRecord::value).containsExactlyElementsOf(published.subList(15, 20));
            }
        }
        try (InMemoryBus bus = open(5); Bus.Consumer back = bus.consumer(group, List.of(topic))) {
            assertThat(pollUntil(back, 5)).as("uncommitted records are kept for the group across runs")
                    .extracting(BusRecord::value).containsExactly("v15", "v16", "v17", "v18", "v19");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)  // a blocked publish would hang
    void aGroupKnownOnlyFromTheJournalDoesNotHoldUpAGroupThatReadsInThisProcess() {
        try (InMemoryBus bus = open(5)) {
            bus.createTopics(Map.of(topic, 1));
            bus.consumer(group + "-index", List.of(topic)).close();
            bus.consumer(group + "-alert", List.of(topic)).close();
        }
        try (InMemoryBus bus = open(5); Bus.Consumer index = bus.consumer(group + "-index", List.of(topic))) {
            for (int i = 0; i < 20; i++) {
                assertThat(bus.publish(topic, "k", "v" + i)).succeedsWithin(Duration.ofSeconds(10));
                index.commit(index.poll(Duration.ZERO));
            }
            try (Bus.Consumer alert = bus.consumer(group + "-alert", List.of(topic))) {
                assertThat(pollUntil(alert, 5)).extracting(BusRecord::value).containsExactly("v15", "v16", "v17", "v18", "v19");
            }
        }
    }

    @Test
    void aSecondBusOnTheSameFolderIsRefused() {
        try (InMemoryBus first = open(10)) {
            assertThatThrownBy(() -> open(10))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("in use");
        }
        open(10).close();   // released on close
    }

    @Test
    void aTopicNameThatCannotBeAFileNameIsRefused() {
        try (InMemoryBus bus = open(10)) {
            assertThatThrownBy(() -> bus.createTopics(Map.of("../escape", 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("../escape");
        }
    }

    /** Publishes one record and polls it: the consumer must have nothing else pending. */
    private BusRecord publishAndPoll(Bus bus, Bus.Consumer consumer, String key, String value) {
        bus.publish(topic, key, value).join();
        List<BusRecord> got = pollUntil(consumer, 1);
        assertThat(got).extracting(BusRecord::value).containsExactly(value);
        return got.get(0);
    }

    private Path onlySegment(String partitionFolder) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("bus/topics").resolve(partitionFolder))) {
            List<Path> segments = files.filter(f -> f.toString().endsWith(".log")).toList();
            assertThat(segments).hasSize(1);
            return segments.get(0);
        }
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
