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
     * survive), two-digit minutes and seconds, {@code separator}, and three-digit milliseconds.
     *
     * @throws IllegalArgumentException for a negative time
     */
    public static void appendTo(StringBuilder sb, long ms, int minHourDigits, char separator) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time " + ms);
        }
        long hours = ms / 3_600_000L;
        int rest = (int) (ms - hours * 3_600_000L);
        char[] c = new char[13];
        int p = 0;
        if (hours < 100) {
            if (minHourDigits >= 2 || hours >= 10) {
                c[p++] = (char) ('0' + hours / 10);
            }
            c[p++] = (char) ('0' + hours % 10);
        } else {
            sb.append(hours); // 100 h and more: as many digits as it takes
        }
        c[p++] = ':';
        p = two(c, p, rest / 60_000);
        c[p++] = ':';
        p = two(c, p, rest / 1000 % 60);
        c[p++] = separator;
        int millis = rest % 1000;
        c[p++] = (char) ('0' + millis / 100);
        p = two(c, p, millis % 100);
        // one append of the dozen characters: C1 does not inline StringBuilder.append(char), so appending them one
        // by one was a dozen calls per time (a sixth of a 200,000-cue convert's writer thread went on clock times)
        sb.append(c, 0, p);
    }

    private static int two(char[] c, int p, int v) {
        c[p] = (char) ('0' + v / 10);
        c[p + 1] = (char) ('0' + v % 10);
        return p + 2;
    }
}
