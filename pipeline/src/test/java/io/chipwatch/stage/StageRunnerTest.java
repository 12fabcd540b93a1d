package io.chipwatch.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StageRunnerTest {

    private static final String IN = "test.in";
    private static final String OUT = "test.out";
    private static final String GROUP = "test-stage";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Bus bus = new InMemoryBus(4, 10_000);
    private final List<StageRunner> runners = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (StageRunner runner : runners) {
            runner.close();
            assertThat(runner.awaitStopped(PATIENCE)).as("runner stopped").isTrue();
        }
        bus.close();
    }

    @Test
    void outputsReachTheOutputTopicKeyedAsTheStageSays() throws Exception {
        Bus.Consumer out = bus.consumer("reader", List.of(OUT));
        start(runner(upperCase()));

        bus.publish(IN, "a1", "hello").join();
        bus.publish(IN, "a2", "world").join();

        List<BusRecord> outputs = pollUntil(out, 2);
        assertThat(outputs).extracting(BusRecord::key, BusRecord::value)
                .containsExactlyInAnyOrder(
                        tuple("upper-a1", "HELLO"),
                        tuple("upper-a2", "WORLD"));
    }

    @Test
    void aPoisonRecordGoesToTheDlqAndTheRecordsAfterItAreStillProcessed() throws Exception {
        bus.createTopics(Map.of(IN, 1));  // one partition, so "after it" is well defined
        Bus.Consumer out = bus.consumer("reader", List.of(OUT));
        Bus.Consumer dlq = bus.consumer("dlq-reader", List.of(Topics.DLQ));
        Stage picky = new Stage() {
            @Override
            public String name() {
                return "picky";
            }

            @Override
            public List<Output> process(BusRecord input) {
                if (input.value().contains("poison")) {
                    throw new IllegalArgumentException("cannot parse " + input.key());
                }
                return List.of(new Output(OUT, input.key(), input.value()));
            }
        };
        StageRunner runner = start(runner(picky));

        bus.publish(IN, "good-1", "{\"n\":1}").join();
        bus.publish(IN, "bad", "{\"poison\":true}").join();
        bus.publish(IN, "good-2", "{\"n\":2}").join();

        assertThat(pollUntil(out, 2)).extracting(BusRecord::key).containsExactly("good-1", "good-2");
        BusRecord dead = pollUntil(dlq, 1).get(0);
        assertThat(dead.key()).isEqualTo("bad");
        JsonNode entry = new ObjectMapper().readTree(dead.value());
        assertThat(entry.get("schema").asInt()).isEqualTo(1);
        assertThat(entry.get("stage").asText()).isEqualTo("picky");
        assertThat(entry.get("error").asText()).isEqualTo("cannot parse bad");
        assertThat(entry.get("error_class").asText()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(entry.get("topic").asText()).isEqualTo(IN);
        assertThat(entry.get("partition").asInt()).isZero();
        assertThat(entry.get("offset").asLong()).isEqualTo(1);
        assertThat(entry.get("key").asText()).isEqualTo("bad");
        assertThat(entry.get("input").asText()).isEqualTo("{\"poison\":true}");

        runner.close();
        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertThat(runner.processed()).isEqualTo(2);
        assertThat(runner.failed()).isEqualTo(1);
        assertNothingLeftFor(GROUP);
    }

    @Test
    void twoRunnersInOneGroupProcessEveryRecordExactlyOnce() throws Exception {
        bus.createTopics(Map.of(IN, 4));
        Bus.Consumer out = bus.consumer("reader", List.of(OUT));
        Map<String, AtomicInteger> timesSeen = new ConcurrentHashMap<>();
        Stage counting = input -> {
            timesSeen.computeIfAbsent(input.key(), k -> new AtomicInteger()).incrementAndGet();
            return List.of(new Stage.Output(OUT, input.key(), input.value()));
        };
        StageRunner first = runner(counting);
        StageRunner second = runner(counting);
        start(first);
        start(second);

        int count = 400;
        for (int i = 0; i < count; i++) {
            bus.publish(IN, "article-" + i, "{\"n\":" + i + "}").join();
        }
        pollUntil(out, count);
        first.close();
        second.close();
        assertThat(first.awaitStopped(PATIENCE)).isTrue();
        assertThat(second.awaitStopped(PATIENCE)).isTrue();

        assertThat(timesSeen).hasSize(count);
        assertThat(timesSeen.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(first.processed()).isPositive();
        assertThat(second.processed()).isPositive();
        assertThat(first.processed() + second.processed()).isEqualTo(count);
        assertNothingLeftFor(GROUP);
    }

    @Test
    void closeFinishesTheRecordInFlight() throws Exception {
        Bus.Consumer out = bus.consumer("reader", List.of(OUT));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Stage slow = input -> {
            inside.countDown();
            assertThat(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            return List.of(new Stage.Output(OUT, input.key(), "done"));
        };
        StageRunner runner = start(runner(slow));
        bus.publish(IN, "a1", "{}").join();
        assertThat(inside.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        runner.close();
        assertThat(runner.awaitStopped(Duration.ZERO)).as("close does not wait for the record").isFalse();
        release.countDown();

        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertThat(runner.processed()).isEqualTo(1);
        assertThat(pollUntil(out, 1)).extracting(BusRecord::key, BusRecord::value)
                .containsExactly(tuple("a1", "done"));
        assertNothingLeftFor(GROUP);
    }

    private static Stage upperCase() {
        return input -> List.of(new Stage.Output(OUT, "upper-" + input.key(), input.value().toUpperCase()));
    }

    private StageRunner runner(Stage stage) {
        StageRunner runner = new StageRunner(bus, GROUP, List.of(IN), stage, POLL);
        runners.add(runner);
        return runner;
    }

    private static StageRunner start(StageRunner runner) {
        Thread thread = new Thread(runner, "runner-" + runner.stageName());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    /** Everything the group read was committed: a new member of it finds nothing to redo. */
    private void assertNothingLeftFor(String group) {
        try (Bus.Consumer next = bus.consumer(group, List.of(IN))) {
            assertThat(next.poll(Duration.ofMillis(100))).isEmpty();
        }
    }

    private static List<BusRecord> pollUntil(Bus.Consumer consumer, int count) {
        List<BusRecord> got = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            got.addAll(consumer.poll(POLL));
        }
        return got;
    }
}
