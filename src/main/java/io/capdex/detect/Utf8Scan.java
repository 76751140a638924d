package io.capdex.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A strict UTF-8 validator over byte arrays: the same verdict as the JDK's decoder with {@code REPORT}, but it
 * never allocates, skips ASCII quickly, and can say where the first bad byte is and how much valid UTF-8
 * surrounds the bad bytes.
 */
final class Utf8Scan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Scan() {
    }

    /** How many valid multi-byte sequences and how many invalid sequences a range holds. */
    record Census(int validMultiByte, int invalid) {
    }

    /** The index of the first byte above 0x7F, or {@code to} when the range is ASCII. */
    static int firstNonAscii(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        while (i < to && b[i] >= 0) {
            i++;
        }
        return i;
    }

    /** The index of the first byte that does not start a valid UTF-8 sequence, or -1 when all are valid. */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // caption files are mostly ASCII (timings, numbers, spaces): skip it eight bytes at a time
            while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, to);
            if (n < 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /** Counts valid multi-byte and invalid sequences (each maximal invalid subpart counts once). */
    static Census census(byte[] b, int from, int to) {
        int valid = 0;
        int invalid = 0;
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, to);
            if (n < 0) {
                invalid++;
                i -= n;
            } else {
                valid++;
                i += n;
            }
        }
        return new Census(valid, invalid);
    }

    /**
     * The length of the valid sequence starting at {@code i}, or minus the length of its maximal invalid subpart
     * (Unicode 15, §3.9 "U+FFFD substitution of maximal subparts"). Overlong forms, surrogates (ED A0..BF) and
     * code points above U+10FFFF are invalid, as in RFC 3629.
     */
    static int sequenceLength(byte[] b, int i, int to) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        if (b0 < 0xC2) {
            return -1; // a stray continuation byte, or C0/C1 which can only start an overlong form
        }
        if (b0 < 0xE0) {
            return i + 1 < to && continuation(b[i + 1], 0x80, 0xBF) ? 2 : -1;
        }
        if (b0 < 0xF0) {
            int lo = b0 == 0xE0 ? 0xA0 : 0x80;
            int hi = b0 == 0xED ? 0x9F : 0xBF;
            if (i + 1 >= to || !continuation(b[i + 1], lo, hi)) {
                return -1;
            }
            return i + 2 < to && continuation(b[i + 2], 0x80, 0xBF) ? 3 : -2;
        }
        if (b0 < 0xF5) {
            int lo = b0 == 0xF0 ? 0x90 : 0x80;
            int hi = b0 == 0xF4 ? 0x8F : 0xBF;
            if (i + 1 >= to || !continuation(b[i + 1], lo, hi)) {
                return -1;
            }
            if (i + 2 >= to || !continuation(b[i + 2], 0x80, 0xBF)) {
                return -2;
            }
            return i + 3 < to && continuation(b[i + 3], 0x80, 0xBF) ? 4 : -3;
        }
        return -1;
    }

    private static boolean continuation(byte b, int lo, int hi) {
        int v = b & 0xFF;
        return v >= lo && v <= hi;
    }
}
