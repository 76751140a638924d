/**
 * SubRip (SRT): {@link io.capdex.caption.srt.SrtReader} (lenient, problems as data),
 * {@link io.capdex.caption.srt.SrtWriter} (strict, canonical) and {@link io.capdex.caption.srt.SrtTime}
 * ({@code HH:MM:SS,mmm}, hours above 99 included).
 *
 * <p>Depends only on {@code io.capdex.caption} and the JDK. Start reading at {@code SrtReader}: a small enum state
 * machine walks the lines (after cdown/srt's tolerances and jsoup's tokeniser states); {@code SrtMarkup} turns a
 * cue's text into styled model lines; {@code SrtSyntax} holds the line rules (blank, number, timing, tag, entity)
 * that reader and writer share, so that everything the writer writes reads back unchanged. Markup never reaches
 * the model as text.
 */
@NullMarked
package io.capdex.caption.srt;

import org.jspecify.annotations.NullMarked;
