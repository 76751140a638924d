package io.capdex.caption;

import java.util.Objects;

/** A piece of one line of cue text with one style. Text holds no line breaks and no markup. */
public record Run(String text, Style style) {
    public Run {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a run holds no line break: " + text);
        }
    }

    public static Run plain(String text) {
        return new Run(text, Style.PLAIN);
    }
}
