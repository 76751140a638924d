package io.capdex.batch;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One interview in the ingest report: {@code {"id","status","video","tracks","messages"}} plus its collection and
 * title.
 *
 * @param video the video's path, or null for a caption-only interview
 * @param messages what a person should know, one sentence each (ignored files, notes, the failure's reason)
 */
public record ReportInterview(String id, IngestStatus status, @Nullable String video, List<ReportTrack> tracks,
                              List<String> messages, String collection, String title) {
    public ReportInterview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(title, "title");
        tracks = List.copyOf(tracks);
        messages = List.copyOf(messages);
    }

    /** The report entry of a stored interview, with the status this run gave it. */
    public static ReportInterview of(InterviewRecord record, IngestStatus status, List<String> messages) {
        return new ReportInterview(record.id(), status, record.video(),
                record.tracks().stream().map(ReportTrack::of).toList(), messages, record.collection(),
                record.title());
    }

    /** A failed interview: nothing stored, the reason as its message. */
    public static ReportInterview failed(Interview interview, String reason) {
        List<String> messages = new java.util.ArrayList<>();
        messages.add(reason);
        messages.addAll(interview.messages());
        return new ReportInterview(interview.id(), IngestStatus.FAILED,
                interview.video() == null ? null : interview.video().toString(), List.of(), messages,
                interview.collection(), "");
    }
}
