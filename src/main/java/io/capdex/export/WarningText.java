package io.capdex.export;

import java.util.Objects;

/**
 * One warning text (or short label) as it goes into a file.
 *
 * @param language the language of {@code text}: the one asked for, or {@code en} when it fell back
 * @param text the text with the organisation name filled in
 * @param fellBack true when no text exists for the language asked for and English was used instead; the export
 *     reports it
 */
public record WarningText(String language, String text, boolean fellBack) {
    public WarningText {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a blank warning text");
        }
    }
}
