/**
 * YouTube's SubViewer (SBV) format: {@link io.capdex.caption.sbv.SbvReader}, {@link io.capdex.caption.sbv.SbvWriter}
 * and {@link io.capdex.caption.sbv.SbvTime}.
 *
 * <p>Depends only on {@code io.capdex.caption} and the JDK. SBV carries timing and plain text only: the writer drops
 * styling and positioning, the reader turns {@code [br]} into a line break and tolerates what hand-edited and
 * renamed-SRT files hold, reporting each tolerance as a problem. Start reading at {@code SbvReader#read}.
 */
@NullMarked
package io.capdex.caption.sbv;

import org.jspecify.annotations.NullMarked;
