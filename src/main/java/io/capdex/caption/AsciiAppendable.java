package io.capdex.caption;

import java.io.IOException;

/**
 * An output that takes text known to be ASCII more cheaply than other text: a UTF-8 file output need not look at
 * such text again to encode it (its bytes are its characters). Writers that already look at every character (to
 * escape it) say so when a cue turned out to be ASCII, and append it with {@link #appendAscii}.
 */
public interface AsciiAppendable extends Appendable {
    /** Appends {@code text}, every character of which is below U+0080 (the caller has checked). */
    void appendAscii(CharSequence text) throws IOException;
}
