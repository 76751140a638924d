package io.capdex.cli;

import io.capdex.caption.formats.CaptionFormats;
import io.capdex.batch.OutputException;
import io.capdex.batch.OutputFiles;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import io.capdex.caption.json.JsonWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Writing a converted or re-timed track: format from {@code --to} or the extension, UTF-8, never over a source. */
final class CaptionOutput {
    private CaptionOutput() {}

    /** The output format: {@code --to} when given, else the output file's extension. */
    static Format formatFor(@Nullable String to, Path out, @Nullable Format fallback) {
        if (to != null) {
            return Format.fromId(to).orElseThrow(() -> new CliException(ExitCode.USAGE,
                    "capdex: unknown format '" + to + "' (srt, vtt, sbv, ttml, json)"));
        }
        Path name = out.getFileName();
        if (name != null) {
            var byName = Format.fromFileName(name.toString());
            if (byName.isPresent()) {
                return byName.get();
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new CliException(ExitCode.USAGE, out + ": cannot tell the output format from the name; use --to");
    }

    /** Writes the track, streaming into a temporary file that replaces {@code out} only when complete. */
    static void write(Track track, List<ParseProblem> problems, Format format, Path out, boolean crlf, boolean force,
                      Set<Path> sources) {
        WriteOptions options = WriteOptions.defaults().withCrlf(crlf);
        try {
            OutputFiles.write(out, force, sources, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                if (format == Format.JSON) {
                    new JsonWriter().write(track, problems, w);
                } else {
                    CaptionFormats.writer(format).write(track, w, options);
                }
                w.flush();
            });
        } catch (OutputException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage(), e);
        }
    }
}
