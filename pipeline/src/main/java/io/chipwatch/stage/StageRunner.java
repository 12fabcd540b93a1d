package io.chipwatch.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one {@link Stage} as a member of a consumer group: polls its input topics, feeds each record
 * to the stage, publishes the outputs, and commits offsets only once those outputs are acknowledged,
 * so a crash loses nothing (delivery is at least once).
 *
 * <p>A record whose processing throws, or whose outputs cannot be published, goes to
 * {@link Topics#DLQ} as a JSON entry with the stage, the error and the original input, is logged on
 * one WARN line and counts as {@link #failed()}; the runner then goes on with the next record. A
 * record the stage cannot process for now ({@link TransientStageException}) is tried again with
 * growing pauses and never skipped; the first failure puts a notice with {@code "status": "retrying"}
 * on the DLQ topic so the stall is visible. If
 * even the dead-letter entry cannot be published, the runner commits what came before that record
 * and stops ({@link #failure()} says why), so the record is delivered again after a restart.
 *
 * <p>A {@link BatchStage} gets each poll's records in one call. A batch it cannot handle for now is
 * tried again whole, in the same way (one retry notice, naming the batch's first record); a batch
 * that fails for good is processed again record by record, so that only the record at fault is
 * dead-lettered.
 *
 * <p>Any Throwable from one record is that record's failure and sends it to the DLQ, a
 * {@link StackOverflowError} included; other {@link VirtualMachineError}s (out of memory, an internal
 * error) leave the JVM in doubt, so the runner stops, uncommitted, with that error as its
 * {@link #failure()}, and whoever runs it should end the process so a supervisor restarts it. With a
 * time budget, each record is processed on a worker thread of its own; a record still running when
 * the budget is spent is abandoned and dead-lettered, and the runner goes on with a fresh worker
 * (see {@link RecordWorker}). A batch stage's {@code processAll} has no budget: it writes to a store,
 * and a write left running behind the runner's back is not safe to abandon.
 *
 * <p>{@link #run()} occupies its thread until {@link #close()}. Call {@code close()} from any thread
 * (a shutdown hook on SIGTERM, say): it does not wait; the runner finishes the record being
 * processed (for a batch stage, the batch), publishes and commits what it finished, leaves the rest
 * of its batch to be delivered again, and closes its consumer. {@link #awaitStopped} waits for that.
 * A stop takes at most about one poll timeout plus the time to finish the record or batch in flight.
 */
public final class StageRunner implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StageRunner.class);

    /**
     * The time budget per record of the stages that can be abandoned safely (extract, nlp) unless
     * configured otherwise: far above what a sane page takes (well under a second), so only a
     * stuck input meets it.
     */
    public static final Duration DEFAULT_RECORD_BUDGET = Duration.ofSeconds(60);
    /** The longest pause between tries of a record the stage cannot process for now, unless configured otherwise. */
    public static final Duration DEFAULT_MAX_RETRY_PAUSE = Duration.ofMillis(5_000);

    private enum State { NEW, RUNNING, STOPPED }

    private final Bus bus;
    private final String group;
    private final List<String> inputTopics;
    private final Stage stage;
    private final Duration pollTimeout;
    private final long maxPauseMillis;
    private final Bus.Consumer consumer;
    private final RecordWorker worker;
    private final DeadLetter deadLetter = new DeadLetter(new ObjectMapper());

    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopRequested;

    /**
     * Joins the group at once, so that partitions are shared among runners created together before
     * any of them polls.
     */
    public StageRunner(Bus bus, String group, List<String> inputTopics, Stage stage, Duration pollTimeout) {
        this(bus, group, inputTopics, stage, pollTimeout, DEFAULT_MAX_RETRY_PAUSE);
    }

    /**
     * @param maxRetryPause the longest pause between tries of a record the stage cannot process for now
     *                      ({@link TransientStageException}); pauses double from half a second up to it
     */
    public StageRunner(Bus bus, String group, List<String> inputTopics, Stage stage, Duration pollTimeout, Duration maxRetryPause) {
        this(bus, group, inputTopics, stage, pollTimeout, maxRetryPause, stage.abandonable() ? DEFAULT_RECORD_BUDGET : null);
    }

    /**
     * @param recordBudget how long the stage may take over one record before it is abandoned and
     *                     dead-lettered ({@link RecordWorker}); null for no budget, as a stage with
     *                     effects that must not be left running (a store write) needs. The shorter
     *                     constructors give {@link #DEFAULT_RECORD_BUDGET} to a stage that is
     *                     {@link Stage#abandonable()}, and none to the others
     */
    public StageRunner(Bus bus, String group, List<String> inputTopics, Stage stage, Duration pollTimeout, Duration maxRetryPause,
                       Duration recordBudget) {
        this.worker = recordBudget == null ? null : new RecordWorker(stage.name(), recordBudget, MAX_STUCK);
        this.maxPauseMillis = Math.max(FIRST_PAUSE_MILLIS, maxRetryPause.toMillis());
        this.bus = bus;
        this.group = group;
        this.inputTopics = List.copyOf(inputTopics);
        this.stage = stage;
        this.pollTimeout = pollTimeout;
        this.consumer = bus.consumer(group, this.inputTopics);
    }

    /** Loops until {@link #close()}; may be called once. Returns at once if the runner was closed before it started. */
    @Override
    public void run() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            if (state.get() == State.STOPPED) {
                return;
            }
            throw new IllegalStateException("stage " + stage.name() + " is already running");
        }
        log.info("stage {} started in group {} reading {}", stage.name(), group, inputTopics);
        try {
            while (!stopRequested && !Thread.currentThread().isInterrupted()) {
                List<BusRecord> batch = consumer.poll(pollTimeout);
                if (!batch.isEmpty()) {
                    handle(batch);
                }
                lag = consumer.lag();
                assigned = consumer.assignedPartitions();
            }
            if (!stopRequested) {
                failure.set(new InterruptedException("the thread of stage " + stage.name() + " was interrupted"));
                log.error("stage {} stopped: its thread was interrupted", stage.name());
            }
        } catch (Throwable e) {
            // Nothing may end this thread unseen: whatever stops it is the failure that /health reports.
            failure.set(e);
            log.error("stage {} stopped after {}; records from the last commit on are delivered again after a restart",
                    stage.name(), e instanceof VirtualMachineError ? "a fatal error of the JVM" : "an error", e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            if (worker != null) {
                worker.close();
            }
            closeConsumer();
            state.set(State.STOPPED);
            stopped.countDown();
            log.info("stage {} stopped: {} records processed, {} sent to the DLQ", stage.name(), processed(), failed());
        }
    }

    /** Asks the runner to stop after the record (or batch, for a batch stage) in flight; does not wait (see {@link #awaitStopped}). Idempotent. */
    @Override
    public void close() {
        stopRequested = true;
        if (state.compareAndSet(State.NEW, State.STOPPED)) {
            closeConsumer();
            stopped.countDown();
        }
    }

    /** Waits until the runner has stopped and closed its consumer; returns whether it did within the timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Records whose outputs were all published. */
    public long processed() {
        return processed.get();
    }

    private volatile long lag = -1;
    private volatile int assigned;

    /** Partitions this runner held at its last poll (0 before it has joined its group). */
    public int assignedPartitions() {
        return assigned;
    }

    /** Records waiting in this runner's partitions as of its last poll; -1 when not known yet. */
    public long lag() {
        return lag;
    }

    /** Records abandoned after their time budget whose worker threads still run. */
    public int stuckRecords() {
        return worker == null ? 0 : worker.stuck();
    }

    /** Records sent to the dead-letter topic. */
    public long failed() {
        return failed.get();
    }

    /** Why the runner stopped on its own (the bus failed or closed), if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    public String stageName() {
        return stage.name();
    }

    /** Processes the batch, then waits for every acknowledgement before committing. */
    private void handle(List<BusRecord> batch) {
        settle(stage instanceof BatchStage together ? processTogether(together, batch) : processEach(batch));
    }

    /**
     * One record after the other, in order. On a stop request the rest of the batch is left
     * uncommitted; what was done is a prefix of each partition's records, so committing it never
     * skips a record.
     */
    private List<InFlight> processEach(List<BusRecord> batch) {
        List<InFlight> inFlight = new ArrayList<>(batch.size());
        try {
            for (BusRecord record : batch) {
                if (stopRequested) {
                    break;
                }
                Optional<Attempt<List<Stage.Output>>> outputs = untilNotTransient(record, record.key(), () -> stage.process(record), worker);
                if (outputs.isEmpty()) {
                    break;  // stopped or interrupted while waiting: the record was not handled
                }
                inFlight.add(new InFlight(record, publish(outputs.get())));
            }
        } catch (RecordWorker.TooManyStuckException e) {
            // the records before this one are done (the abandoned ones dead-lettered): keep that, then stop
            settle(inFlight);
            throw e;
        }
        return inFlight;
    }

    /**
     * The whole batch in one call, which a stop request does not cut short. A batch that fails for
     * good is processed again record by record, so that only the record at fault is dead-lettered
     * (the stage's effects are idempotent, so redoing the others is harmless); a stop request then
     * ends it after the record in flight, as for a plain stage.
     */
    private List<InFlight> processTogether(BatchStage together, List<BusRecord> batch) {
        String what = "a batch of " + batch.size() + " records starting at " + batch.get(0).key();
        Optional<Attempt<List<BatchStage.Result>>> attempt = untilNotTransient(batch.get(0), what, () -> together.processAll(batch), null);
        if (attempt.isEmpty()) {
            return List.of();  // stopped or interrupted while waiting: the whole batch is delivered again
        }
        List<BatchStage.Result> results = attempt.get().value();
        Throwable error = attempt.get().error();
        if (error == null && (results == null || results.size() != batch.size())) {
            error = new IllegalStateException("stage returned " + (results == null ? "no" : results.size()) + " results for "
                    + batch.size() + " records");
        }
        if (error != null) {
            log.warn("stage {} failed on {}, trying its records one by one: {}: {}", stage.name(), what,
                    error.getClass().getSimpleName(), DeadLetter.message(error));
            return processEach(batch);
        }
        List<InFlight> inFlight = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            BatchStage.Result result = results.get(i);
            inFlight.add(new InFlight(batch.get(i), publish(new Attempt<>(result.outputs(), result.error()))));
        }
        return inFlight;
    }

    /**
     * Waits for the acknowledgements in order, dead-letters what failed, and commits. If a dead-letter
     * entry cannot be published, commits what came before that record, then stops the runner.
     */
    private void settle(List<InFlight> inFlight) {
        List<BusRecord> done = new ArrayList<>(inFlight.size());
        try {
            for (InFlight item : inFlight) {
                Throwable error = awaitQuietly(item.acks());
                if (error == null) {
                    processed.incrementAndGet();
                } else {
                    sendToDeadLetters(item.record(), error);
                    failed.incrementAndGet();
                }
                done.add(item.record());
            }
        } catch (DeadLetterFailure e) {
            try {
                commit(done);
            } catch (RuntimeException commitError) {
                e.addSuppressed(commitError);
            }
            throw e;
        }
        commit(done);
    }

    private void commit(List<BusRecord> done) {
        if (!done.isEmpty()) {
            consumer.commit(done);
        }
    }

    /** Abandoned records whose threads still run before the runner gives up (each may hold a core). */
    private static final int MAX_STUCK = 4;
    private static final long FIRST_PAUSE_MILLIS = 500;

    /** Sleeps, waking early when a stop is requested; false when interrupted or stopping. */
    private boolean pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (!stopRequested && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopRequested;
    }

    /**
     * Calls the stage until it stops answering "not now" ({@link TransientStageException}): the
     * input is fine, what it needs is away, so it is never dead-lettered for that. Empty when the
     * runner was stopped or interrupted while waiting; otherwise the value, or the error that
     * sends the input to the DLQ.
     *
     * <p>Any Throwable of the call is the input's failure, but a {@link VirtualMachineError} other
     * than {@link StackOverflowError}, which is thrown on, to stop the runner.
     *
     * @param notice the record named in the retry notice
     * @param what   what is being processed, for the logs
     * @param budget the worker that runs the call within its time budget, or null to call it here
     */
    private <T> Optional<Attempt<T>> untilNotTransient(BusRecord notice, String what, Callable<T> call, RecordWorker budget) {
        long pauseMillis = FIRST_PAUSE_MILLIS;
        boolean waited = false;
        while (true) {
            try {
                T value = budget == null ? call.call() : budget.call(call);
                if (waited) {
                    log.info("stage {} processed {} again after waiting", stage.name(), what);
                }
                return Optional.of(new Attempt<>(value, null));
            } catch (TransientStageException e) {
                if (!waited) {
                    log.warn("stage {} cannot process {} for now, will retry until it can: {}", stage.name(), what, e.getMessage());
                    noticeRetrying(notice, e);
                    waited = true;
                }
                if (stopRequested || !pause(pauseMillis)) {
                    return Optional.empty();
                }
                pauseMillis = Math.min(pauseMillis * 2, maxPauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (RecordWorker.TooManyStuckException e) {
                throw e;
            } catch (Exception e) {
                return Optional.of(new Attempt<>(null, e));
            } catch (VirtualMachineError e) {
                if (!(e instanceof StackOverflowError)) {
                    throw e;
                }
                return Optional.of(new Attempt<>(null, e));
            } catch (Error e) {
                // a linkage error, a failed assertion, an error in a static initialiser: this input's failure
                return Optional.of(new Attempt<>(null, e));
            }
        }
    }

    /** Starts publishing the outputs; a failure of the stage or of any publish shows up as a failed future. */
    private CompletableFuture<Void> publish(Attempt<List<Stage.Output>> outputs) {
        if (outputs.error() != null) {
            return CompletableFuture.failedFuture(outputs.error());
        }
        if (outputs.value() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("stage returned null outputs"));
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(outputs.value().size());
        for (Stage.Output output : outputs.value()) {
            try {
                acks.add(bus.publish(output.topic(), output.key(), output.value()));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /**
     * Tells whoever watches the DLQ that a record is stuck, once per record and runner, with
     * {@code "status": "retrying"}: the record is kept, so this is a notice, not a dead letter.
     * Best effort: a bus that cannot take it is only logged, the retries go on.
     */
    private void noticeRetrying(BusRecord record, Throwable error) {
        try {
            bus.publish(Topics.DLQ, record.key(), deadLetter.retrying(stage.name(), record, error)).whenComplete((ok, e) -> {
                if (e != null) {
                    log.warn("stage {}: cannot publish the retry notice of {}: {}", stage.name(), record.key(), e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("stage {}: cannot publish the retry notice of {}: {}", stage.name(), record.key(), e.toString());
        }
    }

    /** @throws DeadLetterFailure if the entry cannot be published either */
    private void sendToDeadLetters(BusRecord record, Throwable error) {
        log.warn("stage {} sent record {} ({}-{}@{}) to {}: {}: {}", stage.name(), record.key(), record.topic(),
                record.partition(), record.offset(), Topics.DLQ, error.getClass().getSimpleName(), DeadLetter.message(error));
        Throwable dlqError;
        try {
            dlqError = awaitQuietly(bus.publish(Topics.DLQ, record.key(), deadLetter.entry(stage.name(), record, error)));
        } catch (RuntimeException e) {
            dlqError = e;
        }
        if (dlqError != null) {
            throw new DeadLetterFailure("cannot publish the dead-letter entry of record " + record.key()
                    + " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")", dlqError);
        }
    }

    /** Waits for the future without giving up on interrupt (the acknowledgement decides the commit); returns its error or null. */
    private static Throwable awaitQuietly(CompletableFuture<Void> acks) {
        try {
            acks.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return unwrap(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void closeConsumer() {
        try {
            consumer.close();
        } catch (RuntimeException e) {
            log.warn("stage {}: closing the consumer of group {} failed: {}", stage.name(), group, e.toString());
        }
    }

    private record InFlight(BusRecord record, CompletableFuture<Void> acks) {
    }

    /** What a call of the stage gave: a value (perhaps null, which the caller judges) or the error it threw. */
    private record Attempt<T>(T value, Throwable error) {
    }

    /** The runner cannot even record a failure, so it must stop rather than commit past the record. */
    private static final class DeadLetterFailure extends RuntimeException {
        DeadLetterFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
