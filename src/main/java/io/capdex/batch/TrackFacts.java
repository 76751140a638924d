package io.capdex.batch;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What was done to one stored track: where it came from, how many cues it has, what repair changed, what sync
 * found, and how many problems QC reported.
 *
 * @param source {@code asr}, {@code mt}, {@code edited} or {@code aligned}
 * @param path the input file, or empty for a track capdex made ({@code aligned})
 * @param format the input's format ({@code srt}, {@code vtt}, …)
 * @param repairChanges how many changes repair made
 * @param problemCodes problem counts by code ({@code overlapping-cues} → 3), reading and QC together
 * @param sync the sync outcome, or null when not synced ({@code --no-sync}, caption-only, no audio)
 * @param wer the word error rate against the transcript (0–1), or null without a transcript
 */
public record TrackFacts(String lang, String source, String path, String format, int cues, int repairChanges,
                         int errors, int warnings, Map<String, Integer> problemCodes, @Nullable SyncFacts sync,
                         @Nullable Double wer) {
    public TrackFacts {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        problemCodes = java.util.Collections.unmodifiableMap(new TreeMap<>(problemCodes));
    }
}
