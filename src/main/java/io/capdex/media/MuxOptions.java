package io.capdex.media;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link SubtitleMuxer} writes its output.
 *
 * @param containerTags container metadata, e.g. {@code comment} and {@code description} with the AI-subtitle
 *     warning; MP4 stores them in its iTunes-style {@code ilst}, MKV as Matroska tags
 * @param mkvCodec the subtitle codec for MKV (MP4 always uses mov_text)
 * @param faststart for MP4, put the index ({@code moov}) before the media data so players start at once
 */
public record MuxOptions(Map<String, String> containerTags, MkvCodec mkvCodec, boolean faststart) {
    /** Text subtitle codecs Matroska can carry. */
    public enum MkvCodec {
        SUBRIP("subrip"),
        WEBVTT("webvtt");

        private final String encoder;

        MkvCodec(String encoder) {
            this.encoder = encoder;
        }

        String encoder() {
            return encoder;
        }
    }

    public MuxOptions {
        Objects.requireNonNull(mkvCodec, "mkvCodec");
        containerTags = Collections.unmodifiableMap(new LinkedHashMap<>(containerTags));
    }

    /** No container tags, SubRip in MKV, faststart MP4. */
    public static MuxOptions defaults() {
        return new MuxOptions(Map.of(), MkvCodec.SUBRIP, true);
    }

    public MuxOptions withContainerTags(Map<String, String> tags) {
        return new MuxOptions(tags, mkvCodec, faststart);
    }

    public MuxOptions withMkvCodec(MkvCodec codec) {
        return new MuxOptions(containerTags, codec, faststart);
    }

    public MuxOptions withFaststart(boolean on) {
        return new MuxOptions(containerTags, mkvCodec, on);
    }
}
