package io.capdex.export;

/**
 * How {@link Exporter} writes files.
 *
 * @param srtAn8 mark SRT warning cues {@code {\an8}} (top of the picture); off for the few players that print it
 *     literally (configuration {@code stamp.srt-position: none})
 * @param crlf end lines with CR LF in text outputs
 * @param style the warning cue layout (reading speed, line limits); its {@code merged} and {@code top} are set
 *     per format
 */
public record ExportOptions(boolean srtAn8, boolean crlf, StampStyle style) {
    public ExportOptions {
        java.util.Objects.requireNonNull(style, "style");
    }

    public static ExportOptions defaults() {
        return new ExportOptions(true, false, StampStyle.defaults());
    }

    public ExportOptions withSrtAn8(boolean on) {
        return new ExportOptions(on, crlf, style);
    }

    public ExportOptions withCrlf(boolean on) {
        return new ExportOptions(srtAn8, on, style);
    }

    public ExportOptions withStyle(StampStyle newStyle) {
        return new ExportOptions(srtAn8, crlf, newStyle);
    }
}
