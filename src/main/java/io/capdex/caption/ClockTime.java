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
        if (minHourDigits >= 2 && hours < 10) {
            sb.append('0');
        }
        sb.append(hours).append(':');
        two(sb, rest / 60_000);
        sb.append(':');
        two(sb, rest / 1000 % 60);
        sb.append(separator);
        int millis = rest % 1000;
        sb.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
