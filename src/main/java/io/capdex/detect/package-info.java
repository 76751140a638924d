/**
 * What a file is: its kind (by name and content), its charset, its language, and the text and metadata of
 * documents. The only user of Apache Tika; callers get small records, never Tika types.
 *
 * <p>Start at {@link io.capdex.detect.FileKinds} (what a file is) and {@link io.capdex.detect.TextDecoder} (its
 * charset); documents are read by {@link io.capdex.detect.DocumentText} (text of TXT, DOCX, PDF, ODT, HTML),
 * {@link io.capdex.detect.TranscriptSource} (that text shaped for {@code align}) and
 * {@link io.capdex.detect.InterviewPage} (an interview page's metadata); {@link io.capdex.detect.LanguageDetector}
 * guesses a text's language. Failures to read a document are {@link io.capdex.detect.DocumentException}s with a
 * message for people.
 *
 * <p>Must not import {@code batch}, {@code cli} or {@code web}.
 */
@NullMarked
package io.capdex.detect;

import org.jspecify.annotations.NullMarked;
