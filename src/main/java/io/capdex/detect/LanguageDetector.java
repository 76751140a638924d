package io.capdex.detect;

import io.capdex.caption.Languages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Guesses the language of a text with Tika's OpenNLP detector (103 languages, Armenian included; the Optimaize
 * detector calls Armenian Estonian), folding its ISO 639-3 codes into BCP 47 through
 * {@link io.capdex.caption.Languages}. Thread-safe: the model (23 MB) loads once, on first use, and each call
 * uses a detector of its own.
 */
public final class LanguageDetector {
    /** Texts with fewer letters than this get no guess: too little to tell languages apart. */
    public static final int MIN_LETTERS = 20;

    /**
     * How many characters the detector reads. OpenNLP's accuracy is flat well before this; reading a whole
     * 3-hour transcript would only cost time.
     */
    static final int MAX_CHARS = 20_000;

    private LanguageDetector() {
    }

    /** The most likely language of the text with the detector's ranking, or empty for text with too few letters. */
    public static Optional<LanguageGuess> detect(String text) {
        if (letters(text) < MIN_LETTERS) {
            return Optional.empty();
        }
        OpenNLPDetector detector = new OpenNLPDetector();
        detector.setMaxLength(MAX_CHARS);
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        detector.addText(sample);
        List<LanguageGuess.RankedLanguage> ranked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LanguageResult result : detector.detectAll()) {
            String code = result.getLanguage();
            if (code == null || code.isBlank()) {
                continue;
            }
            String tag = Languages.toTag(code);
            // two codes of one macrolanguage (arb and ara) fold into one tag: its best score stands for it
            if (!tag.equals(Languages.UNDETERMINED_CODE) && seen.add(tag)) {
                ranked.add(new LanguageGuess.RankedLanguage(tag, code, result.getRawScore()));
            }
        }
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LanguageGuess(ranked.get(0).tag(), ranked));
    }

    private static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
