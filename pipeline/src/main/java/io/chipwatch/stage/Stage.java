package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;

import java.util.List;

/**
 * One step of the pipeline: a function from one input record to zero or more output records.
 * A stage knows nothing of consumers, producers or offsets; a {@link StageRunner} owns those.
 * A stage may be called again with a record it has already seen (delivery is at least once), so
 * its effects must be idempotent.
 */
@FunctionalInterface
public interface Stage {

    /**
     * The name used in logs and dead-letter entries. Defaults to the class's simple name; a lambda
     * gets the name of the class that defined it, as its own class name is generated and changes.
     */
    default String name() {
        String name = getClass().getSimpleName();
        int generated = name.indexOf("$$Lambda");
        return generated < 0 ? name : name.substring(0, generated) + "-lambda";
    }

    /**
     * Whether a call may be abandoned half-way when it runs past its time budget: true for a pure
     * function of its input (its thread is left to finish alone, with no effect on anything), false
     * (the default) for a stage with effects, such as a store write. A runner gives an abandonable
     * stage {@link StageRunner#DEFAULT_RECORD_BUDGET} unless told otherwise.
     */
    default boolean abandonable() {
        return false;
    }

    /**
     * Maps one input record to its outputs.
     *
     * @return the records to publish, possibly empty, never null
     * @throws Exception if the record cannot be handled; the runner sends it to the dead-letter topic
     */
    List<Output> process(BusRecord input) throws Exception;

    /** A record to publish: topic, key (an article id) and JSON value. */
    record Output(String topic, String key, String value) {
    }
}
