package io.capdex.align;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One transcript token as displayed ({@code "leukaemia,"}) with the time it is spoken and who speaks it.
 *
 * @param paragraphStart true for the first token of a transcript paragraph
 */
public record TimedToken(String text, long startMs, long endMs, @Nullable String speaker, boolean paragraphStart) {
    public TimedToken {
        Objects.requireNonNull(text, "text");
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("bad token timing " + startMs + ".." + endMs);
        }
    }
}
