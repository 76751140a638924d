package io.capdex.batch;

import io.capdex.media.MediaInfo;
import io.capdex.media.StreamType;
import org.jspecify.annotations.Nullable;

/**
 * What discovery needs to know of a video: its audio language tag and creation time (a small record so tests can
 * fake the probe without FFmpeg).
 *
 * @param audioLanguage the first audio stream's {@code language} tag as stored (ISO 639-2, e.g. {@code eng}), or
 *     null when absent or {@code und}
 * @param creationTime the container's {@code creation_time} tag as stored ({@code 2025-03-14T09:30:00.000000Z}),
 *     or null; the pipeline takes the year from it when the page has no date
 * @param hasAudio whether the file has an audio stream at all (no audio: no sync)
 */
public record VideoFacts(@Nullable String audioLanguage, @Nullable String creationTime, boolean hasAudio) {

    /** The facts of a probe result. */
    public static VideoFacts of(MediaInfo info) {
        String language = info.firstStream(StreamType.AUDIO).map(s -> s.language()).orElse(null);
        return new VideoFacts(language, info.tags().get("creation_time"), info.hasAudio());
    }
}
