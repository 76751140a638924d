package io.capdex.align;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How words sound when spoken and recognised: numbers 0–100 as English and Spanish words ({@code 19} is
 * {@code nineteen}, {@code diecinueve}), a percent sign as {@code percent} / {@code por ciento}, and a rough
 * phonetic key for misheard words ({@code lookemia} and {@code leukemia} share {@code LKM}).
 */
final class SpokenForms {
    private static final String[] EN_UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] EN_TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final String[] ES_UNITS = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete",
        "ocho", "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
        "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco",
        "veintiséis", "veintisiete", "veintiocho", "veintinueve"};
    private static final String[] ES_TENS = {"", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta",
        "ochenta", "noventa"};
    private static final List<String> PERCENT = List.of("", "percent", "porciento", "por100");

    private SpokenForms() {
    }

    /** The English words for 0–100 without spaces ({@code twentyone}), or null above 100. */
    static String english(int n) {
        if (n < 20) {
            return EN_UNITS[n];
        }
        if (n == 100) {
            return "onehundred";
        }
        return EN_TENS[n / 10] + (n % 10 == 0 ? "" : EN_UNITS[n % 10]);
    }

    /** The Spanish words for 0–100 without spaces ({@code treintayuno}). */
    static String spanish(int n) {
        if (n < 30) {
            return ES_UNITS[n];
        }
        if (n == 100) {
            return "cien";
        }
        return ES_TENS[n / 10] + (n % 10 == 0 ? "" : "y" + ES_UNITS[n % 10]);
    }

    /**
     * The ways the concatenation of some normalised words can sound: itself, and with every number of 0–100 in
     * it spelled out in English or Spanish, optionally followed by "percent" (a transcript's {@code 5%} is the
     * word {@code 5} after normalisation). Each form has no spaces.
     */
    static Set<String> forms(String joined) {
        Set<String> out = new LinkedHashSet<>();
        out.add(joined);
        if (!hasDigit(joined)) {
            return out;
        }
        List<String> partial = new ArrayList<>(List.of(""));
        int i = 0;
        while (i < joined.length()) {
            char c = joined.charAt(i);
            int from = i;
            if (Character.isDigit(c)) {
                while (i < joined.length() && Character.isDigit(joined.charAt(i))) {
                    i++;
                }
                String digits = joined.substring(from, i);
                List<String> options = new ArrayList<>();
                options.add(digits);
                if (digits.length() <= 3 && Integer.parseInt(digits) <= 100) {
                    int n = Integer.parseInt(digits);
                    options.add(english(n));
                    options.add(spanish(n));
                }
                List<String> next = new ArrayList<>();
                for (String p : partial) {
                    for (String o : options) {
                        next.add(p + o);
                    }
                }
                partial = next.size() > 64 ? next.subList(0, 64) : next;
            } else {
                while (i < joined.length() && !Character.isDigit(joined.charAt(i))) {
                    i++;
                }
                String letters = joined.substring(from, i);
                partial.replaceAll(p -> p + letters);
            }
        }
        boolean endsWithNumber = Character.isDigit(joined.charAt(joined.length() - 1));
        for (String p : partial) {
            if (endsWithNumber) {
                for (String suffix : PERCENT) {
                    out.add(p + suffix);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when two word groups are the same words said differently ("5" and "five percent", "cd19", "cd nineteen"). */
    static boolean equivalent(String refJoined, String hypJoined) {
        if (refJoined.equals(hypJoined)) {
            return true;
        }
        Set<String> ref = forms(refJoined);
        for (String h : forms(hypJoined)) {
            if (ref.contains(h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a word group probably sounds like another: edit similarity of the joined letters of at least 0.6,
     * or the same phonetic key. Groups shorter than four letters are never similar: short words collide too often.
     */
    static boolean similar(String refJoined, String hypJoined) {
        int longest = Math.max(refJoined.length(), hypJoined.length());
        if (Math.min(refJoined.length(), hypJoined.length()) < 4) {
            return false;
        }
        int cap = (int) Math.floor(longest * 0.4); // similarity 0.6 allows at most this many edits
        if (Math.abs(refJoined.length() - hypJoined.length()) <= cap
                && levenshtein(refJoined, hypJoined, cap + 1) <= cap) {
            return true;
        }
        String k = key(refJoined);
        return k.length() >= 3 && k.equals(key(hypJoined));
    }

    /** The edit distance of two strings, or {@code cap} when it is at least that. */
    static int levenshtein(String x, String y, int cap) {
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= y.length(); j++) {
                int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= cap) {
                return cap; // every path already costs the cap: the caller only asks "at most cap - 1?"
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[y.length()], cap);
    }

    /**
     * A consonant skeleton in the spirit of Soundex and Metaphone, for English and Spanish ASR errors: accents
     * dropped, ph/f, c/k/q/g-before-consonant, s/z/c-before-e-i, b/v and d/t folded, vowels, h, w and y dropped
     * after the first letter, doubled consonants collapsed.
     */
    static String key(String word) {
        String s = word;
        if (!isAscii(word)) {
            s = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        s = s.replace("ph", "f").replace("ck", "k").replace("qu", "k").replace("ch", "x").replace("sh", "x");
        StringBuilder out = new StringBuilder();
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            char k;
            switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w' -> k = i == 0 ? 'A' : 0;
                case 'c' -> k = next == 'e' || next == 'i' ? 'S' : 'K';
                case 'k', 'q' -> k = 'K';
                case 'g' -> k = next == 'e' || next == 'i' ? 'J' : 'K';
                case 'j' -> k = 'J';
                case 's', 'z' -> k = 'S';
                case 'b', 'v' -> k = 'B';
                case 'd', 't' -> k = 'T';
                case 'f' -> k = 'F';
                case 'x' -> k = 'X';
                default -> k = Character.isLetter(c) ? Character.toUpperCase(c) : (Character.isDigit(c) ? c : 0);
            }
            if (k != 0 && k != last) {
                out.append(k);
            }
            last = k == 0 && c != 'h' ? 0 : (k == 0 ? last : k);
        }
        return out.toString();
    }
}
