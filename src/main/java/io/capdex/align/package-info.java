/**
 * Transcript alignment: edited transcript words against AI caption words, the word error rate of the captions,
 * misheard terms, an aligned track re-segmented into QC-clean cues, readable paragraphs and cross-language cue
 * mapping. Text in, text out.
 *
 * <p>Uses only {@code io.capdex.caption} and the JDK: no Tika (the {@code detect} package hands plain text in), no
 * Lucene, no logging. Start reading at {@link io.capdex.align.Aligner}; the exact word alignment is
 * {@link io.capdex.align.WordAligner}, the error rate {@link io.capdex.align.ErrorRate}, the cue cutting
 * {@link io.capdex.align.Segmenter}. {@link io.capdex.align.ReadableTranscript} and
 * {@link io.capdex.align.TrackMapping} read finished tracks; {@link io.capdex.align.SyntheticInterview} makes
 * seeded test and benchmark input.
 */
@NullMarked
package io.capdex.align;

import org.jspecify.annotations.NullMarked;
