package io.capdex.caption;

import java.util.List;
import java.util.Objects;

/**
 * A repaired track and one {@code repaired} problem per change, naming the cue as it was in the input; the list is
 * capped like a reader's ({@link Problems#DEFAULT_CAP}, then one {@code more-problems} entry).
 */
public record RepairResult(Track track, List<ParseProblem> changes) {
    public RepairResult {
        Objects.requireNonNull(track, "track");
        changes = List.copyOf(changes);
    }

    public boolean changed() {
        return !changes.isEmpty();
    }
}
