package io.capdex.batch;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One track in the ingest report: {@code {"lang","source","path","cues","problems","sync","wer"}}, where
 * {@code problems} is {@code {"errors","warnings","codes":{code: count}}}.
 *
 * @param path the input file, or empty for a track capdex made
 * @param sync what sync did, or null when not synced
 * @param wer the word error rate against the transcript (0–1), or null
 */
public record ReportTrack(String lang, String source, String path, int cues, int errors, int warnings,
                          Map<String, Integer> problemCodes, @Nullable SyncFacts sync, @Nullable Double wer) {
    public ReportTrack {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        problemCodes = Collections.unmodifiableMap(new TreeMap<>(problemCodes));
    }

    /** The report line of a stored track. */
    public static ReportTrack of(TrackFacts facts) {
        return new ReportTrack(facts.lang(), facts.source(), facts.path(), facts.cues(), facts.errors(),
                facts.warnings(), facts.problemCodes(), facts.sync(), facts.wer());
    }
}
