/**
 * WebVTT per the W3C parsing algorithm: {@link io.capdex.caption.vtt.VttReader} (lenient, problems as data),
 * {@link io.capdex.caption.vtt.VttWriter} (canonical), {@link io.capdex.caption.vtt.VttTime}, and typed views of
 * the settings maps ({@link io.capdex.caption.vtt.VttCueSettings}, {@link io.capdex.caption.vtt.VttRegionSettings}).
 *
 * <p>Depends only on {@code io.capdex.caption} and the JDK. Reading has two stages: {@code VttReader.parse} runs
 * the spec's block-level algorithm and returns a {@link io.capdex.caption.vtt.VttDocument} (what a browser sees:
 * raw cue text, cues that end before they start); {@code VttReader.read} maps that onto the neutral model,
 * with {@code CueText} turning cue markup into styled runs, speaker and word timings. Markup never reaches the
 * model as text. Start reading at {@code VttReader.Parse#collectBlock}.
 */
@NullMarked
package io.capdex.caption.vtt;

import org.jspecify.annotations.NullMarked;
