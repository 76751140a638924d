package io.capdex.media;

/** The containers capdex writes soft subtitle tracks into, with the subtitle codec each one carries. */
public enum ContainerKind {
    /** MP4 with mov_text subtitles (the only text codec browsers and phones play in MP4). */
    MP4("mp4"),
    /** Matroska with SubRip (default) or WebVTT subtitles, see {@link MuxOptions#mkvCodec()}. */
    MKV("matroska");

    private final String muxer;

    ContainerKind(String muxer) {
        this.muxer = muxer;
    }

    /** FFmpeg's muxer name. */
    String muxer() {
        return muxer;
    }
}
