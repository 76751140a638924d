package io.capdex.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whether one file carries the AI-accuracy warning, and where.
 *
 * @param kind what the file was read as: {@code srt}, {@code vtt}, {@code sbv}, {@code ttml}, {@code json},
 *     {@code txt}, {@code html}, {@code docx}, {@code mp4}, {@code mkv}, or the media type of anything else
 * @param where each place the warning was found ({@code cue 1 at 00:00:00}, {@code NOTE block},
 *     {@code ttm:desc}, {@code header}, {@code first paragraph}, {@code warning field},
 *     {@code container comment}, {@code stream 2 (es) cue 1 at 00:00:00}); empty when it was not found
 * @param detail one sentence for people: where it was looked for when missing, or what was found
 */
public record VerifyResult(Path path, String kind, boolean stamped, List<String> where, String detail) {
    public VerifyResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        where = List.copyOf(where);
    }
}
