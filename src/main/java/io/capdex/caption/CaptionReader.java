package io.capdex.caption;

/**
 * Reads one caption format from decoded text, leniently: problems are reported, never thrown. A leading U+FEFF
 * is a byte order mark left by decoding and is skipped. The returned track's origin has the format, {@code
 * UTF-8} (the file layer replaces it with the real encoding), whether a BOM was seen, and the line endings.
 * Implementations are stateless and thread-safe.
 */
public interface CaptionReader {
    ParseResult read(CharSequence text);
}
