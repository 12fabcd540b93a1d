package io.chipwatch.bus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryBusTest extends BusContract {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Override
    protected Bus newBus() {
        return new InMemoryBus(4, 1_000);
    }

    @Test
    void publishToAFullPartitionWaitsUntilAConsumerCommits() {
        try (InMemoryBus small = new InMemoryBus(1, 2);
             Bus.Consumer consumer = small.consumer(group, List.of(topic))) {
            small.publish(topic, "a", "1").join();
            small.publish(topic, "b", "2").join();

            Publisher third = new Publisher(small, topic, "c", "3");
            third.awaitBlocked();
            assertThat(third.acked).isNotDone();

            List<BusRecord> two = consumer.poll(SOON);
            assertThat(two).extracting(BusRecord::value).containsExactly("1", "2");
            assertThat(third.acked).as("polling alone frees no room").isNotDone();

            consumer.commit(two);

            assertThat(third.acked).succeedsWithin(SOON);
            assertThat(consumer.poll(SOON)).extracting(BusRecord::value).containsExactly("3");
        }
    }

    @Test
    void closingTheBusFailsAPublishWaitingForRoom() {
        InMemoryBus small = new InMemoryBus(1, 1);
        small.consumer(group, List.of(topic));
        small.publish(topic, "a", "1").join();
        Publisher waiting = new Publisher(small, topic, "b", "2");
        waiting.awaitBlocked();

        small.close();

        assertThat(waiting.acked).failsWithin(SOON)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void publishAfterCloseFailsClearly() {
        bus.close();

        assertThat(bus.publish(topic, "a", "1")).failsWithin(SOON)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessageContaining("closed");
    }

    @Test
    void publishingToAnUnknownTopicCreatesItWithTheDefaultPartitionCount() {
        try (InMemoryBus three = new InMemoryBus(3, 1_000);
             Bus.Consumer consumer = three.consumer(group, List.of(topic))) {
            for (int i = 0; i < 60; i++) {
                three.publish(topic, "article-" + i, "{}").join();
            }

            assertThat(pollUntil(consumer, 60)).extracting(BusRecord::partition).containsOnly(0, 1, 2);
        }
    }

    @Test
    void aTopicNoGroupReadsKeepsItsLatestRecordsInsteadOfBlocking() {
        try (InMemoryBus small = new InMemoryBus(1, 5)) {
            small.createTopics(Map.of(topic, 1));
            for (int i = 0; i < 8; i++) {
                assertThat(small.publish(topic, "k", String.valueOf(i))).isDone();
            }

            try (Bus.Consumer late = small.consumer(group, List.of(topic))) {
                assertThat(pollUntil(late, 5)).extracting(BusRecord::offset).containsExactly(3L, 4L, 5L, 6L, 7L);
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)  // without trimming, publish would wait forever
    void committedRecordsAreTrimmedSoALongStreamFitsTheCapacity() {
        try (InMemoryBus small = new InMemoryBus(1, 10);
             Bus.Consumer consumer = small.consumer(group, List.of(topic))) {
            for (int i = 0; i < 5_000; i++) {
                assertThat(small.publish(topic, "k", String.valueOf(i))).isDone();
                consumer.commit(consumer.poll(Duration.ZERO));
            }
        }
    }

    /** Publishes from its own thread, since publish blocks while the partition is full. */
    private static final class Publisher {

        final CompletableFuture<Void> acked = new CompletableFuture<>();
        private final Thread thread;

        Publisher(Bus bus, String topic, String key, String value) {
            thread = new Thread(() -> bus.publish(topic, key, value)
                    .whenComplete((ok, error) -> {
                        if (error == null) {
                            acked.complete(null);
                        } else {
                            acked.completeExceptionally(error);
                        }
                    }), "publisher-" + key);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the thread parks inside publish: a state, not a sleep, so the next assertion means something. */
        void awaitBlocked() {
            long deadline = System.nanoTime() + SOON.toNanos();
            while (thread.getState() != Thread.State.WAITING && !acked.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(thread.getState()).as("publisher thread state").isEqualTo(Thread.State.WAITING);
        }
    }
}
