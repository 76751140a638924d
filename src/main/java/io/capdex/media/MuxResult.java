package io.capdex.media;

/**
 * What {@link SubtitleMuxer} or {@link BurnIn} wrote.
 *
 * @param copiedPackets video and audio packets copied unchanged from the source
 * @param subtitlePackets subtitle packets written (one per cue)
 * @param skippedCues cues not written because they were empty or had no duration
 */
public record MuxResult(long copiedPackets, long subtitlePackets, int skippedCues) {}
