/**
 * The one registry of caption formats: which reader and writer serve each {@link io.capdex.caption.Format}.
 *
 * <p>Depends on {@code io.capdex.caption} and its format packages only, so that every layer above (batch, export,
 * cli, bench) dispatches through the same table.
 */
@NullMarked
package io.capdex.caption.formats;

import org.jspecify.annotations.NullMarked;
