package io.capdex.batch;

import java.util.Locale;
import java.util.Optional;

/** What a file is to an interview: the {@code role} column of {@code capdex.csv} (DESIGN.md §4). */
public enum FileRole {
    VIDEO,
    CAPTIONS,
    TRANSCRIPT,
    PAGE;

    /** The lower-case name used in {@code capdex.csv} and messages. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FileRole> fromId(String id) {
        for (FileRole r : values()) {
            if (r.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
