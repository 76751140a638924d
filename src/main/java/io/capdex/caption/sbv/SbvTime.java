package io.capdex.caption.sbv;

import io.capdex.caption.ClockTime;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * SBV's time form {@code H:MM:SS.mmm}: hours without padding (any number of digits), minutes and seconds with
 * two digits, milliseconds with three.
 */
public final class SbvTime {
    private SbvTime() {
    }

    /** Writes {@code ms} canonically, e.g. {@code 0:01:02.003}; hours grow past 9 as needed. */
    public static String format(long ms) {
        return ClockTime.format(ms, 1, '.');
    }

    static void appendTo(StringBuilder sb, long ms) {
        ClockTime.appendTo(sb, ms, 1, '.');
    }

    /**
     * Reads a time in the canonical form or one of the tolerated forms ({@code MM:SS.mmm}, no fraction, one or
     * two fraction digits); empty when the text is not a time or a field is out of range.
     */
    public static OptionalLong parse(String text) {
        Reading r = read(text.strip());
        return r.error() == null ? OptionalLong.of(r.ms()) : OptionalLong.empty();
    }

    /**
     * What reading one time gave: the time, or why it failed; and which tolerance, if any, was needed.
     *
     * @param error why the text is not a time, or null
     * @param tolerance the non-canonical form that was accepted, or null when canonical
     */
    record Reading(long ms, @Nullable String error, @Nullable String tolerance) {
        static Reading failed(String why) {
            return new Reading(-1, why, null);
        }
    }

    /** Reads one time without surrounding spaces. */
    static Reading read(String t) {
        int n = t.length();
        // fields: up to three colon-separated integers, then an optional '.' fraction
        long[] fields = new long[3];
        int[] widths = new int[3];
        int count = 0;
        int i = 0;
        while (true) {
            int start = i;
            long v = 0;
            while (i < n && isDigit(t.charAt(i))) {
                if (i - start < 12) {
                    v = v * 10 + (t.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return Reading.failed("'" + t + "' is not a time");
            }
            if (count == 3) {
                return Reading.failed("'" + t + "' has too many fields");
            }
            if (i - start > 12) {
                return Reading.failed("'" + t + "' is too large");
            }
            fields[count] = v;
            widths[count] = i - start;
            count++;
            if (i < n && t.charAt(i) == ':') {
                i++;
                continue;
            }
            break;
        }
        long fractionMs = 0;
        int fractionDigits = -1;
        if (i < n && t.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            fractionDigits = i - start;
            if (fractionDigits == 0 || fractionDigits > 3) {
                return Reading.failed("'" + t + "' needs 1 to 3 digits after the '.'");
            }
            // a decimal fraction of a second: ".5" is 500 ms, as the '.' says
            long v = Long.parseLong(t.substring(start, i));
            fractionMs = fractionDigits == 1 ? v * 100 : fractionDigits == 2 ? v * 10 : v;
        }
        if (i != n) {
            return Reading.failed("'" + t + "' is not a time");
        }
        if (count < 2) {
            return Reading.failed("'" + t + "' is not a time");
        }
        long h = count == 3 ? fields[0] : 0;
        long m = fields[count - 2];
        long s = fields[count - 1];
        if (m > 59 || s > 59) {
            return new Reading(-1, "'" + t + "' has minutes or seconds above 59", null);
        }
        String tolerance = null;
        if (count == 2) {
            tolerance = "no hours";
        } else if (widths[1] != 2 || widths[2] != 2) {
            tolerance = "minutes and seconds not two digits";
        }
        if (fractionDigits < 0) {
            tolerance = tolerance == null ? "no milliseconds" : tolerance + ", no milliseconds";
        } else if (fractionDigits < 3) {
            String f = fractionDigits + "-digit fraction read as " + fractionMs + " ms";
            tolerance = tolerance == null ? f : tolerance + ", " + f;
        }
        return new Reading(h * 3_600_000 + m * 60_000 + s * 1000 + fractionMs, null, tolerance);
    }

    static boolean isOutOfRange(Reading r) {
        return r.error() != null && r.error().endsWith("above 59");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
