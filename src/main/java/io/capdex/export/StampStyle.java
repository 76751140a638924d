package io.capdex.export;

/**
 * How the warning is laid out as caption cues.
 *
 * @param merged merge the warning above the caption text it overlaps instead of showing separate cues, for formats
 *     that show one cue at a time (SBV has no positioning; MP4 mov_text plays one sample at a time)
 * @param top put the warning cues at the top of the picture (setting {@code line:0}, {@code {\an8}} in SRT)
 * @param maxCharsPerLine the longest warning line, in characters
 * @param maxLines lines per warning cue
 * @param charsPerSecond the reading speed each warning cue's duration is computed from
 * @param minCueMs the shortest time a warning cue is shown
 */
public record StampStyle(boolean merged, boolean top, int maxCharsPerLine, int maxLines, double charsPerSecond,
                         long minCueMs) {
    public StampStyle {
        if (maxCharsPerLine < 10 || maxLines < 1 || !(charsPerSecond > 0) || Double.isInfinite(charsPerSecond)
                || minCueMs < 0) {
            throw new IllegalArgumentException("stamp style " + maxCharsPerLine + " chars x " + maxLines
                    + " lines at " + charsPerSecond + " chars/s, at least " + minCueMs + " ms");
        }
    }

    /** Separate cues at the top: 2 lines of 42 characters, 15 characters a second, at least 3 s each. */
    public static StampStyle defaults() {
        return new StampStyle(false, true, 42, 2, 15, 3000);
    }

    /** The defaults merged above the captions, at the captions' own position. */
    public static StampStyle mergedStyle() {
        return defaults().withMerged(true).withTop(false);
    }

    public StampStyle withMerged(boolean on) {
        return new StampStyle(on, top, maxCharsPerLine, maxLines, charsPerSecond, minCueMs);
    }

    public StampStyle withTop(boolean on) {
        return new StampStyle(merged, on, maxCharsPerLine, maxLines, charsPerSecond, minCueMs);
    }

    public StampStyle withReading(int chars, int lines, double cps, long minMs) {
        return new StampStyle(merged, top, chars, lines, cps, minMs);
    }
}
