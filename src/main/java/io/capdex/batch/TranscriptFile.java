package io.capdex.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A transcript of an interview ({@code ID[.LANG].transcript.txt|docx|pdf|odt|html}).
 *
 * @param lang the BCP 47 tag from the name or {@code capdex.csv}, or empty (the transcript is then taken to be
 *     in the spoken language)
 * @param extension the document type by name: {@code txt}, {@code docx}, {@code pdf}, {@code odt}, {@code html}
 */
public record TranscriptFile(Path path, String lang, String extension) {
    public TranscriptFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(extension, "extension");
    }

    /**
     * Preference when two transcripts are in one language, higher wins: plain text is exactly what the editor
     * wrote; DOCX and ODT keep paragraphs and labels; HTML carries page noise; PDF text extraction loses line
     * and paragraph structure.
     */
    int preference() {
        return switch (extension) {
            case "txt" -> 5;
            case "docx" -> 4;
            case "odt" -> 3;
            case "html" -> 2;
            case "pdf" -> 1;
            default -> 0;
        };
    }
}
