package io.capdex.caption.srt;

/**
 * The line-level rules of SRT that the reader and the writer must agree on: what counts as a blank line, a cue
 * number, a timing line, a tag or an entity. Kept in one place so that what the writer writes is exactly what the
 * reader reads back.
 */
final class SrtSyntax {
    /** How far into a line the timing arrow may start; keeps the timing test cheap on very long text lines. */
    private static final int ARROW_SEARCH_CHARS = 64;
    /** Where the {@code >} of a canonical timing line is, counted from its first digit. */
    private static final int CANONICAL_ARROW_END = 15;
    /** Longest entity capdex decodes ({@code &#x10FFFF;}), so a stray {@code &} never scans far. */
    private static final int MAX_ENTITY_CHARS = 10;

    private SrtSyntax() {
    }

    /** White space as SRT files use it; NBSP and a stray BOM count, since a line of them shows nothing. */
    static boolean isSpace(char c) {
        // two comparisons for the commonest characters (letters, digits, punctuation): small enough for C1 to
        // inline into the loops that call it for every line
        return c <= ' ' ? isControlSpace(c) : c >= '\u00A0' && isWideSpace(c);
    }

    private static boolean isControlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }

    private static boolean isWideSpace(char c) {
        return c == '\u00A0' || c == '\uFEFF' || c == '\u3000';
    }

    static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(String s) {
        return isBlank(s, 0, s.length());
    }

    static int skipSpace(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    static int trimEnd(String s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Only digits, possibly surrounded by white space: a cue number. */
    static boolean isIndexLike(String s, int from, int to) {
        from = skipSpace(s, from, to);
        to = trimEnd(s, from, to);
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a line is meant as a timing line, good or bad: it starts (after white space) with a digit or a minus
     * and a digit, and an arrow (dashes then {@code >}) follows soon. Bad timings such as {@code 99:99:99,999 -->
     * …} count, so that they start a (skipped) cue instead of being glued onto the previous cue's text.
     */
    static boolean isTimingLike(String s, int from, int to) {
        int p = skipSpace(s, from, to);
        if (p >= to) {
            return false;
        }
        char c = s.charAt(p);
        if (c == '-') {
            if (p + 1 >= to || !isDigit(s.charAt(p + 1))) {
                return false;
            }
        } else if (!isDigit(c)) {
            return false;
        }
        int limit = Math.min(to, p + ARROW_SEARCH_CHARS);
        // "00:00:01,000 --> …" has its '>' at p + 15: found there without walking the first fifteen characters
        if (p + CANONICAL_ARROW_END < limit && s.charAt(p + CANONICAL_ARROW_END) == '>'
                && isDash(s.charAt(p + CANONICAL_ARROW_END - 1))) {
            return true;
        }
        for (int i = p + 1; i < limit; i++) {
            if (s.charAt(i) == '>' && isDash(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimingLike(String s) {
        return isTimingLike(s, 0, s.length());
    }

    /** ASCII hyphen, en dash, em dash and minus sign: word processors turn {@code -->} into {@code —>}. */
    static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2212';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * The character reference starting at {@code p} (which holds {@code &}): {@code &amp; &lt; &gt; &quot;
     * &apos; &nbsp;} and numeric ones.
     *
     * @return {@code (length << 32) | codePoint}, or 0 when there is none (the {@code &} is literal)
     */
    static long entityAt(String s, int p, int to) {
        int limit = Math.min(to, p + MAX_ENTITY_CHARS);
        int semi = -1;
        for (int i = p + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ';') {
                semi = i;
                break;
            }
            if (!isAsciiLetter(c) && !isDigit(c) && c != '#') {
                return 0;
            }
        }
        if (semi < 0 || semi == p + 1) {
            return 0;
        }
        int codePoint = codePointOf(s, p + 1, semi);
        if (codePoint < 0) {
            return 0;
        }
        return ((long) (semi + 1 - p) << 32) | codePoint;
    }

    private static int codePointOf(String s, int from, int to) {
        if (s.charAt(from) == '#') {
            int radix = 10;
            int p = from + 1;
            if (p < to && (s.charAt(p) == 'x' || s.charAt(p) == 'X')) {
                radix = 16;
                p++;
            }
            if (p == to) {
                return -1;
            }
            int v = 0;
            for (; p < to; p++) {
                int d = Character.digit(s.charAt(p), radix);
                if (d < 0) {
                    return -1;
                }
                v = v * radix + d;
                if (v > Character.MAX_CODE_POINT) {
                    return -1;
                }
            }
            // Control characters (a line break would split a run) and surrogates are not text a cue line can
            // hold; such a reference stays literal.
            return (v < 0x20 && v != '\t') || v == 0x7F || (v >= 0xD800 && v <= 0xDFFF) ? -1 : v;
        }
        return switch (s.substring(from, to)) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            case "nbsp" -> '\u00A0';
            default -> -1;
        };
    }

    /**
     * Where the tag starting at {@code p} (which holds {@code <}) ends: {@code <}, an optional {@code /}, an ASCII
     * letter and letters or digits, then white space, {@code /} or {@code >}, and a {@code >} before any other
     * {@code <}. The scan stops at the next {@code <}, which keeps a line full of them linear.
     *
     * @return the index just after {@code >}, or -1 when the {@code <} is a literal character
     */
    static int tagEnd(String s, int p, int to) {
        int q = tagScan(s, p, to);
        return q >= 0 && q < to && s.charAt(q) == '>' ? q + 1 : -1;
    }

    /**
     * The '<' that keeps the '<' at {@code p} from starting a tag ("&lt;a &lt;b&gt;": the second one), or -1 when
     * something else does or it starts one. A writer that escapes that second '<' makes the first start a tag.
     */
    static int tagBlocker(String s, int p, int to) {
        int q = tagScan(s, p, to);
        return q >= 0 && q < to && s.charAt(q) == '<' ? q : -1;
    }

    /** From a '<' with a tag name after it: where the search for its '>' stops ('>', '<' or {@code to}); else -1. */
    private static int tagScan(String s, int p, int to) {
        int q = p + 1;
        if (q < to && s.charAt(q) == '/') {
            q++;
        }
        if (q >= to || !isAsciiLetter(s.charAt(q))) {
            return -1;
        }
        q = tagNameEnd(s, q, to);
        if (q < to && s.charAt(q) != '>' && s.charAt(q) != '/' && !isSpace(s.charAt(q))) {
            return -1;
        }
        while (q < to && s.charAt(q) != '>' && s.charAt(q) != '<') {
            q++;
        }
        return q;
    }

    static int tagNameEnd(String s, int from, int to) {
        while (from < to && (isAsciiLetter(s.charAt(from)) || isDigit(s.charAt(from)))) {
            from++;
        }
        return from;
    }

    /** Whether the tag {@code s[p, end)} (as found by {@link #tagEnd}) is one SRT styling acts on. */
    static boolean isKnownTag(String s, int p, int end) {
        int nameStart = s.charAt(p + 1) == '/' ? p + 2 : p + 1;
        int length = tagNameEnd(s, nameStart, end) - nameStart;
        char c = Character.toLowerCase(s.charAt(nameStart));
        return (length == 1 && (c == 'i' || c == 'b' || c == 'u'))
                || (length == 2 && s.regionMatches(true, nameStart, "br", 0, 2))
                || (length == 4 && s.regionMatches(true, nameStart, "font", 0, 4));
    }

    /** Whether a brace tag ({@code {i} {/i} {b} {/b} {u} {/u}}, any case) starts at {@code p}. */
    static boolean isBraceTag(String s, int p, int to) {
        int q = p + 1;
        if (q < to && s.charAt(q) == '/') {
            q++;
        }
        if (q + 1 >= to || s.charAt(q + 1) != '}') {
            return false;
        }
        char c = Character.toLowerCase(s.charAt(q));
        return c == 'i' || c == 'b' || c == 'u';
    }

    /** Shortens text quoted in a problem message so a 1 MB line never lands in a report. */
    static String quote(String s, int from, int to) {
        int max = 60;
        if (to - from <= max) {
            return "'" + s.substring(from, to) + "'";
        }
        return "'" + s.substring(from, from + max) + "…'";
    }
}
