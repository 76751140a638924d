package io.capdex.detect;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a file is, from its name and first bytes.
 *
 * @param mediaType the detected media type without parameters ({@code video/mp4}, {@code application/pdf},
 *     {@code text/plain}, {@code application/x-subrip}); {@code application/octet-stream} when unknown or binary
 * @param kind the coarse class callers branch on
 * @param caption the caption syntax sniffed from the decoded text, or null when the file holds no captions
 */
public record FileKind(String mediaType, Kind kind, @Nullable CaptionSyntax caption) {

    /** The coarse classes of files capdex meets in an interview folder. */
    public enum Kind {
        /** A caption file (supported or not: see {@link CaptionSyntax#isSupported()}). */
        CAPTION,
        VIDEO,
        AUDIO,
        /** PDF, Word, OpenDocument, RTF, HTML: transcripts and interview pages. */
        DOCUMENT,
        /** Other text: plain text, XML, JSON, CSV. */
        TEXT,
        /** Anything else, binary data included. */
        OTHER
    }

    public FileKind {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.CAPTION) != (caption != null)) {
            throw new IllegalArgumentException(kind + " with caption syntax " + caption);
        }
    }

    public Optional<CaptionSyntax> captionSyntax() {
        return Optional.ofNullable(caption);
    }

    /** True for files whose bytes are text (captions included), false for media, documents and binary data. */
    public boolean isText() {
        return kind == Kind.CAPTION || kind == Kind.TEXT;
    }
}
