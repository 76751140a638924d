/**
 * Drives the feature packages over files: reading caption files from disk (size limit, charset, format), safe
 * output writing, discovery, pairing, the ingest pipeline, stored tracks and reports.
 *
 * <p>Start reading at {@link io.capdex.batch.Discovery} (folders to paired {@link io.capdex.batch.Interview}s),
 * {@link io.capdex.batch.IngestPlan} (what is new, changed, unchanged or gone), {@link io.capdex.batch.IngestPipeline}
 * (the ingest itself: process, store, index, in parallel), {@link io.capdex.batch.TrackStore}
 * (the stored tracks, the source of truth) and {@link io.capdex.batch.IngestReport} (JSON, HTML and the terminal
 * summary). Progress while a run goes: {@link io.capdex.batch.ProgressStyle} picks a bar
 * ({@link io.capdex.batch.TerminalProgress}, the only user of progressbar/JLine) or lines
 * ({@link io.capdex.batch.ProgressLines}); {@link io.capdex.batch.StopRequest} ends a run early on Ctrl-C.
 *
 * <p>May use every feature package; must not import {@code cli} or {@code web}.
 */
@NullMarked
package io.capdex.batch;

import org.jspecify.annotations.NullMarked;
