package io.capdex.batch;

import io.capdex.sync.SyncResult;
import java.util.List;
import java.util.Objects;

/**
 * What syncing did to a track, shaped like the {@code sync} JSON of DESIGN.md §3, plus the one-line summary for
 * people.
 */
public record SyncFacts(boolean applied, double confidence, double scale, List<Segment> segments, int dropped,
                        String reason, String summary) {

    /** From caption time {@code fromMs} on, times move by {@code offsetMs} after scaling. */
    public record Segment(long fromMs, long offsetMs) {
    }

    public SyncFacts {
        segments = List.copyOf(segments);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(summary, "summary");
    }

    public static SyncFacts of(SyncResult result) {
        return new SyncFacts(result.applied(), result.confidence(), result.scale(),
                result.segments().stream().map(s -> new Segment(s.fromMs(), s.offsetMs())).toList(),
                result.dropped(), result.reason(), result.summary());
    }
}
