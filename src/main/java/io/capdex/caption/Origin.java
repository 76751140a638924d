package io.capdex.caption;

import java.util.Objects;

/**
 * Where a track was read from: its format and how its bytes were laid out.
 *
 * @param encoding the charset name the text was decoded with ({@code UTF-8}, {@code windows-1252}, …)
 * @param bom whether the file started with a byte order mark
 * @param lineEndings {@code LF}, {@code CRLF}, {@code CR}, {@code mixed} or {@code none}
 */
public record Origin(Format format, String encoding, boolean bom, String lineEndings) {
    public Origin {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(lineEndings, "lineEndings");
    }

    /** A track made in memory, as if read from canonical UTF-8 with LF. */
    public static Origin of(Format format) {
        return new Origin(format, "UTF-8", false, "LF");
    }

    /** Names the line endings of the text: LF, CRLF, CR, mixed or none. */
    public static String lineEndingsOf(CharSequence text) {
        if (text instanceof String s && s.indexOf('\r') < 0) {
            // no CR at all, the common case: String.indexOf is vectorised, a char loop over 19 MB is not
            return s.indexOf('\n') >= 0 ? "LF" : "none";
        }
        boolean lf = false, crlf = false, cr = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    crlf = true;
                    i++;
                } else {
                    cr = true;
                }
            } else if (c == '\n') {
                lf = true;
            }
        }
        int kinds = (lf ? 1 : 0) + (crlf ? 1 : 0) + (cr ? 1 : 0);
        if (kinds == 0) {
            return "none";
        }
        if (kinds > 1) {
            return "mixed";
        }
        return lf ? "LF" : crlf ? "CRLF" : "CR";
    }
}
