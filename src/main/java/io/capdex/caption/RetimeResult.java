package io.capdex.caption;

import java.util.List;
import java.util.Objects;

/** A re-timed track and the cues that had to be clamped to 0 or dropped ({@code clamped}, {@code dropped}). */
public record RetimeResult(Track track, List<ParseProblem> problems) {
    public RetimeResult {
        Objects.requireNonNull(track, "track");
        problems = List.copyOf(problems);
    }
}
