package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;

import java.util.List;
import java.util.Objects;

/**
 * A stage that can handle the records of one poll together, when doing so is much cheaper than
 * one at a time (one durable store write for all of them instead of one each). The
 * {@link StageRunner} calls {@link #processAll} for every poll and keeps {@link #process} for
 * when a batch failed for good, to find the record at fault.
 *
 * <p>The runner's guarantees hold as for a plain stage: offsets are committed only once
 * {@code processAll} has returned and the outputs are acknowledged, so what it writes must be
 * durable when it returns; a record that fails for good goes to the DLQ on its own; a batch the
 * stage cannot handle for now is tried again, whole, and never skipped.
 */
public interface BatchStage extends Stage {

    /**
     * Handles these records together.
     *
     * @param inputs the records of one poll, in the order polled; never empty
     * @return one result per input, in the same order: its outputs, or why that record alone
     *         cannot be handled (it then goes to the DLQ while the others go on)
     * @throws TransientStageException if the batch cannot be handled for now; the runner tries the
     *                                 whole batch again with growing pauses
     * @throws Exception               if the batch failed for good without saying which record is at
     *                                 fault; the runner then gives each record to {@link #process} alone
     */
    List<Result> processAll(List<BusRecord> inputs) throws Exception;

    /** What became of one record of a batch: its outputs, or the error that sends it to the DLQ. */
    record Result(List<Output> outputs, Exception error) {

        public Result {
            if ((outputs == null) == (error == null)) {
                throw new IllegalArgumentException("a result has either outputs or an error, not " + (outputs == null ? "neither" : "both"));
            }
            outputs = outputs == null ? null : List.copyOf(outputs);
        }

        public static Result done(List<Output> outputs) {
            return new Result(Objects.requireNonNull(outputs, "outputs"), null);
        }

        public static Result failed(Exception error) {
            return new Result(null, Objects.requireNonNull(error, "error"));
        }
    }
}
