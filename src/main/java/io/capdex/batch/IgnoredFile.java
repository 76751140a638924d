package io.capdex.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file discovery did not use, with the reason for people: a poorer copy of a track, an unknown kind of file,
 * a file with no interview to join. Listed in the report, never fatal.
 */
public record IgnoredFile(Path path, String reason) {
    public IgnoredFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** The diagnostic line {@code path: reason}. */
    public String message() {
        return path + ": " + reason;
    }
}
