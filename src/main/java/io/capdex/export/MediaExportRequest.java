package io.capdex.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link MediaExport} needs to write one video output.
 *
 * @param video the source video, stream-copied (or re-encoded for burn-in); never written
 * @param format {@link ExportFormat#MP4}, {@link ExportFormat#MKV} or {@link ExportFormat#MP4_BURNED}
 * @param tracks the stamped subtitle tracks in output order; for burn-in exactly one
 * @param comment the container {@code comment}/{@code description}: the English warning plus each track's
 *     language
 * @param target where to write: a temporary file the caller renames into place
 */
public record MediaExportRequest(Path video, ExportFormat format, List<SubtitleTrack> tracks, String comment,
                                 Path target) {
    public MediaExportRequest {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(target, "target");
        tracks = List.copyOf(tracks);
        if (format.kind() != ExportFormat.Kind.VIDEO) {
            throw new IllegalArgumentException(format.id() + " is not a video format");
        }
        if (tracks.isEmpty() || format == ExportFormat.MP4_BURNED && tracks.size() != 1) {
            throw new IllegalArgumentException(format.id() + " takes " + (format == ExportFormat.MP4_BURNED
                    ? "exactly one track" : "at least one track") + ", not " + tracks.size());
        }
    }
}
