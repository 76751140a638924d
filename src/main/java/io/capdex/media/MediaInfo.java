package io.capdex.media;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Facts about one media file, shaped like the {@code probe} JSON of DESIGN.md §3.
 *
 * @param path the file as it was given
 * @param container a friendly container name ({@code mp4}, {@code mov}, {@code m4a}, {@code mkv}, {@code webm},
 *     {@code wav}, {@code mp3}, {@code ts}, ...) decided from the content (FFmpeg's demuxer, the MP4 brand) and,
 *     only within one demuxer family, the file extension
 * @param formatName FFmpeg's raw demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param durationMs the container's duration, or null when the file does not say
 * @param startMs where the container's clock starts: 0 for MP4/MKV, e.g. 1,400 for MPEG-TS (whose t=0 of the
 *     presentation is then this time); null when unknown
 * @param hasAudio whether any audio stream exists
 * @param bitRate the overall bits per second, or null when unknown
 * @param streams every stream, in index order
 * @param tags container-level tags (title, creation_time, comment, encoder, ...), in file order
 */
public record MediaInfo(
        String path,
        String container,
        String formatName,
        @Nullable Long durationMs,
        @Nullable Long startMs,
        boolean hasAudio,
        @Nullable Long bitRate,
        List<StreamInfo> streams,
        Map<String, String> tags) {
    public MediaInfo {
        streams = List.copyOf(streams);
        // Keeps the file's tag order for display; LinkedHashMap because Map.copyOf would shuffle it.
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The first stream of a type that is not cover art, if any. */
    public Optional<StreamInfo> firstStream(StreamType type) {
        return streams.stream().filter(s -> s.type() == type && !s.isAttachedPicture()).findFirst();
    }

    /** Whether a real (non cover-art) video stream exists. */
    public boolean hasVideo() {
        return firstStream(StreamType.VIDEO).isPresent();
    }
}
