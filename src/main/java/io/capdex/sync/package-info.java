/**
 * Fitting captions to speech: speech activity from PCM, caption activity from cues, the global offset and
 * frame-rate fit, piecewise offsets at splits, and a confidence for acting on the result.
 *
 * <p>Start at {@link io.capdex.sync.Synchronizer}: {@code syncToSpeech(SpeechActivity.Result, Track,
 * SyncOptions)} for audio (feed the decoder's PCM into a {@link io.capdex.sync.SpeechActivity} first) and
 * {@code syncToReference(Track, Track, SyncOptions)} for a translation against the spoken-language track. Both
 * return a {@link io.capdex.sync.SyncResult} (the DESIGN.md §3 {@code sync} JSON) whose {@code apply(Track)}
 * makes the corrected track and whose {@code summary()} says what was done.
 *
 * <p>Why this design. Both sides become 10 ms activity timelines: speech from a streaming detector
 * ({@link io.capdex.sync.SpeechActivity}: per-band adaptive floor plus syllabic modulation, robust to music
 * beds, room noise and long pauses), captions from cue spans ({@link io.capdex.sync.CaptionActivity}). As in
 * ffsubsync, one FFT cross-correlation per frame-rate ratio scores every offset within ±maxOffset at once
 * ({@code OffsetSearch}); unlike ffsubsync, the fit then continues: a per-cue score refines the offset to the
 * millisecond, and, as in alass, a dynamic programme over cues ({@code CueFit.split}) chooses among candidate
 * offsets with a penalty per split, so an inserted sponsor card or a cut is fitted piecewise (cues of cut
 * material are dropped and counted). Unlike alass, candidates come from windowed correlations against the
 * whole ±maxOffset range, so long silences or music between utterances do not lead the fit astray.
 * Confidence combines how distinct the correlation peak is with how much of the activity the fit explains
 * beyond chance; the result is applied only when confident and better, and a correct file stays untouched.
 *
 * <p>Cost, measured with {@code SyncBenchmark} (test sources) on a 60-minute synthetic interview: the detector
 * runs at about 6,500× real time on one core (0.55 s CPU per hour of 16 kHz audio), the full fit (11 frame-rate
 * ratios, splits, confidence) takes about 0.1 s CPU. Memory is one float per 10 ms frame for the detector and
 * a few arrays of the timeline's length for the fit.
 *
 * <p>Uses {@code caption}, and PCM blocks through {@link io.capdex.media.PcmConsumer}; no JavaCV types.
 * JTransforms is used here only.
 */
@NullMarked
package io.capdex.sync;

import org.jspecify.annotations.NullMarked;
