/**
 * TTML and DFXP: {@link io.capdex.caption.ttml.TtmlReader}, {@link io.capdex.caption.ttml.TtmlWriter} and
 * {@link io.capdex.caption.ttml.TtmlTime}.
 *
 * <p>Depends only on {@code io.capdex.caption} and the JDK (StAX). The reader uses the JDK's own StAX parser with DTD
 * support and external entities off, and refuses any document with a {@code <!DOCTYPE>} ({@code forbidden-xml}),
 * so neither XXE nor entity-expansion bombs get in. It reads the document into a small element tree, then interprets
 * it: times inherit from {@code body} and {@code div} ({@code par} and {@code seq}), styles cascade from referenced
 * {@code <style>}s and inline {@code tts:*} attributes, and a region puts its captions at the top ({@code line:0})
 * when its id says "top", or when its text anchor (its top edge, or its middle for {@code displayAlign="center"})
 * lies in the upper half of the picture and it is not {@code displayAlign="after"} (a region without an origin
 * only when it says {@code displayAlign="before"}); all else is the bottom. Start reading at {@code TtmlReader#read}.
 */
@NullMarked
package io.capdex.caption.ttml;

import org.jspecify.annotations.NullMarked;
