/**
 * WebVTT per the W3C parsing algorithm: {@code VttReader}, {@code VttWriter}, {@code VttTime}.
 *
 * <p>Depends only on {@code io.capdex.caption} (and the JDK; Jackson where JSON is written). Maps the format's
 * syntax onto the neutral model; markup never reaches the model as text.
 */
@NullMarked
package io.capdex.caption.vtt;

import org.jspecify.annotations.NullMarked;
