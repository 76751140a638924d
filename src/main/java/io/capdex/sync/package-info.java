/**
 * Fitting captions to speech: speech activity from PCM, caption activity from cues, the global offset and
 * frame-rate fit, piecewise offsets at splits, and a confidence for acting on the result.
 *
 * <p>Uses {@code caption}, and PCM blocks through {@link io.capdex.media.PcmConsumer}; no JavaCV types.
 */
@NullMarked
package io.capdex.sync;

import org.jspecify.annotations.NullMarked;
