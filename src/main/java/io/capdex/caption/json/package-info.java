/**
 * capdex's machine-readable JSON view of a track ({@code convert --to json}, DESIGN.md §3): {@code JsonWriter}.
 *
 * <p>Depends only on {@code io.capdex.caption} (and the JDK; Jackson where JSON is written). Maps the format's
 * syntax onto the neutral model; markup never reaches the model as text.
 */
@NullMarked
package io.capdex.caption.json;

import org.jspecify.annotations.NullMarked;
