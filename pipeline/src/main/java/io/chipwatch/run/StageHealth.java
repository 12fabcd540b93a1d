package io.chipwatch.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipwatch.ops.OpsServer;
import io.chipwatch.stage.StageRunner;

import java.util.Map;
import java.util.Optional;

/**
 * The health of a process's stages, as {@code /health} shows it: DOWN as soon as one runner has
 * stopped without being asked to (its reason is shown), UP otherwise. A stage with inputs
 * abandoned after their time budget is still UP, and says how many are still running.
 */
final class StageHealth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StageHealth() {
    }

    static OpsServer.Health of(Map<String, StageRunner> runners) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode stages = root.putObject("stages");
        boolean up = true;
        for (Map.Entry<String, StageRunner> e : runners.entrySet()) {
            StageRunner runner = e.getValue();
            Optional<Throwable> failure = runner.failure();
            up &= failure.isEmpty();
            ObjectNode stage = stages.putObject(e.getKey());
            stage.put("status", failure.isEmpty() ? "UP" : "DOWN");
            stage.put("processed", runner.processed());
            stage.put("failed", runner.failed());
            if (runner.stuckRecords() > 0) {
                stage.put("stuck", runner.stuckRecords());
            }
            failure.ifPresent(f -> stage.put("reason", f.getClass().getName() + (f.getMessage() == null ? "" : ": " + f.getMessage())));
        }
        root.put("status", up ? "UP" : "DOWN");
        return new OpsServer.Health(up, root.toString());
    }

    /** The first runner that stopped without being asked to, as "stage: reason"; empty while all run. */
    static Optional<String> firstStopped(Map<String, StageRunner> runners) {
        for (Map.Entry<String, StageRunner> e : runners.entrySet()) {
            Optional<Throwable> failure = e.getValue().failure();
            if (failure.isPresent()) {
                Throwable f = failure.get();
                return Optional.of(e.getKey() + ": " + f.getClass().getName() + (f.getMessage() == null ? "" : ": " + f.getMessage()));
            }
        }
        return Optional.empty();
    }
}
