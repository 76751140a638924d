package io.capdex.caption;

import java.util.Objects;

/** A word with its own timing inside a cue (WebVTT inline timestamps, alignment output). */
public record Word(long startMs, long endMs, String text) {
    public Word {
        Objects.requireNonNull(text, "text");
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("bad word timing " + startMs + ".." + endMs);
        }
    }

    public Word shiftedBy(long deltaMs) {
        return new Word(startMs + deltaMs, endMs + deltaMs, text);
    }
}
