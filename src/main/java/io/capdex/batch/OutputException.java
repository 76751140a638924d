package io.capdex.batch;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An output file that was not written, with the reason in the diagnostic form {@code path: reason}. */
public final class OutputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    public OutputException(Path path, String reason) {
        this(path, reason, null);
    }

    public OutputException(Path path, String reason, @Nullable Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = Objects.requireNonNull(path, "path");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The output path as the caller gave it. */
    public Path path() {
        return path;
    }

    /** What went wrong, without the path: {@code exists; use --force to overwrite}. */
    public String reason() {
        return reason;
    }
}
