package io.capdex.batch;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An interview's facts as stored in {@code DATA/tracks/ID/interview.json}: everything {@code list}, {@code show}
 * and the incremental skip need without reading a track.
 *
 * @param schemaVersion the store's layout version ({@link TrackStore#SCHEMA_VERSION} when written)
 * @param year the year the pipeline settled on (the page's date, else the video's creation time), or null
 * @param video the video's path, or null for a caption-only interview
 * @param inputs every input file with its content hash
 * @param tracks what was done to each stored track, in the order of the track files
 * @param status {@code ok}, {@code warning} or {@code failed}
 * @param recipe what the pipeline's settings were ({@code sync=on;…}): a different recipe re-ingests
 * @param ingestedAt when, as an ISO-8601 instant
 */
public record InterviewRecord(int schemaVersion, String id, String title, String collection, @Nullable Integer year,
                              @Nullable String video, String spokenLanguage, PageFacts page, List<InputHash> inputs,
                              List<TrackFacts> tracks, String status, List<String> messages, String recipe,
                              String ingestedAt) {
    public InterviewRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(spokenLanguage, "spokenLanguage");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        inputs = List.copyOf(inputs);
        tracks = List.copyOf(tracks);
        messages = List.copyOf(messages);
    }

    public InterviewRecord withTracks(List<TrackFacts> newTracks) {
        return new InterviewRecord(schemaVersion, id, title, collection, year, video, spokenLanguage, page, inputs,
                newTracks, status, messages, recipe, ingestedAt);
    }
}
