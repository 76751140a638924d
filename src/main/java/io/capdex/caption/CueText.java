package io.capdex.caption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How QC and repair measure and name cue text: user-perceived characters, words, and the
 * {@code cue 12 (00:01:02,000)} label messages start with.
 */
final class CueText {
    private static final int ZWJ = 0x200D;

    private CueText() {
    }

    /**
     * The number of user-perceived characters (extended grapheme clusters, UAX #29) in a string without line
     * breaks. Combining marks, variation selectors, emoji skin-tone modifiers and the joiner with what it joins
     * count with their base; a pair of regional indicators (a flag) counts once; CR LF counts once. Implemented
     * by hand because {@code BreakIterator} only follows extended clusters from Java 20 on.
     */
    static int characters(String s) {
        if (isSimple(s)) {
            return s.length();
        }
        int count = 0;
        boolean joinNext = false;
        int pendingRegional = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (joinNext) {
                joinNext = false;
                continue;
            }
            if (cp == ZWJ) {
                joinNext = count > 0;
                continue;
            }
            if (isExtender(cp) && count > 0) {
                continue;
            }
            if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
                if (pendingRegional == 1) {
                    pendingRegional = 0;
                    continue;
                }
                pendingRegional = 1;
                count++;
                continue;
            }
            pendingRegional = 0;
            count++;
        }
        return count;
    }

    /** Below U+0300 every char is a character of its own (no marks, joiners or surrogates): the usual case. */
    private static boolean isSimple(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    private static boolean isExtender(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F); // tag characters of subdivision flags
    }

    /** Characters a viewer reads in the cue: every line's characters, spaces and punctuation included. */
    static int readCharacters(Cue cue) {
        int n = 0;
        for (Line line : cue.lines()) {
            n += characters(line.text());
        }
        return n;
    }

    /** Words: runs of non-space characters holding at least one letter or digit. */
    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        boolean wordHasLetter = false;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (space) {
                if (inWord && wordHasLetter) {
                    words++;
                }
                inWord = false;
                wordHasLetter = false;
            } else {
                inWord = true;
                wordHasLetter |= Character.isLetterOrDigit(cp);
            }
            if (i == text.length()) {
                break;
            }
            i += Character.charCount(cp);
        }
        return words;
    }

    /** A time as SRT writes it, {@code 00:01:02,000}; hours grow past two digits when needed. */
    static String time(long ms) {
        StringBuilder sb = new StringBuilder(12);
        long h = ms / 3_600_000;
        if (h < 10) {
            sb.append('0');
        }
        sb.append(h).append(':');
        pad(sb, ms / 60_000 % 60, 2).append(':');
        pad(sb, ms / 1000 % 60, 2).append(',');
        return pad(sb, ms % 1000, 3).toString();
    }

    private static StringBuilder pad(StringBuilder sb, long value, int digits) {
        String v = Long.toString(value);
        for (int i = v.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** {@code cue 12 (00:01:02,000)}: the 1-based cue number in the input and the cue's start. */
    static String label(int cueIndex, long startMs) {
        return "cue " + (cueIndex + 1) + " (" + time(startMs) + ")";
    }

    /**
     * A rate with one decimal, or two when one would print the limit it exceeds. Rounded as {@code
     * String.format("%.1f")} rounds (half up, on the shortest decimal form of the double), without the Formatter:
     * QC names a rate in most messages about fast cues, and a 1,000-hour ingest spent 2 CPU seconds formatting them.
     */
    static String rate(double value, double limit) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        BigDecimal one = exact.setScale(1, RoundingMode.HALF_UP);
        if (value > limit && one.doubleValue() <= limit) {
            return plain(exact.setScale(2, RoundingMode.HALF_UP), value);
        }
        return plain(one, value);
    }

    /** The decimal as written, keeping the sign of a negative value that rounds to zero (as the Formatter does). */
    private static String plain(BigDecimal rounded, double value) {
        String text = rounded.toPlainString();
        return Math.copySign(1.0, value) < 0 && rounded.signum() == 0 ? "-" + text : text;
    }

    /** A limit without a useless {@code .0}. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
