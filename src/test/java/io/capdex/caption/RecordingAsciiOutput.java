package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@link AsciiAppendable} for writer tests: keeps all text in order, counts what came marked ASCII (as text or as
 * bytes), and fails the test when marked text is not ASCII.
 */
public final class RecordingAsciiOutput implements AsciiAppendable {
    private final StringBuilder text = new StringBuilder();
    private int asciiAppends;
    private int byteAppends;

    @Override
    public void appendAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertTrue(c < 0x80, () -> "marked ASCII but has U+" + Integer.toHexString(c) + ": " + s);
        }
        asciiAppends++;
        text.append(s);
    }

    @Override
    public void appendAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            assertTrue(b >= 0, () -> "marked ASCII but has byte " + (b & 0xFF));
            text.append((char) b);
        }
        asciiAppends++;
        byteAppends++;
    }

    @Override
    public RecordingAsciiOutput append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public RecordingAsciiOutput append(CharSequence s, int start, int end) {
        text.append(s, start, end);
        return this;
    }

    @Override
    public RecordingAsciiOutput append(char c) {
        text.append(c);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public int asciiAppends() {
        return asciiAppends;
    }

    /** How many of the {@link #asciiAppends} came as bytes (a cue laid out in an {@link AsciiBuffer}). */
    public int byteAppends() {
        return byteAppends;
    }
}
