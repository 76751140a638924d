package io.capdex.detect;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Text decoded from a file's bytes, with what the decoder found out about them.
 *
 * @param text the decoded text, without the byte order mark
 * @param charset the charset the bytes were decoded with ({@code windows-1252} where a detector said ISO-8859-1)
 * @param bom whether the bytes started with a byte order mark (stripped from {@code text})
 * @param replacedInvalid whether some bytes were not valid in {@code charset} and became U+FFFD
 * @param invalidCount how many invalid byte sequences were replaced (0 when none)
 * @param firstInvalidLine the 1-based line of the first replacement in {@code text}, or 0 when none
 */
public record DecodedText(String text, Charset charset, boolean bom, boolean replacedInvalid, int invalidCount,
                          int firstInvalidLine) {

    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        if (invalidCount < 0 || firstInvalidLine < 0 || replacedInvalid != (invalidCount > 0)
                || replacedInvalid != (firstInvalidLine > 0)) {
            throw new IllegalArgumentException(
                    "replacedInvalid " + replacedInvalid + ", count " + invalidCount + ", line " + firstInvalidLine);
        }
    }

    /** Text decoded without any replacement. */
    public DecodedText(String text, Charset charset, boolean bom) {
        this(text, charset, bom, false, 0, 0);
    }
}
