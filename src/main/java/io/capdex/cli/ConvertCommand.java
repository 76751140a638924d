package io.capdex.cli;

import io.capdex.batch.CaptionFileResult;
import io.capdex.batch.OutputException;
import io.capdex.batch.OutputFiles;
import io.capdex.caption.CaptionWriter;
import io.capdex.caption.CaptionWriter.CueStream;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Repair;
import io.capdex.caption.RepairResult;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import io.capdex.caption.formats.CaptionFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code capdex convert IN -o OUT}: any caption format to any other, UTF-8 out, optionally repaired.
 *
 * <p>A plain conversion (no {@code --repair}, a target format that can be written cue by cue) streams: each cue
 * goes from the reader to the writer as it is read, so a 200,000-cue file never exists as a track model, and
 * the writing runs on a second thread ({@link CuePipe}) while the reader parses (issue #2's time and memory
 * targets). The output, the problems, the messages and the exit code are the same as the
 * whole-track path's; whenever the stream cannot finish that way (the output is refused or fails, a cue needs
 * the whole track, the input had header blocks the stream could not write first), its partial output is thrown
 * away and the whole-track path runs from the start, so every failure is reported exactly as before.
 */
@Command(name = ConvertCommand.NAME,
        description = "Convert a caption file to another format (UTF-8 out), optionally repaired.")
final class ConvertCommand implements Callable<Integer> {
    /** The command's name: main knows it before it reads any annotation (see {@link ReadAhead}). */
    static final String NAME = "convert";

    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "IN", description = "The caption file to read (never written).")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--to", paramLabel = "FORMAT", description = "srt, vtt, sbv, ttml or json (default: from OUT's extension).")
    @Nullable String to;

    @Option(names = "--repair", description = "Repair timing, overlaps, duplicates, rolling captions and long lines.")
    boolean repair;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read with this charset, not the detected one.")
    @Nullable String encoding;

    @Option(names = "--from-format", paramLabel = "FORMAT", description = "Read IN as this format, whatever its content looks like.")
    @Nullable String fromFormat;

    @Option(names = "--crlf", description = "End lines with CR LF.")
    boolean crlf;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter err = spec.commandLine().getErr();
        Format target = CaptionOutput.formatFor(to, out, null);
        Format forced = fromFormat == null ? null : Format.fromId(fromFormat).orElseThrow(() ->
                new CliException(ExitCode.USAGE, "capdex: unknown format '" + fromFormat + "'"));
        if (!repair && target != Format.JSON) {
            Optional<Converted> streamed = stream(ctx, target, forced);
            if (streamed.isPresent()) {
                ctx.printProblems(err, in, streamed.get().problems());
                return summary(ctx, err, streamed.get().problems(), streamed.get().cues(), target);
            }
        }
        CaptionFileResult.Read read = ctx.readCaptionsOrFail(in, encoding, forced);
        Track track = read.track();
        List<ParseProblem> problems = new ArrayList<>(read.problems());
        if (repair) {
            RepairResult repaired = Repair.repair(track, ctx.config().repairOptions(), read.parsed().cueLines());
            track = repaired.track();
            problems.addAll(repaired.changes());
        }
        ctx.printProblems(err, in, problems);
        CaptionOutput.write(track, problems, target, out, crlf, ctx.force(), Set.of(in));
        return summary(ctx, err, problems, track.cues().size(), target);
    }

    private int summary(CommandContext ctx, PrintWriter err, List<ParseProblem> problems, int cues, Format target) {
        if (!ctx.quiet()) {
            err.printf("%s: wrote %d cues as %s%n", out, cues, target.id().toUpperCase());
        }
        err.flush();
        return problems.stream().anyMatch(ParseProblem::isError) ? ExitCode.INPUT : ExitCode.OK;
    }

    /** What a streamed conversion read and wrote. */
    private record Converted(List<ParseProblem> problems, int cues) {}

    /**
     * Converts cue by cue, or returns empty, having written nothing, when that cannot be done the way the
     * whole-track path would do it.
     */
    private Optional<Converted> stream(CommandContext ctx, Format target, @Nullable Format forced) {
        try {
            // a refused output is reported after the input's problems, as the whole-track path does it
            OutputFiles.check(out, ctx.force(), Set.of(in));
        } catch (OutputException e) {
            return Optional.empty();
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty(); // the whole-track path creates it, but only once the input is read
        }
        CaptionWriter writer = CaptionFormats.writer(target);
        WriteOptions options = WriteOptions.defaults().withCrlf(crlf);
        Track header = Track.of(target, List.of());
        try {
            if (writer.open(header, new StringBuilder(), options).isEmpty()) {
                return Optional.empty(); // a format that needs the whole track (SBV, TTML): no stream to try
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        List<Converted> done = new ArrayList<>(1);
        try {
            OutputFiles.writeUnlessAbandoned(out, ctx.force(), Set.of(in), stream -> {
                Utf8Output text = new Utf8Output(stream);
                Optional<CueStream> opened = writer.open(header, text, options);
                if (opened.isEmpty()) {
                    return false;
                }
                CaptionFileResult result;
                try (CuePipe pipe = new CuePipe(opened.get())) {
                    try {
                        result = ctx.streamCaptions(in, encoding, forced, pipe);
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                    if (result instanceof CaptionFileResult.Failed f) {
                        throw new CliException(ExitCode.INPUT, f.message());
                    }
                    CaptionFileResult.Read read = (CaptionFileResult.Read) result;
                    // the header went out before the first cue: what only the whole track knows (WebVTT STYLE and
                    // REGION blocks of the input) would be missing from it
                    if (!pipe.finish() || !read.track().styles().isEmpty() || !read.track().regions().isEmpty()) {
                        return false;
                    }
                    opened.get().finish();
                    text.flush();
                    done.add(new Converted(read.problems(), pipe.written()));
                    return true;
                }
            });
        } catch (OutputException e) {
            return Optional.empty();
        }
        return done.stream().findFirst();
    }
}
