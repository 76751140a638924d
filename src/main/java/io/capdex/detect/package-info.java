/**
 * What a file is: its kind (by name and content), its charset, its language, and the text and metadata of
 * documents. The only user of Apache Tika; callers get small records, never Tika types.
 *
 * <p>Must not import {@code batch}, {@code cli} or {@code web}.
 */
@NullMarked
package io.capdex.detect;

import org.jspecify.annotations.NullMarked;
