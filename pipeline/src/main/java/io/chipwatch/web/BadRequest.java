package io.chipwatch.web;

/** A request the API refuses, naming the parameter at fault and why; answered with 400 (or the given status). */
final class BadRequest extends RuntimeException {

    private final String parameter;
    private final int status;

    BadRequest(String parameter, String reason) {
        this(400, parameter, reason);
    }

    BadRequest(int status, String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
        this.status = status;
    }

    String parameter() {
        return parameter;
    }

    int status() {
        return status;
    }
}
