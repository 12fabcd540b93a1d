package io.chipwatch.model;

/** An input that cannot be turned into a record; the message says why, in one line. */
public class ExtractionException extends Exception {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
