package io.capdex.media;

import io.capdex.caption.Cue;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The cues of one subtitle stream read back from a media file.
 *
 * @param streamIndex the container's stream index
 * @param codec FFmpeg's codec name: {@code mov_text}, {@code subrip}, {@code webvtt}, {@code ass}
 * @param language the container's language tag as stored (ISO 639-2: {@code eng}, {@code ger}), or null
 * @param title the track title ({@code title}, else MP4's {@code handler_name}), or null
 * @param cues plain-text lines; a top-positioned cue ({@code {\an8}}) has the setting {@code line:0}
 */
public record SubtitleStreamCues(int streamIndex, String codec, @Nullable String language, @Nullable String title,
        List<Cue> cues) {
    public SubtitleStreamCues {
        Objects.requireNonNull(codec, "codec");
        cues = List.copyOf(cues);
    }
}
