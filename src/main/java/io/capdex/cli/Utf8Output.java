package io.capdex.cli;

import io.capdex.caption.AsciiAppendable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text written as UTF-8 to a stream through one large buffer, for caption writers: a 19 MB track goes out in
 * 64 KB blocks, where a {@code BufferedWriter} over an {@code OutputStreamWriter} copies every cue's text three
 * times and encodes it character by character. ASCII bytes ({@link #appendAscii(byte[], int, int)}, a cue a
 * writer laid out in an {@code AsciiBuffer}) are copied into the block as they are. Text is collected and encoded
 * in one {@link String#getBytes} call per block; a block that came only through {@link #appendAscii(CharSequence)}
 * (the writer looked at every character already) is copied without being scanned again. Not thread-safe; the
 * caller closes the stream.
 */
final class Utf8Output implements AsciiAppendable, Flushable {
    private static final int BLOCK = 1 << 16;

    private final OutputStream out;
    // the encoded block being filled
    private final byte[] bytes = new byte[BLOCK];
    private int count;
    // text appended since the last bytes, not encoded yet
    private final StringBuilder text = new StringBuilder(1024);
    // whether all of that text came through appendAscii
    private boolean ascii = true;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    @Override
    public void appendAscii(byte[] ascii, int from, int to) throws IOException {
        if (text.length() > 0) {
            encode(true);
        }
        int n = to - from;
        if (n > BLOCK - count) {
            writeBlock();
            if (n > BLOCK) {
                out.write(ascii, from, n);
                return;
            }
        }
        System.arraycopy(ascii, from, bytes, count, n);
        count += n;
    }

    @Override
    public void appendAscii(CharSequence s) throws IOException {
        text.append(s);
        if (text.length() >= BLOCK) {
            encode(false);
        }
    }

    @Override
    public Utf8Output append(CharSequence s) throws IOException {
        ascii = false;
        text.append(s);
        if (text.length() >= BLOCK) {
            encode(false);
        }
        return this;
    }

    @Override
    public Utf8Output append(CharSequence s, int start, int end) throws IOException {
        ascii = false;
        text.append(s, start, end);
        if (text.length() >= BLOCK) {
            encode(false);
        }
        return this;
    }

    @Override
    public Utf8Output append(char c) throws IOException {
        ascii = false;
        text.append(c);
        if (text.length() >= BLOCK) {
            encode(false);
        }
        return this;
    }

    /** Writes out everything appended so far and flushes the stream. */
    @Override
    public void flush() throws IOException {
        encode(true);
        writeBlock();
        out.flush();
    }

    /**
     * Moves the text appended so far into the block as UTF-8; all of it, or (when {@code all} is false) all but a
     * high surrogate at its end, which waits for its partner so that the pair is encoded together.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies each char's low byte: all of ASCII
    private void encode(boolean all) throws IOException {
        int n = text.length();
        if (!ascii && !all && n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
            n--;
        }
        if (n == 0) {
            return;
        }
        String block = n == text.length() ? text.toString() : text.substring(0, n);
        if (ascii) {
            if (n > BLOCK - count) {
                writeBlock();
            }
            if (n <= BLOCK) {
                block.getBytes(0, n, bytes, count);
                count += n;
            } else {
                byte[] b = new byte[n];
                block.getBytes(0, n, b, 0);
                out.write(b);
            }
        } else {
            byte[] b = block.getBytes(StandardCharsets.UTF_8);
            if (b.length > BLOCK - count) {
                writeBlock();
            }
            if (b.length <= BLOCK) {
                System.arraycopy(b, 0, bytes, count, b.length);
                count += b.length;
            } else {
                out.write(b);
            }
        }
        text.delete(0, n);
        ascii = text.length() == 0;
    }

    private void writeBlock() throws IOException {
        if (count > 0) {
            out.write(bytes, 0, count);
            count = 0;
        }
    }
}
