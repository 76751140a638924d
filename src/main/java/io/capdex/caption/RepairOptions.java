package io.capdex.caption;

/**
 * What {@link Repair} does and the limits it aims for.
 *
 * @param maxCharsPerLine lines longer than this are re-flowed (0: never)
 * @param maxLines cues with more lines are re-flowed into fewer, or split into several cues (0: no limit)
 * @param minDurationMs a trimmed cue keeps at least this long (or its own duration, if shorter)
 * @param maxDurationMs the longest reading time given to a zero-length cue (0: no limit)
 * @param minGapMs the gap repair leaves between consecutive cues when it moves a time
 * @param charsPerSecond the reading speed a zero-length cue gets time for
 * @param collapseRolling collapse YouTube-style rolling captions (each cue repeating the last line of the one
 *     before) into cues that show each line once
 * @param mergeDuplicates merge consecutive cues with the same text whose times touch or overlap
 * @param fixTiming give zero-length cues a reading time and resolve overlaps and too small gaps
 * @param reflow break lines over the limit, and re-balance cues with too many lines
 */
public record RepairOptions(int maxCharsPerLine, int maxLines, long minDurationMs, long maxDurationMs, long minGapMs,
                            double charsPerSecond, boolean collapseRolling, boolean mergeDuplicates,
                            boolean fixTiming, boolean reflow) {

    public RepairOptions {
        if (maxCharsPerLine < 0 || maxLines < 0 || minDurationMs < 0 || maxDurationMs < 0 || minGapMs < 0) {
            throw new IllegalArgumentException("repair limits must not be negative");
        }
        if (!(charsPerSecond > 0) || Double.isInfinite(charsPerSecond)) {
            throw new IllegalArgumentException("reading speed must be positive, not " + charsPerSecond);
        }
    }

    /** Every step on, aiming at the {@code netflix} profile at 25 fps. */
    public static RepairOptions defaults() {
        return forProfile(QcProfile.NETFLIX, 25);
    }

    /**
     * Every step on, aiming at a QC profile's limits at a frame rate, so that what repair leaves passes that
     * profile's timing and line rules wherever the text allows. The reading time of zero-length cues uses the
     * profile's lower character speed, or its word speed at six characters a word, or 15 characters a second.
     */
    public static RepairOptions forProfile(QcProfile profile, double fps) {
        double cps = profile.maxCharsPerSecondOther() > 0 ? profile.maxCharsPerSecondOther()
                : profile.maxCharsPerSecond() > 0 ? profile.maxCharsPerSecond()
                : profile.maxWordsPerMinute() > 0 ? profile.maxWordsPerMinute() * 6 / 60 : 15;
        return new RepairOptions(profile.maxCharsPerLine(), profile.maxLines(), profile.minDurationMs(),
                profile.maxDurationMs(), profile.minGapMs(fps), cps, true, true, true, true);
    }

    public RepairOptions withCollapseRolling(boolean on) {
        return new RepairOptions(maxCharsPerLine, maxLines, minDurationMs, maxDurationMs, minGapMs, charsPerSecond,
                on, mergeDuplicates, fixTiming, reflow);
    }

    public RepairOptions withMergeDuplicates(boolean on) {
        return new RepairOptions(maxCharsPerLine, maxLines, minDurationMs, maxDurationMs, minGapMs, charsPerSecond,
                collapseRolling, on, fixTiming, reflow);
    }

    public RepairOptions withFixTiming(boolean on) {
        return new RepairOptions(maxCharsPerLine, maxLines, minDurationMs, maxDurationMs, minGapMs, charsPerSecond,
                collapseRolling, mergeDuplicates, on, reflow);
    }

    public RepairOptions withReflow(boolean on) {
        return new RepairOptions(maxCharsPerLine, maxLines, minDurationMs, maxDurationMs, minGapMs, charsPerSecond,
                collapseRolling, mergeDuplicates, fixTiming, on);
    }

    public RepairOptions withMinGapMs(long gapMs) {
        return new RepairOptions(maxCharsPerLine, maxLines, minDurationMs, maxDurationMs, gapMs, charsPerSecond,
                collapseRolling, mergeDuplicates, fixTiming, reflow);
    }

    public RepairOptions withMaxCharsPerLine(int chars) {
        return new RepairOptions(chars, maxLines, minDurationMs, maxDurationMs, minGapMs, charsPerSecond,
                collapseRolling, mergeDuplicates, fixTiming, reflow);
    }
}
