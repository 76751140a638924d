package io.capdex.caption;

/**
 * Writes milliseconds as a clock time {@code h:mm:ss.fff}, the form SRT, WebVTT, SBV and TTML share; each
 * format's own time class chooses the hour width and the separator before the milliseconds.
 */
public final class ClockTime {
    private ClockTime() {}

    /** The clock time as a string; see {@link #appendTo}. */
    public static String format(long ms, int minHourDigits, char separator) {
        StringBuilder sb = new StringBuilder(12);
        appendTo(sb, ms, minHourDigits, separator);
        return sb.toString();
    }

    /**
     * Appends {@code ms} as hours (at least {@code minHourDigits} digits, more when needed, so 100 h and more
     * survive), two-digit minutes and seconds, {@code separator} (an ASCII character), and three-digit
     * milliseconds.
     *
     * @throws IllegalArgumentException for a negative time
     */
    public static void appendTo(StringBuilder sb, long ms, int minHourDigits, char separator) {
        char[] c = new char[MAX_LENGTH];
        int p = put(c, 0, ms, minHourDigits, separator);
        // one append of the dozen characters: C1 does not inline StringBuilder.append(char), so appending them one
        // by one was a dozen calls per time (a sixth of a 200,000-cue convert's writer thread went on clock times)
        sb.append(c, 0, p);
    }

    /** The most characters {@link #put} writes: 19 hour digits, then {@code :mm:ss.fff}. */
    static final int MAX_LENGTH = 29;

    /**
     * Writes {@code ms} as {@link #appendTo} does into {@code c} from {@code p}, which has room for
     * {@link #MAX_LENGTH} characters; returns where the time ends. Below 596 h it divides ints, not longs: C1
     * (convert's compiler) calls the runtime for each division of a long.
     *
     * @throws IllegalArgumentException for a negative time
     */
    static int put(char[] c, int p, long ms, int minHourDigits, char separator) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time " + ms);
        }
        long hours;
        int rest;
        if (ms <= Integer.MAX_VALUE) {
            int m = (int) ms;
            hours = m / 3_600_000;
            rest = m - (int) hours * 3_600_000;
        } else {
            hours = ms / 3_600_000L;
            rest = (int) (ms - hours * 3_600_000L);
        }
        if (hours < 100) {
            int h = (int) hours;
            if (minHourDigits >= 2 || h >= 10) {
                c[p++] = (char) ('0' + h / 10);
            }
            c[p++] = (char) ('0' + h % 10);
        } else {
            p = putDigits(c, p, hours); // 100 h and more: as many digits as it takes
        }
        c[p++] = ':';
        p = two(c, p, rest / 60_000);
        c[p++] = ':';
        p = two(c, p, rest / 1000 % 60);
        c[p++] = separator;
        int millis = rest % 1000;
        c[p++] = (char) ('0' + millis / 100);
        return two(c, p, millis % 100);
    }

    /** Writes the decimal digits of {@code n} (0 or more) into {@code c} from {@code p}; returns where they end. */
    static int putDigits(char[] c, int p, long n) {
        if (n > Integer.MAX_VALUE) {
            String digits = Long.toString(n); // rare (596 hours and more): no need to avoid a long's divisions
            digits.getChars(0, digits.length(), c, p);
            return p + digits.length();
        }
        int v = (int) n;
        int end = p + 1;
        for (int rest = v / 10; rest > 0; rest /= 10) {
            end++;
        }
        for (int i = end - 1; i >= p; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }

    private static int two(char[] c, int p, int v) {
        c[p] = (char) ('0' + v / 10);
        c[p + 1] = (char) ('0' + v % 10);
        return p + 2;
    }
}
