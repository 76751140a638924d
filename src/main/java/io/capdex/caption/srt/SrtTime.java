package io.capdex.caption.srt;

import io.capdex.caption.ClockTime;

/**
 * SRT's text form of a time, {@code HH:MM:SS,mmm}: canonical formatting and the lenient parsing the reader uses.
 *
 * <p>Hours have at least two digits and as many more as needed ({@code 123:00:00,000}), so times of 100 h and
 * more survive a round trip. Parsing accepts what real files contain: {@code .} or {@code :} before the
 * milliseconds, 1 to 3 millisecond digits ({@code ,5} is 500 ms, {@code ,05} is 50 ms; further digits are
 * truncated), a missing millisecond part, missing hours ({@code 01:02,500}) and one-digit fields. Minutes and
 * seconds above 59 and negative times are refused. Thread-safe; all methods are static.
 */
public final class SrtTime {
    /** More hour digits than this could overflow a long of milliseconds; no caption runs for 10^9 hours. */
    static final int MAX_HOUR_DIGITS = 9;

    // Outcomes of scan(); package-private so the reader can map them onto problem codes.
    static final int OK = 0;
    static final int MALFORMED = 1;
    static final int OUT_OF_RANGE = 2;
    static final int NEGATIVE = 3;

    // Leniency flags set by scan(), so the reader can say exactly what it tolerated.
    static final int DOT_OR_COLON_MS = 1;
    static final int SHORT_MS = 1 << 1;
    static final int LONG_MS = 1 << 2;
    static final int NO_MS = 1 << 3;
    static final int NO_HOURS = 1 << 4;
    static final int NARROW_FIELD = 1 << 5;

    private SrtTime() {
    }

    /** Formats milliseconds as {@code HH:MM:SS,mmm}. Fails on a negative time (a programming error). */
    public static String format(long ms) {
        return ClockTime.format(ms, 2, ',');
    }

    /** Appends {@code HH:MM:SS,mmm} to {@code sb} without intermediate strings (the writer's hot path). */
    public static void appendTo(StringBuilder sb, long ms) {
        ClockTime.appendTo(sb, ms, 2, ',');
    }


    /**
     * Parses one time in any form the reader tolerates ({@code 1:02:03.5}, {@code 01:02,500}, …), ignoring
     * surrounding white space.
     *
     * @throws IllegalArgumentException when the text is not a time, a field is out of range, or it is negative
     */
    public static long parse(CharSequence text) {
        String s = text.toString();
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        Scan scan = new Scan();
        int outcome = scan.scan(s, from, to);
        if (outcome == OK && scan.end != to) {
            outcome = MALFORMED;
        }
        return switch (outcome) {
            case OK -> scan.valueMs;
            case OUT_OF_RANGE -> throw new IllegalArgumentException("minutes or seconds above 59 in '" + s + "'");
            case NEGATIVE -> throw new IllegalArgumentException("negative time '" + s + "'");
            default -> throw new IllegalArgumentException("not an SRT time: '" + s + "'");
        };
    }

    /**
     * The time written canonically in exactly {@code [from, to)}: {@code HH:MM:SS,mmm} with two or more hour digits
     * (up to {@link #MAX_HOUR_DIGITS}) and minutes and seconds up to 59, or -1 when it is written any other way.
     */
    static long canonical(String s, int from, int to) {
        int hourDigits = to - from - 10;
        if (hourDigits < 2 || hourDigits > MAX_HOUR_DIGITS || s.charAt(to - 10) != ':' || s.charAt(to - 7) != ':'
                || s.charAt(to - 4) != ',') {
            return -1;
        }
        long h = 0;
        for (int i = from; i < to - 10; i++) {
            int d = digit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            h = h * 10 + d;
        }
        int m = twoDigits(s, to - 9);
        int sec = twoDigits(s, to - 6);
        int ms1 = digit(s.charAt(to - 3));
        int ms2 = digit(s.charAt(to - 2));
        int ms3 = digit(s.charAt(to - 1));
        if ((m | sec | ms1 | ms2 | ms3) < 0 || m > 59 || sec > 59) {
            return -1;
        }
        return ((h * 60 + m) * 60 + sec) * 1000 + ms1 * 100 + ms2 * 10 + ms3;
    }

