package io.capdex.cli;

/** Human timecodes for terminal output ({@code 1:27.680}, {@code 1:02:03.500}). */
final class Timecodes {
    private Timecodes() {}

    static String clock(long ms) {
        long abs = Math.abs(ms);
        long h = abs / 3_600_000;
        long m = abs / 60_000 % 60;
        long s = abs / 1000 % 60;
        long milli = abs % 1000;
        String sign = ms < 0 ? "-" : "";
        return h > 0 ? String.format("%s%d:%02d:%02d.%03d", sign, h, m, s, milli)
                : String.format("%s%d:%02d.%03d", sign, m, s, milli);
    }
}
