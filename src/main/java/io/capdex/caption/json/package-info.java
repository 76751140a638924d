/**
 * capdex's JSON view of a track ({@code convert --to json}, DESIGN.md §3): {@link io.capdex.caption.json.JsonWriter}
 * writes it with Jackson's streaming generator, {@link io.capdex.caption.json.JsonReader} reads it back so the view
 * doubles as a lossless interchange format.
 *
 * <p>Depends only on {@code io.capdex.caption}, the JDK and Jackson. Field names are a contract: fields may be added,
 * never renamed.
 */
@NullMarked
package io.capdex.caption.json;

import org.jspecify.annotations.NullMarked;
