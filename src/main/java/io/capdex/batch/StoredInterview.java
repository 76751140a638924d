package io.capdex.batch;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One interview in the {@link TrackStore}: its facts, its processed tracks and its transcripts' text. The facts'
 * track list is always the tracks' own facts.
 *
 * @param transcripts transcript text by language ({@code ""} when the transcript names none)
 */
public record StoredInterview(InterviewRecord record, List<StoredTrack> tracks, Map<String, String> transcripts) {
    public StoredInterview {
        Objects.requireNonNull(record, "record");
        tracks = List.copyOf(tracks);
        transcripts = Collections.unmodifiableMap(new TreeMap<>(transcripts));
        record = record.withTracks(tracks.stream().map(StoredTrack::facts).toList());
        long distinct = tracks.stream().map(StoredTrack::fileName).distinct().count();
        if (distinct != tracks.size()) {
            throw new IllegalArgumentException("two tracks with the same language and source in " + record.id());
        }
    }

    public String id() {
        return record.id();
    }
}
