package io.capdex.sync;

/**
 * How hard {@link Synchronizer} looks and how sure it must be before it changes captions.
 *
 * @param maxOffsetMs the largest shift searched either way, in ms (default 60 s)
 * @param split whether piecewise offsets (inserts and cuts in the video) may be fitted (default true);
 *     {@code false} is {@code --no-split}
 * @param minConfidence the confidence (0–1) a fit needs before it is applied (default
 *     {@value #DEFAULT_MIN_CONFIDENCE}). In the test corpus (synthetic and espeak-ng speech, clean, over music
 *     and over room noise) correct fits score 0.75–1, while fits to music, to another interview's audio or to
 *     captions shifted beyond {@code maxOffsetMs} score 0.2 or less; 0.5 leaves a margin both ways
 */
public record SyncOptions(long maxOffsetMs, boolean split, double minConfidence) {

    public static final long DEFAULT_MAX_OFFSET_MS = 60_000;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    public SyncOptions {
        if (maxOffsetMs < 0) {
            throw new IllegalArgumentException("maxOffsetMs must not be negative: " + maxOffsetMs);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in 0..1: " + minConfidence);
        }
    }

    public static SyncOptions defaults() {
        return new SyncOptions(DEFAULT_MAX_OFFSET_MS, true, DEFAULT_MIN_CONFIDENCE);
    }

    public SyncOptions withMaxOffsetMs(long newMaxOffsetMs) {
        return new SyncOptions(newMaxOffsetMs, split, minConfidence);
    }

    public SyncOptions withSplit(boolean newSplit) {
        return new SyncOptions(maxOffsetMs, newSplit, minConfidence);
    }

    public SyncOptions withMinConfidence(double newMinConfidence) {
        return new SyncOptions(maxOffsetMs, split, newMinConfidence);
    }
}
