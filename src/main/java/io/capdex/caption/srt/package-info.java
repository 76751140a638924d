/**
 * SubRip (SRT): {@code SrtReader}, {@code SrtWriter} and {@code SrtTime}, the centre of capdex's caption handling.
 *
 * <p>Depends only on {@code io.capdex.caption} (and the JDK; Jackson where JSON is written). Maps the format's
 * syntax onto the neutral model; markup never reaches the model as text.
 */
@NullMarked
package io.capdex.caption.srt;

import org.jspecify.annotations.NullMarked;
