package io.capdex.batch;

import io.capdex.caption.Format;
import io.capdex.caption.Source;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One caption file of an interview, as discovery found it.
 *
 * @param lang the BCP 47 tag from the name or {@code capdex.csv}; empty when neither gives one, and the pipeline
 *     detects it from the text ({@link #languageKnown()})
 * @param edited whether a person corrected it ({@code ID.LANG.edited.srt}, or {@code edited} in the CSV)
 * @param format the format of the content (which beats the extension), or of the name when content was not read
 * @param wordTimings whether the file carries per-word timings (WebVTT inline timestamps, TTML timed spans)
 * @param source {@code asr}, {@code mt} or {@code edited}; null only while {@code lang} is unknown and the spoken
 *     language is known, when {@link Interview#sourceFor} decides once the language is detected
 */
public record CaptionFile(Path path, String lang, boolean edited, Format format, boolean wordTimings,
                          @Nullable Source source) {
    public CaptionFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(format, "format");
    }

    /** False when the language must be detected from the captions' text. */
    public boolean languageKnown() {
        return !lang.isEmpty();
    }

    /**
     * How rich the file is, higher is richer: WebVTT with word timings, then TTML with word timings, WebVTT,
     * TTML, SRT, SBV. Word timings matter most (search moments, alignment); then positioning and styling, which
     * WebVTT and TTML carry and SRT only partly; SBV has neither. WebVTT ranks above TTML at equal information
     * because the model and the player use WebVTT's own names, so nothing is mapped on the way.
     */
    public int richness() {
        int base = switch (format) {
            case VTT -> 4;
            case TTML -> 3;
            case SRT -> 2;
            case SBV -> 1;
            case JSON -> 0;
        };
        return (wordTimings ? 10 : 0) + base;
    }

    /** The richness in words, for report messages: {@code WebVTT with word timings}. */
    public String describe() {
        String name = switch (format) {
            case VTT -> "WebVTT";
            case TTML -> "TTML";
            case SRT -> "SRT";
            case SBV -> "SBV";
            case JSON -> "JSON";
        };
        return wordTimings ? name + " with word timings" : name;
    }

    CaptionFile withSource(@Nullable Source newSource) {
        return new CaptionFile(path, lang, edited, format, wordTimings, newSource);
    }
}
