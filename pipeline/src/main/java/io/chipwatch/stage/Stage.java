package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;

import java.util.List;

/**
 * One step of the pipeline: a function from an input record to output records. Transport,
 * commits and the dead-letter queue belong to {@link StageRunner}, not to stages.
 */
public interface Stage {

    String name();

    List<Output> process(BusRecord input) throws Exception;

    /** A record to publish. */
    record Output(String topic, String key, String value) {
    }
}
