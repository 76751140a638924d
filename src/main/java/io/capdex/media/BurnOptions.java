package io.capdex.media;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How {@link BurnIn} encodes.
 *
 * @param videoBitrate H.264 bits per second; 0 chooses from the picture size (about 0.1 bit per pixel per frame)
 * @param fontFile a TrueType/OpenType font, or null for the bundled DejaVu Sans
 */
public record BurnOptions(long videoBitrate, @Nullable Path fontFile) {
    public BurnOptions {
        if (videoBitrate < 0) {
            throw new IllegalArgumentException("videoBitrate " + videoBitrate);
        }
    }

    /** Bitrate from the picture size, bundled font. */
    public static BurnOptions defaults() {
        return new BurnOptions(0, null);
    }

    public BurnOptions withVideoBitrate(long bitsPerSecond) {
        return new BurnOptions(bitsPerSecond, fontFile);
    }

    public BurnOptions withFontFile(@Nullable Path font) {
        return new BurnOptions(videoBitrate, font);
    }
}
