package io.capdex.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The word normalisation of the usual WER definition: NFC, lower case, apostrophes removed, every character that
 * is not a letter or digit turned into a space, accents kept, numbers not rewritten.
 */
public final class WordNormalizer {
    private WordNormalizer() {
    }

    /** The normalised words of a text, in order; empty for text without letters or digits. */
    public static List<String> words(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isApostrophe(cp)) {
                continue; // "don't" is one word, "dont", as in the usual WER normalisers
            }
            if (isWordChar(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '`' || cp == '\u00B4';
    }

    /**
     * Letters and digits, plus combining marks: NFC leaves a few letter+mark pairs without a precomposed form, and
     * splitting a word at its accent would count one word as two.
     */
    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
