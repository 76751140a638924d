package io.capdex.caption.ttml;

import io.capdex.caption.ClockTime;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * TTML time expressions: clock time {@code hh:mm:ss(.fff)}, frames {@code hh:mm:ss:ff(.sub)}, and offset time
 * {@code 12.3s}, {@code 1500ms}, {@code 2.5m}, {@code 1h}, {@code 100f}, {@code 10t}; results are rounded to the
 * nearest millisecond. Writing always gives {@code hh:mm:ss.mmm}.
 */
public final class TtmlTime {
    private TtmlTime() {
    }

    /**
     * The frame and tick rates a document declares ({@code ttp:frameRate}, {@code ttp:frameRateMultiplier},
     * {@code ttp:subFrameRate}, {@code ttp:tickRate}), which frame and tick times need.
     *
     * @param frameRate effective frames per second (frame rate times its multiplier)
     * @param tickRate ticks per second
     */
    public record Rates(double frameRate, double subFrameRate, double tickRate) {
        public Rates {
            if (!(frameRate > 0) || !(subFrameRate > 0) || !(tickRate > 0)) {
                throw new IllegalArgumentException("rates must be positive: " + frameRate + ", " + subFrameRate
                        + ", " + tickRate);
            }
        }

        /** TTML's defaults: 30 frames per second, one sub-frame, and one tick per second. */
        public static Rates defaults() {
            return new Rates(30, 1, 1);
        }
    }

    /** Writes {@code ms} as {@code hh:mm:ss.mmm}; hours grow past 99 as needed. */
    public static String format(long ms) {
        return ClockTime.format(ms, 2, '.');
    }

    static void appendTo(StringBuilder sb, long ms) {
        ClockTime.appendTo(sb, ms, 2, '.');
    }


    /** Reads any TTML time expression; empty when it is not one. */
    public static OptionalLong parse(String expression, Rates rates) {
        Reading r = read(expression, rates);
        return r.error() == null ? OptionalLong.of(r.ms()) : OptionalLong.empty();
    }

    /**
     * What reading one time expression gave.
     *
     * @param error why it is not a time, or null
     * @param tolerance the non-standard form accepted, or null
     */
    record Reading(long ms, @Nullable String error, @Nullable String tolerance) {
        static Reading failed(String why) {
            return new Reading(-1, why, null);
        }
    }

    static Reading read(String expression, Rates rates) {
        String t = expression.strip();
        String tolerance = t.length() != expression.length() ? "white space around the time" : null;
        if (t.isEmpty()) {
            return Reading.failed("empty time");
        }
        if (t.charAt(0) == '-') {
            return Reading.failed("'" + t + "' is below zero");
        }
        return t.indexOf(':') >= 0 ? clock(t, rates, tolerance) : offset(t, rates, tolerance);
    }

    private static Reading clock(String t, Rates rates, @Nullable String tolerance) {
        String[] parts = t.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            return Reading.failed("'" + t + "' is not hh:mm:ss");
        }
        String secondsPart = parts[2];
        String fraction = null;
        int dot = secondsPart.indexOf('.');
        int comma = secondsPart.indexOf(',');
        if (dot < 0 && comma >= 0) {
            // SRT's decimal comma in a TTML file: seen in hand-converted files
            dot = comma;
            tolerance = join(tolerance, "',' as the decimal separator");
        }
        if (dot >= 0) {
            if (parts.length == 4) {
                return Reading.failed("'" + t + "' has both a fraction and frames");
            }
            fraction = secondsPart.substring(dot + 1);
            secondsPart = secondsPart.substring(0, dot);
        }
        long h = digits(parts[0]);
        long m = digits(parts[1]);
        long s = digits(secondsPart);
        if (h < 0 || m < 0 || s < 0 || (fraction != null && (fraction.isEmpty() || digits(fraction) < 0))) {
            return Reading.failed("'" + t + "' is not a time");
        }
        if (m > 59 || s > 60) {
            // TTML allows a leap second (60); more is out of range
            return Reading.failed("'" + t + "' has minutes above 59 or seconds above 60");
        }
        if (parts[0].length() < 2 || parts[1].length() != 2 || secondsPart.length() != 2) {
            tolerance = join(tolerance, "fields not two digits");
        }
        double ms = h * 3_600_000d + m * 60_000d + s * 1000d;
        if (fraction != null) {
            ms += Double.parseDouble("0." + fraction) * 1000;
        }
        if (parts.length == 4) {
            String framePart = parts[3];
            String sub = null;
            int subDot = framePart.indexOf('.');
            if (subDot >= 0) {
                sub = framePart.substring(subDot + 1);
                framePart = framePart.substring(0, subDot);
            }
            long frames = digits(framePart);
            long subFrames = sub == null ? 0 : digits(sub);
            if (frames < 0 || subFrames < 0) {
                return Reading.failed("'" + t + "' has bad frames");
            }
            if (frames >= Math.ceil(rates.frameRate())) {
                return Reading.failed("'" + t + "' has frame " + frames + " at "
                        + java.math.BigDecimal.valueOf(rates.frameRate()).setScale(3, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString() + " fps");
            }
            ms += (frames + subFrames / rates.subFrameRate()) * 1000 / rates.frameRate();
        }
        return new Reading(Math.round(ms), null, tolerance);
    }

    private static Reading offset(String t, Rates rates, @Nullable String tolerance) {
        int i = 0;
        int n = t.length();
        while (i < n && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String number = t.substring(0, i);
        String metric = t.substring(i).strip();
        if (number.isEmpty() || number.startsWith(".") || number.endsWith(".") || number.indexOf('.')
                != number.lastIndexOf('.') || !number.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return Reading.failed("'" + t + "' is not a time");
        }
        if (metric.length() != t.length() - i) {
            tolerance = join(tolerance, "space before the unit");
        }
        double v = Double.parseDouble(number);
        double ms;
        switch (metric) {
            case "h" -> ms = v * 3_600_000;
            case "m" -> ms = v * 60_000;
            case "s" -> ms = v * 1000;
            case "ms" -> ms = v;
            case "f" -> ms = v * 1000 / rates.frameRate();
            case "t" -> ms = v * 1000 / rates.tickRate();
            case "" -> {
                // a bare number: some tools write seconds without the unit
                ms = v * 1000;
                tolerance = join(tolerance, "no unit, read as seconds");
            }
            default -> {
                return Reading.failed("'" + t + "' has an unknown unit '" + metric + "'");
            }
        }
        if (ms > 1e15) {
            return Reading.failed("'" + t + "' is too large");
        }
        return new Reading(Math.round(ms), null, tolerance);
    }

    /** The value of an all-digit string, or -1. */
    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 15) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        return a == null ? b : a + ", " + b;
    }
}
