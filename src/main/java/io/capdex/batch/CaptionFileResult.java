package io.capdex.batch;

import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Track;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What reading one caption file from disk gave: the parsed track, or the reason the file was refused. */
public sealed interface CaptionFileResult permits CaptionFileResult.Read, CaptionFileResult.Failed {

    /** The path as the caller gave it (and as messages show it). */
    Path path();

    /**
     * A file that was read. The track's {@link io.capdex.caption.Origin} holds the format, the charset name,
     * whether there was a byte order mark, and the line endings; the problems include the file layer's own
     * ({@code invalid-encoding}, {@code format-mismatch}) before the reader's.
     *
     * @param charset the charset the bytes were decoded with
     * @param replacedInvalid whether invalid bytes were replaced with U+FFFD (an {@code invalid-encoding} warning
     *     says where)
     */
    record Read(Path path, ParseResult parsed, Charset charset, boolean replacedInvalid)
            implements CaptionFileResult {
        public Read {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(parsed, "parsed");
            Objects.requireNonNull(charset, "charset");
        }

        public Track track() {
            return parsed.track();
        }

        public List<ParseProblem> problems() {
            return parsed.problems();
        }
    }

    /**
     * A file that was refused before or while reading it; nothing was parsed.
     *
     * @param reason what is wrong, for people: {@code empty file}, {@code not a caption file (detected video/mp4)}
     */
    record Failed(Path path, String reason) implements CaptionFileResult {
        public Failed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        /** The diagnostic line: {@code path: reason}. */
        public String message() {
            return path + ": " + reason;
        }
    }
}
