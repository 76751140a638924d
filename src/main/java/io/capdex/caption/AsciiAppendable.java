package io.capdex.caption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An output that takes text known to be ASCII more cheaply than other text: a UTF-8 file output need not look at
 * such text again to encode it (its bytes are its characters). Writers that already look at every character (to
 * escape it) say so when a cue turned out to be ASCII, and append it with {@link #appendAscii}, or lay it out as
 * bytes in an {@link AsciiBuffer} and append those.
 */
public interface AsciiAppendable extends Appendable {
    /** Appends {@code text}, every character of which is below U+0080 (the caller has checked). */
    void appendAscii(CharSequence text) throws IOException;

    /**
     * Appends the characters of {@code bytes[from, to)}, every one of which is below 0x80 (the caller has checked).
     * This default takes them as text; a byte output copies them.
     */
    default void appendAscii(byte[] bytes, int from, int to) throws IOException {
        appendAscii(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
    }
}
