package io.capdex.caption;

import java.io.IOException;

/**
 * Writes a track in one caption format, canonically and strictly: what a writer writes its reader reads back
 * with no problems. Implementations are stateless and thread-safe.
 */
public interface CaptionWriter {
    void write(Track track, Appendable out, WriteOptions options) throws IOException;

    /** The whole track as a string, with default options. */
    default String write(Track track) {
        return write(track, WriteOptions.defaults());
    }

    default String write(Track track, WriteOptions options) {
        StringBuilder sb = new StringBuilder(Math.max(64, track.cues().size() * 64));
        try {
            write(track, sb, options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder never throws
        }
        return sb.toString();
    }
}
