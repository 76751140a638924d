package io.capdex.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem with an input of discovery itself (a {@code capdex.csv} row, a root that does not exist), in the
 * compiler form of DESIGN.md §3.
 *
 * @param line the 1-based line, or 0 when no line applies
 */
public record Diagnostic(Path path, int line, String message) {
    public Diagnostic {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line " + line);
        }
    }

    /** {@code path:line: message}, or {@code path: message} when no line applies. */
    @Override
    public String toString() {
        return line > 0 ? path + ":" + line + ": " + message : path + ": " + message;
    }
}
