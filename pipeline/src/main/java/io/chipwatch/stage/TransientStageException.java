package io.chipwatch.stage;

/**
 * Thrown by a stage when the record is fine but something it depends on is not, for now (the
 * search store unreachable or overloaded). The runner keeps the record and tries it again with
 * growing pauses until it succeeds or the runner is stopped; it never dead-letters it.
 */
public class TransientStageException extends Exception {

    public TransientStageException(String message, Throwable cause) {
        super(message, cause);
    }
}
