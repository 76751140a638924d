package io.capdex.caption;

import java.io.IOException;
import java.util.Optional;

/**
 * Writes a track in one caption format, canonically and strictly: what a writer writes its reader reads back
 * with no problems. Implementations are stateless and thread-safe.
 */
public interface CaptionWriter {
    void write(Track track, Appendable out, WriteOptions options) throws IOException;

    /**
     * A writer that takes the cues one at a time, for conversions that never hold the whole track: it writes what
     * comes before the cues of {@code header} (whose own cues are ignored) and returns, or is empty when this format
     * needs the whole track before its first cue (the default). Writing a track's cues through it gives the same
     * output as {@link #write(Track, Appendable, WriteOptions)}, unless a cue needs something only the whole track
     * would have put in the header; {@link CueStream#write} then says so and writes nothing.
     */
    default Optional<CueStream> open(Track header, Appendable out, WriteOptions options) throws IOException {
        return Optional.empty();
    }

    /** The cue-by-cue side of a streaming writer; one per output, not thread-safe. */
    interface CueStream {
        /**
         * Writes the next cue, or returns false, writing nothing, when the cue cannot be written the way the
         * whole-track writer would write it (WebVTT: a colour that needs a rule in a STYLE block before the
         * first cue); the caller then writes the whole track instead.
         */
        boolean write(Cue cue) throws IOException;

        /** Writes what comes after the last cue, if anything. */
        void finish() throws IOException;
    }

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
