package io.capdex.batch;

import java.util.Locale;

/** File sizes in the words messages use: {@code 250 MB}, {@code 1.5 KB}, {@code 12 bytes} (1 KB = 1024 bytes). */
final class Sizes {
    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private Sizes() {
    }

    /** A size with one decimal at most, the decimal dropped when it is 0. */
    static String text(long bytes) {
        if (bytes < KB) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        long unit = bytes >= GB ? GB : bytes >= MB ? MB : KB;
        String name = unit == GB ? "GB" : unit == MB ? "MB" : "KB";
        long tenths = Math.round(bytes * 10.0 / unit);
        String number = tenths % 10 == 0 ? Long.toString(tenths / 10)
                : String.format(Locale.ROOT, "%d.%d", tenths / 10, tenths % 10);
        return number + " " + name;
    }

    /**
     * {@code 250 MB is above the 200 MB limit}; exact byte counts when rounding would make both sides read the
     * same ({@code 200 MB is above the 200 MB limit} would puzzle anyone).
     */
    static String aboveLimit(long bytes, long limitBytes) {
        String size = text(bytes);
        String limit = text(limitBytes);
        if (size.equals(limit)) {
            size = bytes + " bytes";
            limit = limitBytes + "-byte";
        }
        return size + " is above the " + limit + " limit";
    }
}
