package io.capdex.caption.sbv;

import org.jspecify.annotations.Nullable;

/**
 * One line recognised as an SBV timing line, read or not.
 *
 * @param error why the times could not be read (the cue is skipped), or null
 * @param tolerance the non-canonical forms that were accepted, or null
 * @param extraSpace white space around the times or the comma
 * @param srt written SRT's way, {@code 00:00:01,000 --> 00:00:02,000}
 */
record TimingLine(String raw, long startMs, long endMs, @Nullable String error, boolean negative,
                  boolean outOfRange, @Nullable String tolerance, boolean extraSpace, boolean srt) {

    /** The line as a timing line, or null when it does not look like one at all (then it is text). */
    static @Nullable TimingLine classify(String line) {
        int arrow = line.indexOf("-->");
        String left;
        String right;
        if (arrow >= 0) {
            // SRT's arrow (and decimal comma) in an SBV file: people convert by hand or rename SRT files
            left = line.substring(0, arrow);
            right = line.substring(arrow + 3);
        } else {
            int comma = line.indexOf(',');
            if (comma < 0) {
                return null;
            }
            left = line.substring(0, comma);
            right = line.substring(comma + 1);
        }
        String l = left.strip();
        String r = right.strip();
        boolean srt = arrow >= 0;
        if (srt) {
            l = l.replace(',', '.');
            // SRT coordinates may follow the end time; they mean nothing in SBV
            int space = r.indexOf(' ');
            r = (space < 0 ? r : r.substring(0, space)).replace(',', '.');
        }
        if (!looksLikeTime(l) || !looksLikeTime(r)) {
            return null;
        }
        boolean extraSpace = !srt && (l.length() != left.length() || r.length() != right.length());
        if (l.startsWith("-") || r.startsWith("-")) {
            return new TimingLine(line, -1, -1, "a time is below zero", true, false, null, extraSpace, srt);
        }
        SbvTime.Reading start = SbvTime.read(l);
        if (start.error() != null) {
            return new TimingLine(line, -1, -1, start.error(), false, SbvTime.isOutOfRange(start), null, extraSpace,
                    srt);
        }
        SbvTime.Reading end = SbvTime.read(r);
        if (end.error() != null) {
            return new TimingLine(line, -1, -1, end.error(), false, SbvTime.isOutOfRange(end), null, extraSpace, srt);
        }
        String tolerance = join(prefixed("start", start.tolerance()), prefixed("end", end.tolerance()));
        return new TimingLine(line, start.ms(), end.ms(), null, false, false, tolerance, extraSpace, srt);
    }

    /**
     * Starts with digits and a colon (maybe after a minus) and holds no white space: a time, or a broken one that
     * should be reported rather than read as text. Text such as {@code 10:30, 11:45 and later} has spaces.
     */
    private static boolean looksLikeTime(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0 || i >= s.length() || s.charAt(i) != ':') {
            return false;
        }
        for (int k = i; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String prefixed(String what, @Nullable String tolerance) {
        return tolerance == null ? null : what + " " + tolerance;
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
