package io.capdex.media;

import io.capdex.caption.Track;
import java.util.Objects;

/**
 * One soft subtitle track to add: its (already stamped) cues, the language from {@link Track#language()}
 * (BCP 47, written as ISO 639-2/T in MP4 and 639-2/B in MKV) and the title players list it by.
 *
 * @param title e.g. "English (AI-generated)"; written as {@code handler_name} in MP4 and {@code title} in MKV
 * @param defaultTrack whether players should pick this track by default
 */
public record SubtitleTrackSpec(Track track, String title, boolean defaultTrack) {
    public SubtitleTrackSpec {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(title, "title");
    }

    /** A non-default track. */
    public static SubtitleTrackSpec of(Track track, String title) {
        return new SubtitleTrackSpec(track, title, false);
    }
}
