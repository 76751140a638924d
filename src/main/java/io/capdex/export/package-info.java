/**
 * What leaves capdex for publishers: the AI-subtitle accuracy warning ({@link io.capdex.export.WarningTexts}),
 * stamping it onto caption tracks ({@link io.capdex.export.Stamp}), the export formats
 * ({@link io.capdex.export.Exporter}, {@link io.capdex.export.ExportFormat}) and proving that a file carries the
 * warning ({@link io.capdex.export.Verifier}).
 *
 * <p>May import {@code caption}, {@code detect} and {@code media}, Jackson, and Apache POI (the only user of POI:
 * DOCX writing and reading stay here). Must not import {@code batch}, {@code config}, {@code cli} or {@code web}:
 * exporters return bytes or write to a stream the caller gives, and the caller (batch) writes files safely.
 * Video outputs (MP4/MKV soft subtitles, burned-in video) go through {@link io.capdex.export.MediaExport}, and
 * their verification through {@link io.capdex.export.MediaVerifier}, both wired by the caller.
 */
@NullMarked
package io.capdex.export;

import org.jspecify.annotations.NullMarked;
