package io.capdex.caption;

import java.util.Objects;

/**
 * Something a reader, QC rule or repair found in a caption file.
 *
 * @param line the 1-based line in the file, or 0 when no line applies
 * @param code a stable kebab-case id from {@link ProblemCode}
 * @param message what was found and what capdex did, e.g. {@code end before start (…); cue skipped}
 */
public record ParseProblem(int line, Severity severity, String code, String message) {
    public ParseProblem {
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static ParseProblem of(int line, ProblemCode code, String message) {
        return new ParseProblem(line, code.severity(), code.id(), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
