package io.capdex.cli;

import io.capdex.caption.AsciiAppendable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text written as UTF-8 to a stream through one large buffer, for caption writers: a 19 MB track goes out in
 * 64 KB blocks, each encoded in one {@link String#getBytes} call (a plain copy for ASCII text), where a
 * {@code BufferedWriter} over an {@code OutputStreamWriter} copies every cue's text three times and encodes it
 * character by character. A block that came only through {@link #appendAscii} (the writer looked at every
 * character already) is copied into the byte buffer without being scanned again. Not thread-safe; the caller
 * closes the stream.
 */
final class Utf8Output implements AsciiAppendable, Flushable {
    private static final int BLOCK_CHARS = 1 << 16;

    private final OutputStream out;
    private final StringBuilder buffer = new StringBuilder(BLOCK_CHARS + 1024);
    private byte[] bytes = new byte[0];
    // whether everything in the buffer came through appendAscii
    private boolean ascii = true;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    @Override
    public void appendAscii(CharSequence text) throws IOException {
        buffer.append(text);
        if (buffer.length() >= BLOCK_CHARS) {
            drain(false);
        }
    }

    @Override
    public Utf8Output append(CharSequence text) throws IOException {
        ascii = false;
        buffer.append(text);
        if (buffer.length() >= BLOCK_CHARS) {
            drain(false);
        }
        return this;
    }

    @Override
    public Utf8Output append(CharSequence text, int start, int end) throws IOException {
        ascii = false;
        buffer.append(text, start, end);
        if (buffer.length() >= BLOCK_CHARS) {
            drain(false);
        }
        return this;
    }

    @Override
    public Utf8Output append(char c) throws IOException {
        ascii = false;
        buffer.append(c);
        if (buffer.length() >= BLOCK_CHARS) {
            drain(false);
        }
        return this;
    }

    /** Writes out everything appended so far and flushes the stream. */
    @Override
    public void flush() throws IOException {
        drain(true);
        out.flush();
    }

    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies each char's low byte: all of ASCII
    private void drain(boolean all) throws IOException {
        int n = buffer.length();
        if (ascii) {
            if (n > 0) {
                if (bytes.length < n) {
                    bytes = new byte[Math.max(n, BLOCK_CHARS + 1024)];
                }
                buffer.toString().getBytes(0, n, bytes, 0);
                out.write(bytes, 0, n);
                buffer.setLength(0);
            }
            return;
        }
        // A surrogate pair must be encoded together: a high surrogate at the end waits for its partner.
        if (!all && n > 0 && Character.isHighSurrogate(buffer.charAt(n - 1))) {
            n--;
        }
        if (n == 0) {
            return;
        }
        String block = n == buffer.length() ? buffer.toString() : buffer.substring(0, n);
        out.write(block.getBytes(StandardCharsets.UTF_8));
        buffer.delete(0, n);
        ascii = buffer.length() == 0;
    }
}
