/**
 * Drives the feature packages over files: reading caption files from disk (size limit, charset, format), safe
 * output writing, discovery, pairing, the ingest pipeline, stored tracks and reports.
 *
 * <p>May use every feature package; must not import {@code cli} or {@code web}.
 */
@NullMarked
package io.capdex.batch;

import org.jspecify.annotations.NullMarked;
