package io.capdex.caption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable byte buffer in which a writer lays out a cue that turns out to be ASCII, for an {@link AsciiAppendable}
 * to take whole with {@link AsciiAppendable#appendAscii(byte[], int, int)}: numbers and clock times are written
 * as digits straight into it, and cue text is copied once, checked on the way. A UTF-8 file output then copies
 * the bytes as they are. Through a {@code StringBuilder} the same cue was appended piece by piece, copied into the
 * output's buffer, then copied twice more to become bytes: more than a third of the writer thread of a
 * 200,000-cue convert (issue #2). Not thread-safe; a writer keeps one per stream.
 */
public final class AsciiBuffer {
    private byte[] bytes = new byte[256];
    // where numbers and times are laid out before they are copied in
    private final char[] digits = new char[ClockTime.MAX_LENGTH];
    private int length;

    /** Empties the buffer for the next cue. */
    public void clear() {
        length = 0;
    }

    public int length() {
        return length;
    }

    /** Cuts the buffer back to {@code newLength} bytes (no more than it holds). */
    public void setLength(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IndexOutOfBoundsException("length " + newLength + " of " + length);
        }
        length = newLength;
    }

    /** The byte at {@code index}, as the ASCII character it is. */
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + length);
        }
        return (char) bytes[index];
    }

    /**
     * Appends {@code ascii}, every character of which is below U+0080: a literal of the format, or a line end
     * (checked: a wider character would be written wrongly).
     */
    public AsciiBuffer append(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = ascii.charAt(i);
            if (c >= 0x80) {
                throw new IllegalArgumentException("not ASCII: " + ascii);
            }
            bytes[length + i] = (byte) c;
        }
        length += n;
        return this;
    }

    /** Appends the decimal digits of {@code n}, which is 0 or more. */
    public AsciiBuffer appendNumber(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number " + n);
        }
        return appendDigits(ClockTime.putDigits(digits, 0, n));
    }

    /** Appends {@code ms} as {@link ClockTime#appendTo} writes it. */
    public AsciiBuffer appendTime(long ms, int minHourDigits, char separator) {
        if (separator >= 0x80) {
            throw new IllegalArgumentException("not ASCII: " + separator);
        }
        return appendDigits(ClockTime.put(digits, 0, ms, minHourDigits, separator));
    }

    /** Appends the first {@code n} characters of {@link #digits}, all ASCII. */
    private AsciiBuffer appendDigits(int n) {
        ensure(n);
        byte[] b = bytes;
        char[] d = digits;
        int p = length;
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) d[i];
        }
        length = p + n;
        return this;
    }

    /**
     * Appends {@code text} as it is when every character of it is below U+0080 and not one {@code stops} marks (a
     * table of 128: the characters the format would write otherwise); returns false, with nothing appended, when
     * one of them is not. The caller then writes the cue its general way.
     */
    public boolean appendText(String text, boolean[] stops) {
        if (stops.length != 0x80) {
            throw new IllegalArgumentException("a table of " + stops.length + ", not 128");
        }
        // A copy of the text's Latin-1 bytes (for most strings the JDK copies its own array, no loop), with '?' for
        // each wider character or surrogate pair. Up to the first of those, bytes and characters line up, and it
        // stops the loop: its '?' is checked against the text. Reading the characters out with getChars or charAt
        // instead took twice as long (C1, profiled).
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = latin1.length;
        for (int i = 0; i < n; i++) {
            byte c = latin1[i];
            if (c < 0 || stops[c] || c == '?' && text.charAt(i) != '?') {
                return false;
            }
        }
        ensure(n);
        System.arraycopy(latin1, 0, bytes, length, n);
        length += n;
        return true;
    }

    /** Hands everything appended so far to {@code out}. */
    public void writeTo(AsciiAppendable out) throws IOException {
        out.appendAscii(bytes, 0, length);
    }

    private void ensure(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