    private static int twoDigits(String s, int at) {
        int tens = digit(s.charAt(at));
        int ones = digit(s.charAt(at + 1));
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** A reusable time scanner: one per read, so the hot path allocates nothing per cue. */
    static final class Scan {
        long valueMs;
        /** Index just after the time. */
        int end;
        /** Leniency flags ({@link #DOT_OR_COLON_MS} …) of the last scan. */
        int lenient;

        private final long[] groups = new long[4];
        private final int[] groupDigits = new int[4];

        /**
         * Scans a time starting exactly at {@code from} (no white space skipping), stopping at the first character
         * that cannot continue it.
         *
         * @return {@link #OK}, {@link #MALFORMED}, {@link #OUT_OF_RANGE} or {@link #NEGATIVE}
         */
        int scan(String s, int from, int to) {
            lenient = 0;
            int p = from;
            boolean negative = false;
            if (p < to && s.charAt(p) == '-') {
                negative = true;
                p++;
            }
            int count = 0;
            while (true) {
                int start = p;
                long v = 0;
                while (p < to && p - start <= MAX_HOUR_DIGITS) {
                    char c = s.charAt(p);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    v = v * 10 + (c - '0');
                    p++;
                }
                int digits = p - start;
                if (digits == 0 || digits > MAX_HOUR_DIGITS) {
                    return MALFORMED;
                }
                groups[count] = v;
                groupDigits[count] = digits;
                count++;
                // A colon continues the time only when a digit follows: "00:00:01,000:" is not a fifth field.
                if (count < 4 && p + 1 < to && s.charAt(p) == ':' && isDigit(s.charAt(p + 1))) {
                    p++;
                    continue;
                }
                break;
            }
            long fraction = 0;
            int fractionDigits = 0;
            boolean hasFraction = false;
            if (count == 4) {
                // h:m:s:mmm, a colon before the milliseconds, as some old DVD rippers write.
                hasFraction = true;
                fraction = groups[3];
                fractionDigits = groupDigits[3];
                count = 3;
                lenient |= DOT_OR_COLON_MS;
            } else if (p + 1 < to && (s.charAt(p) == ',' || s.charAt(p) == '.') && isDigit(s.charAt(p + 1))) {
                if (s.charAt(p) == '.') {
                    // WebVTT's '.' in an SRT file: common after a format conversion, unambiguous.
                    lenient |= DOT_OR_COLON_MS;
                }
                p++;
                hasFraction = true;
                int start = p;
                while (p < to && isDigit(s.charAt(p))) {
                    if (p - start < 3) {
                        fraction = fraction * 10 + (s.charAt(p) - '0');
                    }
                    p++;
                }
                fractionDigits = p - start;
            }
            if (count < 2) {
                return MALFORMED;
            }
            long hours;
            long minutes;
            long seconds;
            if (count == 3) {
                hours = groups[0];
                minutes = groups[1];
                seconds = groups[2];
                if (groupDigits[0] < 2) {
                    lenient |= NARROW_FIELD;
                }
                if (groupDigits[1] != 2 || groupDigits[2] != 2) {
                    lenient |= NARROW_FIELD;
                }
            } else {
                // "01:02,500": minutes and seconds, as some converters write short files.
                hours = 0;
                minutes = groups[0];
                seconds = groups[1];
                lenient |= NO_HOURS;
                if (groupDigits[0] != 2 || groupDigits[1] != 2) {
                    lenient |= NARROW_FIELD;
                }
            }
            long millis;
            if (!hasFraction) {
                lenient |= NO_MS;
                millis = 0;
            } else if (fractionDigits == 3) {
                millis = fraction;
            } else if (fractionDigits < 3) {
                // A decimal fraction of a second: ",5" is half a second, not 5 ms.
                lenient |= SHORT_MS;
                millis = fractionDigits == 1 ? fraction * 100 : fraction * 10;
            } else {
                lenient |= LONG_MS;
                millis = fraction;
            }
            end = p;
            if (minutes > 59 || seconds > 59) {
                return OUT_OF_RANGE;
            }
            valueMs = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
            if (negative) {
                return NEGATIVE;
            }
            return OK;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** Says in words what {@link #lenient} flags mean, for a problem message. */
        static String describe(int flags) {
            StringBuilder sb = new StringBuilder();
            if ((flags & DOT_OR_COLON_MS) != 0) {
                sb.append("'.' or ':' before milliseconds, ");
            }
            if ((flags & SHORT_MS) != 0) {
                sb.append("1 or 2 millisecond digits read as a fraction of a second, ");
            }
            if ((flags & LONG_MS) != 0) {
                sb.append("more than 3 millisecond digits (truncated), ");
            }
            if ((flags & NO_MS) != 0) {
                sb.append("no milliseconds, ");
            }
            if ((flags & NO_HOURS) != 0) {
                sb.append("no hours, ");
            }
            if ((flags & NARROW_FIELD) != 0) {
                sb.append("a field with too few digits, ");
            }
            if (sb.length() >= 2) {
                sb.setLength(sb.length() - 2);
            }
            return sb.toString();
        }
    }
}
