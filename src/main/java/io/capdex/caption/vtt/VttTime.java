package io.capdex.caption.vtt;

import io.capdex.caption.ClockTime;
import java.util.OptionalLong;

/**
 * WebVTT timestamps ({@code mm:ss.ttt} and {@code hh:mm:ss.ttt}, hours of any width) to and from milliseconds.
 */
public final class VttTime {
    /**
     * The largest hour count read: above it the millisecond value would not fit comfortably in a {@code long}
     * (the spec has no limit; 999,999,999 hours is about 114,000 years).
     */
    static final long MAX_HOURS = 999_999_999L;

    /** What {@link #scan} returns for a well-formed timestamp with minutes or seconds above 59, or huge hours. */
    static final long OUT_OF_RANGE = -2;

    private VttTime() {
    }

    /** The canonical form {@code hh:mm:ss.ttt}; hours get more digits above 99. */
    public static String format(long ms) {
        return ClockTime.format(ms, 2, '.');
    }

    static void appendTo(StringBuilder sb, long ms) {
        ClockTime.appendTo(sb, ms, 2, '.');
    }


    /** A whole string read as one WebVTT timestamp, exactly as the spec's rules allow; empty if it is not one. */
    public static OptionalLong parse(CharSequence text) {
        int[] pos = {0};
        long ms = scan(text, pos);
        return ms >= 0 && pos[0] == text.length() ? OptionalLong.of(ms) : OptionalLong.empty();
    }

    /**
     * The spec's "collect a WebVTT timestamp" from {@code pos[0]}: returns milliseconds and moves {@code pos[0]}
     * past the timestamp, or returns -1 when the text is no timestamp and {@link #OUT_OF_RANGE} when a field is
     * too large (position then unspecified).
     */
    static long scan(CharSequence s, int[] pos) {
        int p = pos[0];
        int n = s.length();
        boolean hoursFirst = false;
        int start = p;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        int len1 = p - start;
        if (len1 == 0) {
            return -1;
        }
        if (len1 > 10) {
            return OUT_OF_RANGE; // far beyond MAX_HOURS; also keeps the number below long overflow
        }
        long v1 = Long.parseLong(s, start, p, 10);
        if (len1 != 2 || v1 > 59) {
            hoursFirst = true;
        }
        if (p >= n || s.charAt(p) != ':') {
            return -1;
        }
        p++;
        start = p;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        if (p - start != 2) {
            return -1;
        }
        long v2 = Long.parseLong(s, start, p, 10);
        long v3;
        if (hoursFirst || (p < n && s.charAt(p) == ':')) {
            if (p >= n || s.charAt(p) != ':') {
                return -1;
            }
            p++;
            start = p;
            while (p < n && isDigit(s.charAt(p))) {
                p++;
            }
            if (p - start != 2) {
                return -1;
            }
            v3 = Long.parseLong(s, start, p, 10);
        } else {
            v3 = v2;
            v2 = v1;
            v1 = 0;
        }
        if (p >= n || s.charAt(p) != '.') {
            return -1;
        }
        p++;
        start = p;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
        }
        if (p - start != 3) {
            return -1;
        }
        long v4 = Long.parseLong(s, start, p, 10);
        if (v2 > 59 || v3 > 59 || v1 > MAX_HOURS) {
            return OUT_OF_RANGE;
        }
        pos[0] = p;
        return v1 * 3_600_000 + v2 * 60_000 + v3 * 1000 + v4;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
