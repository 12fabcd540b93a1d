package io.chipwatch.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner with a {@link BatchStage}: the index stage over a real in-memory Lucene store that can be made to fail. */
class StageRunnerBatchTest {

    private static final String GROUP = "test-index";
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration SHORT_RETRY_PAUSE = Duration.ofMillis(500);

    private static Gazetteer gazetteer;

    private final Bus bus = new InMemoryBus(4, 10_000);
    private final RecordCodec codec = new RecordCodec();
    private final List<StageRunner> runners = new ArrayList<>();
    private FaultyStore store;

    @BeforeAll
    static void loadGazetteer() throws Exception {
        gazetteer = Gazetteer.defaults();
    }

    @BeforeEach
    void openStore() {
        store = new FaultyStore(LuceneSearchStore.inMemory(gazetteer), "有毒");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (StageRunner runner : runners) {
            runner.close();
            assertThat(runner.awaitStopped(PATIENCE)).as("runner stopped").isTrue();
        }
        bus.close();
        store.close();
    }

    @Test
    void theRecordsOfOnePollAreIndexedInOneStoreWrite() throws Exception {
        publishArticles(0, 6);
        StageRunner runner = start(indexRunner());

        awaitDone(runner, 6);
        assertThat(store.writes()).containsExactly(6);
        assertThat(indexedArticles()).isEqualTo(6);
        assertThat(runner.processed()).isEqualTo(6);
        assertThat(runner.failed()).isZero();
        stopAndAssertNothingLeft(runner);
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDlqAloneWhileTheRestOfItsBatchIsIndexedTogether() throws Exception {
        Bus.Consumer dlq = bus.consumer("dlq-reader", List.of(Topics.DLQ));
        publishArticles(0, 2);
        bus.publish(Topics.ENRICHED, "broken", "{\"schema\":1,\"kind\":\"enriched\",").join();
        publishArticles(2, 4);
        StageRunner runner = start(indexRunner());

        awaitDone(runner, 5);
        assertThat(store.writes()).containsExactly(4);
        assertThat(indexedArticles()).isEqualTo(4);
        assertThat(runner.processed()).isEqualTo(4);
        assertThat(runner.failed()).isEqualTo(1);
        List<JsonNode> entries = deadLetters(dlq, 1);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("key").asText()).isEqualTo("broken");
            assertThat(entry.get("stage").asText()).isEqualTo("index");
            assertThat(entry.get("error").asText()).startsWith("record is not JSON");
            assertThat(entry.has("status")).isFalse();
        });
        stopAndAssertNothingLeft(runner);
    }

    @Test
    void anArticleTheStoreRefusesForGoodIsFoundOneByOneAndDeadLetteredAloneWithItsReason() throws Exception {
        Bus.Consumer dlq = bus.consumer("dlq-reader", List.of(Topics.DLQ));
        publishArticles(0, 2);
        publish("a-poison", "有毒的文章");
        publishArticles(2, 4);
        StageRunner runner = start(indexRunner());

        awaitDone(runner, 5);
        assertThat(store.writes()).as("the batch, then each record alone").containsExactly(5, 1, 1, 1, 1, 1);
        assertThat(indexedArticles()).isEqualTo(4);
        assertThat(runner.processed()).isEqualTo(4);
        assertThat(runner.failed()).isEqualTo(1);
        assertThat(deadLetters(dlq, 1)).singleElement().satisfies(entry -> {
            assertThat(entry.get("key").asText()).isEqualTo("a-poison");
            assertThat(entry.get("error_class").asText()).isEqualTo("io.chipwatch.store.StoreException");
            assertThat(entry.get("error").asText()).contains("a-poison", "mapper_parsing_exception");
        });
        stopAndAssertNothingLeft(runner);
    }

    @Test
    void aStoreOutageRetriesTheWholeBatchUntilTheStoreIsBackAndLosesNothing() throws Exception {
        Bus.Consumer dlq = bus.consumer("dlq-reader", List.of(Topics.DLQ));
        store.awayFor(2);
        publishArticles(0, 5);
        StageRunner runner = start(indexRunner());

        awaitDone(runner, 5);
        assertThat(store.writes()).containsExactly(5, 5, 5);
        assertThat(indexedArticles()).isEqualTo(5);
        assertThat(runner.processed()).isEqualTo(5);
        assertThat(runner.failed()).isZero();
        List<JsonNode> entries = deadLetters(dlq, 1);
        assertThat(entries).as("one retry notice, no dead letter").singleElement()
                .satisfies(entry -> assertThat(entry.get("status").asText()).isEqualTo("retrying"));
        stopAndAssertNothingLeft(runner);
    }

    @Test
    void offsetsAreCommittedOnlyOnceTheBatchIsWritten() throws Exception {
        store.awayFor(Integer.MAX_VALUE);
        publishArticles(0, 5);
        StageRunner waiting = start(indexRunner());
        awaitWrites(2);

        waiting.close();
        assertThat(waiting.awaitStopped(PATIENCE)).isTrue();
        assertThat(waiting.processed() + waiting.failed()).isZero();
        assertThat(indexedArticles()).isZero();
        try (Bus.Consumer next = bus.consumer(GROUP, List.of(Topics.ENRICHED))) {
            assertThat(pollUntil(next, 5)).as("nothing written, nothing committed: all delivered again")
                    .extracting(BusRecord::key).containsExactlyInAnyOrder("a0", "a1", "a2", "a3", "a4");
        }

        store.awayFor(0);
        StageRunner afterRestart = start(indexRunner());
        awaitDone(afterRestart, 5);
        assertThat(indexedArticles()).isEqualTo(5);
        stopAndAssertNothingLeft(afterRestart);
    }

    @Test
    void closeFinishesTheBatchInFlight() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IndexStage index = new IndexStage(store, codec);
        BatchStage slow = new BatchStage() {
            @Override
            public List<Output> process(BusRecord input) throws Exception {
                return index.process(input);
            }

            @Override
            public List<Result> processAll(List<BusRecord> inputs) throws Exception {
                inside.countDown();
                assertThat(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                return index.processAll(inputs);
            }
        };
        publishArticles(0, 5);
        StageRunner runner = start(runner(slow, SHORT_RETRY_PAUSE));
        assertThat(inside.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        runner.close();
        assertThat(runner.awaitStopped(Duration.ZERO)).as("close does not wait for the batch").isFalse();
        release.countDown();

        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertThat(runner.processed()).isEqualTo(5);
        assertThat(indexedArticles()).isEqualTo(5);
        assertNothingLeftFor(GROUP);
    }

    private StageRunner indexRunner() {
        return runner(new IndexStage(store, codec), SHORT_RETRY_PAUSE);
    }

    private StageRunner runner(Stage stage, Duration maxRetryPause) {
        StageRunner runner = new StageRunner(bus, GROUP, List.of(Topics.ENRICHED), stage, POLL, maxRetryPause);
        runners.add(runner);
        return runner;
    }

    private static StageRunner start(StageRunner runner) {
        Thread thread = new Thread(runner, "runner-" + runner.stageName());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    private void publishArticles(int from, int to) {
        for (int i = from; i < to; i++) {
            publish("a" + i, "长江存储第" + i + "期扩产");
        }
    }

    private void publish(String id, String title) {
        Article article = new Article(id, "https://news.example.cn/" + id, null, title,
                OffsetDateTime.parse("2025-10-25T10:20:00+08:00"), null, "示例科技网", "zh", title + "，月产能预计增加。", "UTF-8");
        Analysis analysis = new Analysis(List.of(), List.of(), List.of(), List.of());
        bus.publish(Topics.ENRICHED, id, codec.enriched(article, analysis)).join();
    }

    private long indexedArticles() {
        store.refresh();
        return store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 100)).total();
    }

    private static void awaitDone(StageRunner runner, int records) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (runner.processed() + runner.failed() < records && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(runner.processed() + runner.failed()).as("records done").isEqualTo(records);
    }

    private void awaitWrites(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (store.writes().size() < writes && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.writes()).hasSizeGreaterThanOrEqualTo(writes);
    }

    private void stopAndAssertNothingLeft(StageRunner runner) throws InterruptedException {
        runner.close();
        assertThat(runner.awaitStopped(PATIENCE)).isTrue();
        assertNothingLeftFor(GROUP);
    }

    /** Everything the group read was committed: a new member of it finds nothing to redo. */
    private void assertNothingLeftFor(String group) {
        try (Bus.Consumer next = bus.consumer(group, List.of(Topics.ENRICHED))) {
            assertThat(next.poll(Duration.ofMillis(100))).isEmpty();
        }
    }

    private static List<JsonNode> deadLetters(Bus.Consumer dlq, int atLeast) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (BusRecord r : pollUntil(dlq, atLeast)) {
            entries.add(json.readTree(r.value()));
        }
        // anything more would be a second entry published by now
        for (BusRecord r : dlq.poll(Duration.ofMillis(200))) {
            entries.add(json.readTree(r.value()));
        }
        return entries;
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
