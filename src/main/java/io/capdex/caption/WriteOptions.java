package io.capdex.caption;

/**
 * How a writer lays out its output.
 *
 * @param crlf end lines with CR LF instead of LF
 */
public record WriteOptions(boolean crlf) {
    public static WriteOptions defaults() {
        return new WriteOptions(false);
    }

    public WriteOptions withCrlf(boolean on) {
        return new WriteOptions(on);
    }

    public String newline() {
        return crlf ? "\r\n" : "\n";
    }
}
