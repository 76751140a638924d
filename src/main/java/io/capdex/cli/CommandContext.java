package io.capdex.cli;

import io.capdex.batch.CaptionFileResult;
import io.capdex.batch.CaptionFiles;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.batch.ReadOptions;
import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.config.Config;
import io.capdex.config.ConfigException;
import io.capdex.search.TranscriptIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What every subcommand needs from the global options: the configuration, caption reading, diagnostics. */
final class CommandContext {
    private final Main main;
    private @Nullable Config config;

    CommandContext(Main main) {
        this.main = main;
    }

    boolean force() {
        return main.force;
    }

    boolean verbose() {
        return main.verbose;
    }

    boolean quiet() {
        return main.quiet;
    }

    Path dataDir() {
        return main.dataDir();
    }

    /** The configuration: {@code --config FILE}, else {@code DATA/capdex.yaml} when present, else defaults. */
    Config config() {
        if (config != null) {
            return config;
        }
        Path file = main.config;
        if (file == null) {
            Path implicit = dataDir().resolve("capdex.yaml");
            file = Files.isRegularFile(implicit) ? implicit : null;
        } else if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCode.USAGE, file + ": no such configuration file");
        }
        try {
            config = file == null ? Config.defaults() : Config.load(file);
        } catch (ConfigException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, file + ": cannot read the configuration (" + e.getMessage() + ")", e);
        }
        return config;
    }

    /** The readers every command reads captions with: one function, so that read-ahead options compare equal. */
    private static final Function<Format, @Nullable CaptionReader> READERS = CaptionFormats::reader;

    /** How a command reads a caption file when no option says otherwise (and {@link ReadAhead} reads ahead). */
    static ReadOptions defaultReadOptions() {
        return ReadOptions.defaults(READERS);
    }

    /**
     * Reads a caption file with the configured size limit, an optional charset override and forced format; what
     * main read ahead is taken when it is this file read the same way.
     */
    CaptionFileResult readCaptions(Path file, @Nullable String encoding, @Nullable Format format) {
        return CaptionFiles.read(file, readOptions(encoding, format), main.readAhead());
    }

    /** Reads like {@link #readCaptions} but hands the cues to {@code sink} instead of keeping them. */
    CaptionFileResult streamCaptions(Path file, @Nullable String encoding, @Nullable Format format,
                                     Consumer<Cue> sink) {
        return CaptionFiles.stream(file, readOptions(encoding, format), sink, main.readAhead());
    }

    private ReadOptions readOptions(@Nullable String encoding, @Nullable Format format) {
        return defaultReadOptions()
                .withMaxBytes(config().maxCaptionFileBytes())
                .withEncoding(encoding == null ? null : charset(encoding))
                .withFormat(format);
    }

    /** Reads a caption file a command cannot go on without: a refusal ends the command with exit 3. */
    CaptionFileResult.Read readCaptionsOrFail(Path file, @Nullable String encoding, @Nullable Format format) {
        CaptionFileResult result = readCaptions(file, encoding, format);
        if (result instanceof CaptionFileResult.Failed f) {
            throw new CliException(ExitCode.INPUT, f.message());
        }
        return (CaptionFileResult.Read) result;
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CliException(ExitCode.USAGE, "capdex: unknown encoding '" + name
                    + "' (try UTF-8, windows-1252, ISO-8859-1, UTF-16LE)");
        }
    }

    /**
     * What to tell the user when another capdex version wrote the index in {@code indexDir}, else null. Such an
     * index is still searched, but its fields may lack what this version looks for (words heard as several pieces,
     * say) until the next ingest or a reindex rebuilds it from the stored tracks.
     */
    static @Nullable String otherSchemaNote(Path indexDir) {
        OptionalInt v;
        try {
            v = TranscriptIndex.schemaVersion(indexDir);
        } catch (IOException e) {
            return null; // no readable commit: the search itself says what is wrong
        }
        if (v.isEmpty() || v.getAsInt() == TranscriptIndex.SCHEMA_VERSION) {
            return null;
        }
        return indexDir + " was built by another capdex version (index schema " + v.getAsInt() + ", this one writes "
                + TranscriptIndex.SCHEMA_VERSION + "); results may miss some matches until 'capdex reindex' rebuilds"
                + " it from the stored tracks";
    }

    /** One problem in the compiler form: {@code path:line: severity: message [code]}. */
    static String diagnostic(Path file, ParseProblem p) {
        String where = p.line() > 0 ? file + ":" + p.line() : file.toString();
        return where + ": " + p.severity().id() + ": " + p.message() + " [" + p.code() + "]";
    }

    /** Prints problems to stderr; warnings are left out with {@code --quiet}. */
    void printProblems(PrintWriter err, Path file, Iterable<ParseProblem> problems) {
        for (ParseProblem p : problems) {
            if (quiet() && !p.isError()) {
                continue;
            }
            err.println(diagnostic(file, p));
        }
    }
}
