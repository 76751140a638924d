/**
 * The caption model every other package speaks: {@link io.capdex.caption.TimeSpan}, {@link io.capdex.caption.Cue},
 * {@link io.capdex.caption.Track}, parse problems, and the format-neutral operations on tracks (QC, repair,
 * shift and scale).
 *
 * <p>Pure Java: this package imports nothing of ours and no outside library except JSpecify. Each file format
 * lives in its own sub-package ({@code srt}, {@code vtt}, {@code sbv}, {@code ttml}, {@code json}) and maps its
 * syntax onto this model. Start reading at {@link io.capdex.caption.Cue}; the operations are
 * {@link io.capdex.caption.Qc} with {@link io.capdex.caption.QcProfile}, {@link io.capdex.caption.Repair} with
 * {@link io.capdex.caption.RepairOptions}, and {@link io.capdex.caption.Retime}. They report problems per cue;
 * {@link io.capdex.caption.CueLines} turns cue indexes into file lines. {@link io.capdex.caption.Languages} is the
 * one table of language codes (BCP 47, ISO 639-3, ISO 639-2/T for MP4, ISO 639-2/B for Matroska).
 */
@NullMarked
package io.capdex.caption;

import org.jspecify.annotations.NullMarked;
