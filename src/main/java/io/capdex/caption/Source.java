package io.capdex.caption;

import java.util.Locale;
import java.util.Optional;

/** Where a track's text came from (DESIGN.md §2). */
public enum Source {
    /** AI captions of the spoken language. */
    ASR,
    /** Machine translation into another language. */
    MT,
    /** A caption file a person corrected. */
    EDITED,
    /** Transcript words with caption timing, made by {@code align}. */
    ALIGNED;

    /** The lower-case name used in files, JSON and track ids. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the text was made by AI (speech recognition or machine translation). */
    public boolean isAiMade() {
        return this == ASR || this == MT;
    }

    public static Optional<Source> fromId(String id) {
        for (Source s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
