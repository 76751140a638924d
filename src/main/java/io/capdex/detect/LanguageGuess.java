package io.capdex.detect;

import java.util.List;
import java.util.Objects;

/**
 * The language detector's answer: the most likely language and the ranking it came from.
 *
 * @param tag the BCP 47 tag of the most likely language ({@code en}, {@code hy})
 * @param ranked every language the detector ranked, most likely first, one entry per tag; the first is
 *     {@code tag}
 */
public record LanguageGuess(String tag, List<RankedLanguage> ranked) {

    /**
     * One language in the ranking.
     *
     * @param tag BCP 47
     * @param iso639Part3 the ISO 639-3 code the detector gave ({@code cmn} for the tag {@code zh})
     * @param score the detector's probability, 0 to 1; comparable within one ranking only (OpenNLP says nothing
     *     about its own certainty, so a low top score on short or mixed text is the only warning sign)
     */
    public record RankedLanguage(String tag, String iso639Part3, double score) {
        public RankedLanguage {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(iso639Part3, "iso639Part3");
        }
    }

    public LanguageGuess {
        Objects.requireNonNull(tag, "tag");
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty() || !ranked.get(0).tag().equals(tag)) {
            throw new IllegalArgumentException(tag + " is not the first of " + ranked);
        }
    }

    /** The detector's probability for {@link #tag()}. */
    public double score() {
        return ranked.get(0).score();
    }
}
