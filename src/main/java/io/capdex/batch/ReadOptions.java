package io.capdex.batch;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Format;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How {@link CaptionFiles} reads a caption file.
 *
 * @param encoding the charset to decode with ({@code --encoding}), or null to detect it
 * @param format the format to read as ({@code --from}), or null to sniff it from the content
 * @param maxBytes files larger than this are refused before they are read ({@code captions.max-file-size})
 * @param readers the reader for each format; null for a format capdex cannot read (JSON is written only)
 */
public record ReadOptions(@Nullable Charset encoding, @Nullable Format format, long maxBytes,
                          Function<Format, @Nullable CaptionReader> readers) {

    /** The default size limit: 200 MB, far above any real caption file (an 18-hour SRT is about 18 MB). */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    public ReadOptions {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes " + maxBytes);
        }
        Objects.requireNonNull(readers, "readers");
    }

    /** Detect the charset and the format, with the default size limit. */
    public static ReadOptions defaults(Function<Format, @Nullable CaptionReader> readers) {
        return new ReadOptions(null, null, DEFAULT_MAX_BYTES, readers);
    }

    public ReadOptions withEncoding(@Nullable Charset newEncoding) {
        return new ReadOptions(newEncoding, format, maxBytes, readers);
    }

    public ReadOptions withFormat(@Nullable Format newFormat) {
        return new ReadOptions(encoding, newFormat, maxBytes, readers);
    }

    public ReadOptions withMaxBytes(long newMaxBytes) {
        return new ReadOptions(encoding, format, newMaxBytes, readers);
    }
}
