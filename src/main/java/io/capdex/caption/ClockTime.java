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
        byte[] b = new byte[MAX_LENGTH];
        int p = put(b, 0, ms, minHourDigits, separator);
        char[] c = new char[p];
        for (int i = 0; i < p; i++) {
            c[i] = (char) b[i];
        }
        // one append of the dozen characters: C1 does not inline StringBuilder.append(char), so appending them one
        // by one was a dozen calls per time (a sixth of a 200,000-cue convert's writer thread went on clock times)
        sb.append(c, 0, p);
    }

    /** The most characters {@link #put} writes: 19 hour digits, then {@code :mm:ss.fff}. */
    static final int MAX_LENGTH = 29;

    /**
     * Writes {@code ms} as {@link #appendTo} does, as ASCII bytes into {@code b} from {@code p}, which has room for
     * {@link #MAX_LENGTH} of them; returns where the time ends.
     *
     * @throws IllegalArgumentException for a negative time
     */
    static int put(byte[] b, int p, long ms, int minHourDigits, char separator) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time " + ms);
        }
        // int arithmetic below 596 h: C1 calls the runtime for each division of a long
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
                b[p++] = (byte) ('0' + h / 10);
            }
            b[p++] = (byte) ('0' + h % 10);
        } else {
            p = putDigits(b, p, hours); // 100 h and more: as many digits as it takes
        }
        b[p++] = ':';
        p = two(b, p, rest / 60_000);
        b[p++] = ':';
        p = two(b, p, rest / 1000 % 60);
        b[p++] = (byte) separator;
        int millis = rest % 1000;
        b[p++] = (byte) ('0' + millis / 100);
        return two(b, p, millis % 100);
    }

    /** Writes the decimal digits of {@code n} (0 or more) into {@code b} from {@code p}; returns where they end. */
    static int putDigits(byte[] b, int p, long n) {
        if (n <= Integer.MAX_VALUE) {
            return putDigits(b, p, (int) n);
        }
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = p + digits;
        long rest = n;
        for (int i = end - 1; i >= p; i--) {
            b[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return end;
    }

    static int putDigits(byte[] b, int p, int n) {
        int digits = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = p + digits;
        int rest = n;
        for (int i = end - 1; i >= p; i--) {
            b[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return end;
    }

    private static int two(byte[] b, int p, int v) {
        b[p] = (byte) ('0' + v / 10);
        b[p + 1] = (byte) ('0' + v % 10);
        return p + 2;
    }
}
