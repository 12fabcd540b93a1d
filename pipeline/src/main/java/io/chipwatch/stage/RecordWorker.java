package io.chipwatch.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a stage's call for one record on a thread of its own, with a time budget. A call still
 * running when the budget is spent is abandoned: its thread is interrupted and left behind (Java
 * cannot stop a thread that ignores interrupts), and the next call gets a fresh thread, so one
 * stuck input never stops the stage. Abandoned threads that are still alive are counted; past
 * {@code maxStuck} of them the worker refuses to go on, since each may hold a core.
 *
 * <p>Used by one runner thread at a time; {@link #stuck()} may be read from any thread.
 */
final class RecordWorker implements AutoCloseable {

    private final String name;
    private final Duration budget;
    private final int maxStuck;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final List<Thread> abandoned = new ArrayList<>();
    private ExecutorService executor;
    private volatile Thread current;
    private volatile int stuck;

    /** The call did not finish within the budget and was abandoned. */
    static final class BudgetExceededException extends Exception {
        BudgetExceededException(String message) {
            super(message);
        }
    }

    /** Too many abandoned calls are still running: the process should be restarted. */
    static final class TooManyStuckException extends IllegalStateException {
        TooManyStuckException(String message) {
            super(message);
        }
    }

    /**
     * @param name     the stage's name, for thread names and messages
     * @param budget   how long one call may take
     * @param maxStuck how many abandoned calls may still be running before the worker gives up
     */
    RecordWorker(String name, Duration budget, int maxStuck) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the time budget of stage " + name + " must be positive, not " + budget);
        }
        this.name = name;
        this.budget = budget;
        this.maxStuck = maxStuck;
    }

    /**
     * Runs the call within the budget and gives what it returned or threw, Errors included.
     *
     * @throws BudgetExceededException when the budget was spent; the call is abandoned
     * @throws InterruptedException    when the caller is interrupted while waiting; the call is abandoned too
     * @throws TooManyStuckException   when too many abandoned calls still run to start another
     */
    <T> T call(Callable<T> call) throws Exception {
        checkStuck();
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "chipwatch-" + name + "-worker-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                current = thread;
                return thread;
            });
        }
        Future<T> future = executor.submit(call);
        try {
            return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                // the stage's own thread was interrupted, not the caller: this input's failure
                throw new IllegalStateException("stage " + name + " was interrupted while processing this input", cause);
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            abandon(future);
            throw new BudgetExceededException("stage " + name + " gave up on this input after its time budget of "
                    + budget.toMillis() + " ms; the input is abandoned, the stage goes on");
        } catch (InterruptedException e) {
            abandon(future);
            throw e;
        }
    }

    /** Abandoned calls whose threads still run. */
    int stuck() {
        return stuck;
    }

    private void abandon(Future<?> future) {
        future.cancel(true);
        executor.shutdownNow();
        executor = null;
        if (current != null) {
            abandoned.add(current);
        }
        current = null;
        countStuck();
    }

    private void countStuck() {
        abandoned.removeIf(thread -> !thread.isAlive());
        stuck = abandoned.size();
    }

    private void checkStuck() {
        countStuck();
        if (stuck > maxStuck) {
            throw new TooManyStuckException(stuck + " inputs of stage " + name + " are still running after their time budget of "
                    + budget.toMillis() + " ms ran out (at most " + maxStuck + " may); restart the process to free their threads");
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
