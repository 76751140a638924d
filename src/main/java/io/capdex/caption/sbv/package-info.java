/**
 * YouTube's SBV format: {@code SbvReader}, {@code SbvWriter}.
 *
 * <p>Depends only on {@code io.capdex.caption} (and the JDK; Jackson where JSON is written). Maps the format's
 * syntax onto the neutral model; markup never reaches the model as text.
 */
@NullMarked
package io.capdex.caption.sbv;

import org.jspecify.annotations.NullMarked;
