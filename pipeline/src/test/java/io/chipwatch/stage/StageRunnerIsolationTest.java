package io.chipwatch.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One input never stops a stage: whatever it throws, or however long it runs, it is that input's
 * failure, dead-lettered with the reason, and the inputs after it are processed. Only a fatal
 * error of the JVM stops the runner, visibly.
 */
class StageRunnerIsolationTest {

    private static final String IN = "test.in";
    private static final String OUT = "test.out";
    private static final String GROUP = "test-stage";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bus bus = new InMemoryBus(1, 10_000);
    private final List<StageRunner> runners = new ArrayList<>();
    /** Lets the stuck test inputs end, so their threads do not outlive the test. */
    private final AtomicBoolean release = new AtomicBoolean();
    private Bus.Consumer out;
    private Bus.Consumer dlq;

    @BeforeEach
    void topics() {
        bus.createTopics(Map.of(IN, 1, OUT, 1, Topics.DLQ, 1));  // one partition, so "after it" is well defined
        out = bus.consumer("reader", List.of(OUT));
        dlq = bus.consumer("dlq-reader", List.of(Topics.DLQ));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        release.set(true);
        for (StageRunner runner : runners) {
            runner.close();
            assertThat(runner.awaitStopped(PATIENCE)).as("runner stopped").isTrue();
        }
        bus.close();
    }

    /**
     * The poison: an input whose processing recurses without end, as a parser over a pathological
     * page can. Built in the test because no page overflows the stack reliably on every JVM.
     */
    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private Stage poisoned() {
        return new Stage() {
            @Override
            public String name() {
                return "poisoned";
            }

            @Override
            public List<Output> process(BusRecord input) {
                if (input.value().contains("poison")) {
                    recurse(0);
                }
                if (input.value().contains("stuck")) {
                    // ignores interrupts, as a runaway regular expression does
                    while (!release.get()) {
                        Thread.onSpinWait();
                    }
                }
                if (input.value().contains("assert")) {
                    throw new AssertionError("an invariant of the extractor broke");
                }
                if (input.value().contains("out-of-memory")) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                return List.of(new Output(OUT, input.key(), input.value()));
            }
        };
    }

    @ParameterizedTest(name = "budget {0} ms")
    @ValueSource(longs = {0, 10_000})
    void aStackOverflowIsThatRecordsFailureAndTheRecordsAfterItAreProcessed(long budgetMillis) throws Exception {
        StageRunner runner = start(runner(budgetMillis == 0 ? null : Duration.ofMillis(budgetMillis)));

        bus.publish(IN, "good-1", "page 1").join();
        bus.publish(IN, "bad", "poison page").join();
        bus.publish(IN, "good-2", "page 2").join();

        assertThat(pollUntil(out, 2)).extracting(BusRecord::key).containsExactly("good-1", "good-2");
        JsonNode entry = JSON.readTree(pollUntil(dlq, 1).get(0).value());
        assertThat(entry.get("key").asText()).isEqualTo("bad");
        assertThat(entry.get("error_class").asText()).isEqualTo(StackOverflowError.class.getName());
        assertThat(entry.get("input").asText()).isEqualTo("poison page");
        assertThat(runner.failure()).isEmpty();
        runner.close();
        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertThat(runner.failed()).isEqualTo(1);
        assertThat(runner.processed()).isEqualTo(2);
    }

    @Test
    void anErrorThatIsNotFatalToTheJvmIsThatRecordsFailure() throws Exception {
        StageRunner runner = start(runner(Duration.ofSeconds(10)));

        bus.publish(IN, "bad", "assert me").join();
        bus.publish(IN, "good", "page").join();

        assertThat(pollUntil(out, 1)).extracting(BusRecord::key).containsExactly("good");
        JsonNode entry = JSON.readTree(pollUntil(dlq, 1).get(0).value());
        assertThat(entry.get("error_class").asText()).isEqualTo(AssertionError.class.getName());
        assertThat(entry.get("error").asText()).isEqualTo("an invariant of the extractor broke");
        assertThat(runner.failure()).isEmpty();
    }

    @Test
    void aStuckRecordIsAbandonedAfterItsBudgetAndDeadLetteredAndTheStageGoesOn() throws Exception {
        StageRunner runner = start(runner(Duration.ofMillis(300)));

        bus.publish(IN, "stuck", "stuck page").join();
        bus.publish(IN, "good", "page").join();

        assertThat(pollUntil(out, 1)).extracting(BusRecord::key).containsExactly("good");
        JsonNode entry = JSON.readTree(pollUntil(dlq, 1).get(0).value());
        assertThat(entry.get("key").asText()).isEqualTo("stuck");
        assertThat(entry.get("error").asText()).contains("time budget of 300 ms");
        assertThat(runner.stuckRecords()).as("the abandoned input's thread still spins").isEqualTo(1);
        assertThat(runner.failure()).isEmpty();

        release.set(true);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        bus.publish(IN, "good-2", "page 2").join();
        assertThat(pollUntil(out, 1)).extracting(BusRecord::key).containsExactly("good-2");
        while (runner.stuckRecords() > 0 && System.nanoTime() < deadline) {
            bus.publish(IN, "more", "page").join();
            pollUntil(out, 1);
        }
        assertThat(runner.stuckRecords()).as("a thread that ended is no longer counted").isZero();
    }

    @Test
    void tooManyStuckRecordsStopTheRunnerWithAReason() throws Exception {
        StageRunner runner = start(runner(Duration.ofMillis(100)));

        for (int i = 0; i < 6; i++) {
            bus.publish(IN, "stuck-" + i, "stuck page").join();
        }

        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertThat(runner.failure()).get().satisfies(f -> assertThat(f).hasMessageContaining("restart the process"));
        assertThat(pollUntil(dlq, 5)).hasSize(5);
    }

    @Test
    void aFatalErrorOfTheJvmStopsTheRunnerVisiblyAndLeavesTheRecordUncommitted() throws Exception {
        StageRunner runner = start(runner(Duration.ofSeconds(10)));

        bus.publish(IN, "good", "page").join();
        bus.publish(IN, "fatal", "out-of-memory page").join();

        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertThat(runner.failure()).get().isInstanceOf(OutOfMemoryError.class);
        assertThat(dlq.poll(Duration.ofMillis(500))).as("not dead-lettered: the JVM is in doubt, not the record").isEmpty();
        try (Bus.Consumer next = bus.consumer(GROUP, List.of(IN))) {
            assertThat(pollUntil(next, 1)).extracting(BusRecord::key).as("delivered again after a restart").contains("fatal");
        }
    }

    private StageRunner runner(Duration budget) {
        StageRunner runner = new StageRunner(bus, GROUP, List.of(IN), poisoned(), POLL, Duration.ofMillis(500), budget);
        runners.add(runner);
        return runner;
    }

    private static StageRunner start(StageRunner runner) {
        Thread thread = new Thread(runner, "runner-" + runner.stageName());
        thread.setDaemon(true);
        // the fatal test's error ends this thread; its stack trace is expected, not news
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.start();
        return runner;
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
