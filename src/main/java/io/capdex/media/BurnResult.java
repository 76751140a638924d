package io.capdex.media;

/**
 * What {@link BurnIn} wrote.
 *
 * @param frames video frames encoded
 * @param framesWithText frames on which at least one cue was drawn
 * @param audioPackets audio packets copied unchanged from the source
 */
public record BurnResult(long frames, long framesWithText, long audioPackets) {}
