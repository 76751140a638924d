package io.capdex.export;

import io.capdex.caption.Track;
import java.util.Objects;

/**
 * One stamped subtitle track for a video output.
 *
 * @param track the track with the warning stamped (merged above the captions for MP4's mov_text, which plays one
 *     sample at a time; separate top cues for MKV and burn-in)
 * @param title the track title, marked AI-generated ({@code English — AI-generated subtitles}); MP4 puts it in
 *     {@code handler_name}, MKV in {@code title}
 * @param warning the warning text stamped, with whether English stood in for the track's language
 */
public record SubtitleTrack(Track track, String title, WarningText warning) {
    public SubtitleTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(warning, "warning");
    }
}
