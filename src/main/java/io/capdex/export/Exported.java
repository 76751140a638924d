package io.capdex.export;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One exported file's content, and the warning it carries.
 *
 * @param content the file's bytes (UTF-8 for text formats); not copied, so do not change it
 * @param warning the warning text written; {@link WarningText#fellBack()} says English stood in for the track's
 *     language, which the export reports
 */
public record Exported(ExportFormat format, byte[] content, WarningText warning) {
    public Exported {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(warning, "warning");
    }

    /** The content as text (UTF-8); meaningful for every format but DOCX. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
