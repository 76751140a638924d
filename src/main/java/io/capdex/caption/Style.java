package io.capdex.caption;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The inline styling of a run of cue text, in a neutral form that SRT, WebVTT, SBV and TTML all map onto.
 *
 * @param color a CSS colour as the source wrote it ({@code #ff0000}, {@code red}), or null
 * @param voice a WebVTT voice annotation ({@code <v Name>}) when it is not the cue's single speaker, or null
 * @param classes WebVTT classes of a {@code <c.x.y>} span (or TTML style ids), in order
 * @param lang a WebVTT {@code <lang xx>} span's language, or null
 */
public record Style(boolean italic, boolean bold, boolean underline, @Nullable String color,
                    @Nullable String voice, List<String> classes, @Nullable String lang) {

    /** No styling at all. */
    public static final Style PLAIN = new Style(false, false, false, null, null, List.of(), null);

    public Style {
        classes = List.copyOf(classes);
    }

    public boolean isPlain() {
        return this == PLAIN || !italic && !bold && !underline && color == null && voice == null && classes.isEmpty()
                && lang == null;
    }

    public Style withItalic(boolean on) {
        return new Style(on, bold, underline, color, voice, classes, lang);
    }

    public Style withBold(boolean on) {
        return new Style(italic, on, underline, color, voice, classes, lang);
    }

    public Style withUnderline(boolean on) {
        return new Style(italic, bold, on, color, voice, classes, lang);
    }

    public Style withColor(@Nullable String newColor) {
        return new Style(italic, bold, underline, newColor, voice, classes, lang);
    }

    public Style withVoice(@Nullable String newVoice) {
        return new Style(italic, bold, underline, color, newVoice, classes, lang);
    }

    public Style withClasses(List<String> newClasses) {
        return new Style(italic, bold, underline, color, voice, newClasses, lang);
    }

    public Style withLang(@Nullable String newLang) {
        return new Style(italic, bold, underline, color, voice, classes, newLang);
    }

    /** True when both styles would be written with the same markup. */
    public boolean sameAs(Style other) {
        return italic == other.italic && bold == other.bold && underline == other.underline
                && Objects.equals(color, other.color) && Objects.equals(voice, other.voice)
                && classes.equals(other.classes) && Objects.equals(lang, other.lang);
    }

    // equals and hashCode are written out, with the meaning the record would give them: the generated ones link
    // through an invokedynamic bootstrap on their first call, 20 ms of every command that reads captions (issue #2),
    // and run through method-handle guards in C1-compiled code after that.
    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || o instanceof Style other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(italic, bold, underline, color, voice, classes, lang);
    }
}
