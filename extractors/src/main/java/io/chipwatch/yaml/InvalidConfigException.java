package io.chipwatch.yaml;

import java.util.List;

/**
 * A configuration file (or option) is wrong: each problem names the file, the line where known,
 * the key's path and what is wrong. The CLI reports it without a stack trace and exits with 2.
 */
public class InvalidConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigException(String problem) {
        this(List.of(problem));
    }

    public InvalidConfigException(String problem, Throwable cause) {
        this(List.of(problem));
        initCause(cause);
    }

    /** Every problem found, in file order: "file:line: path: what is wrong". */
    public List<String> problems() {
        return problems;
    }
}
