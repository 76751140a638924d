/**
 * TTML and DFXP: {@code TtmlReader} (refuses DTDs and external entities) and {@code TtmlWriter}.
 *
 * <p>Depends only on {@code io.capdex.caption} (and the JDK; Jackson where JSON is written). Maps the format's
 * syntax onto the neutral model; markup never reaches the model as text.
 */
@NullMarked
package io.capdex.caption.ttml;

import org.jspecify.annotations.NullMarked;
