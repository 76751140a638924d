package io.capdex.detect;

import io.capdex.caption.Format;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A caption syntax recognised from a file's text: every format capdex reads, plus the ones it refuses by name. */
public enum CaptionSyntax {
    SRT(Format.SRT, "SubRip", "application/x-subrip"),
    VTT(Format.VTT, "WebVTT", "text/vtt"),
    SBV(Format.SBV, "SBV", "text/x-sbv"),
    TTML(Format.TTML, "TTML", "application/ttml+xml"),
    JSON(Format.JSON, "capdex JSON", "application/json"),
    /** Advanced SubStation Alpha and SubStation Alpha: recognised so the caller can say it is not supported. */
    ASS(null, "ASS/SSA", "text/x-ssa");

    private final @Nullable Format format;
    private final String displayName;
    private final String mediaType;

    CaptionSyntax(@Nullable Format format, String displayName, String mediaType) {
        this.format = format;
        this.displayName = displayName;
        this.mediaType = mediaType;
    }

    /** The format capdex reads this syntax with, or empty when capdex does not support it. */
    public Optional<Format> format() {
        return Optional.ofNullable(format);
    }

    public boolean isSupported() {
        return format != null;
    }

    /** The name people know the syntax by, for messages: {@code ASS/SSA captions are not supported}. */
    public String displayName() {
        return displayName;
    }

    /** The media type reported for files of this syntax ({@code application/x-subrip}, {@code text/vtt}, …). */
    public String mediaType() {
        return mediaType;
    }

    /** The syntax of a supported format. */
    public static CaptionSyntax of(Format format) {
        for (CaptionSyntax s : values()) {
            if (s.format == format) {
                return s;
            }
        }
        throw new IllegalArgumentException("no syntax for " + format);
    }
}
