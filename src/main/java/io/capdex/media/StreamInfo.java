package io.capdex.media;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stream of a media file as FFmpeg reports it; fields that do not apply to the stream's type are null.
 *
 * @param index the stream index in the container (FFmpeg's numbering, from 0)
 * @param codec FFmpeg's codec name, e.g. {@code h264}, {@code aac}, {@code mov_text}
 * @param language the stream's {@code language} tag as stored (ISO 639-2, e.g. {@code eng}), or null when
 *     absent or {@code und}
 * @param fps the average frame rate ({@code avg_frame_rate}), rounded to 3 decimals; null if unknown
 * @param rotation clockwise degrees (0, 90, 180 or 270) a player turns the picture by, from the display
 *     matrix (or a legacy {@code rotate} tag); null for non-video streams
 * @param bitRate bits per second, or null when the container does not say
 * @param durationMs the stream's own duration, or null when unknown
 * @param title the stream's {@code title} tag (e.g. a subtitle track's name), or null
 * @param disposition FFmpeg disposition flags set on the stream, e.g. {@code default}, {@code forced},
 *     {@code attached_pic} (cover art)
 * @param tags every stream-level tag, in file order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamInfo(
        int index,
        StreamType type,
        String codec,
        @Nullable String language,
        @Nullable Integer channels,
        @Nullable Integer sampleRate,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Double fps,
        @Nullable Integer rotation,
        @Nullable Long bitRate,
        @Nullable Long durationMs,
        @Nullable String title,
        List<String> disposition,
        Map<String, String> tags) {
    public StreamInfo {
        disposition = List.copyOf(disposition);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** True for a cover picture stored as a one-frame video stream (not a real video). */
    @JsonIgnore // already in "disposition"; the probe JSON lists components only
    public boolean isAttachedPicture() {
        return disposition.contains("attached_pic");
    }
}
