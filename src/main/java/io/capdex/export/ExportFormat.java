package io.capdex.export;

import java.util.Locale;
import java.util.Optional;

/** The formats {@code export} writes, with what kind of output each is. */
public enum ExportFormat {
    SRT("srt", Kind.CAPTIONS, "application/x-subrip"),
    VTT("vtt", Kind.CAPTIONS, "text/vtt"),
    /** SBV shows one cue at a time and has no positioning: the warning is merged above the captions. */
    SBV("sbv", Kind.CAPTIONS, "text/x-sbv"),
    TTML("ttml", Kind.CAPTIONS, "application/ttml+xml"),
    TXT("txt", Kind.TRANSCRIPT, "text/plain"),
    HTML("html", Kind.TRANSCRIPT, "text/html"),
    DOCX("docx", Kind.TRANSCRIPT, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    /** capdex's JSON view of the cues (and words), with the warning as a header field. */
    JSON("json", Kind.TRANSCRIPT, "application/json"),
    /** Video and audio stream-copied, one mov_text track per language (through {@link MediaExport}). */
    MP4("mp4", Kind.VIDEO, "video/mp4"),
    /** Video and audio stream-copied, one subtitle track per language (through {@link MediaExport}). */
    MKV("mkv", Kind.VIDEO, "video/x-matroska"),
    /** One language burned into the picture (through {@link MediaExport}). */
    MP4_BURNED("mp4", Kind.VIDEO, "video/mp4");

    /** What an output holds. */
    public enum Kind {
        /** A caption file: warning cues (plus a NOTE block in VTT, metadata in TTML). */
        CAPTIONS,
        /** A readable document: the warning in its header. */
        TRANSCRIPT,
        /** A video: stamped subtitle tracks or burned-in captions, written by the media package. */
        VIDEO
    }

    private final String extension;
    private final Kind kind;
    private final String mediaType;

    ExportFormat(String extension, Kind kind, String mediaType) {
        this.extension = extension;
        this.kind = kind;
        this.mediaType = mediaType;
    }

    /** The name on the command line and in JSON: {@code srt}, …, {@code mp4-burned}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String extension() {
        return extension;
    }

    public Kind kind() {
        return kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ExportFormat> fromId(String id) {
        for (ExportFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
