package io.capdex.cli;

import io.capdex.batch.CaptionFileResult;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Retime;
import io.capdex.caption.RetimeResult;
import io.capdex.caption.Track;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex shift IN -o OUT}: manual re-timing by an offset and/or a frame-rate ratio. */
@Command(name = ShiftCommand.NAME,
        description = "Re-time captions by an offset (--by) and/or a frame-rate ratio (--fps).")
final class ShiftCommand implements Callable<Integer> {
    /** The command's name: main knows it before it reads any annotation (see {@link ReadAhead}). */
    static final String NAME = "shift";

    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "IN", description = "The caption file to read (never written).")
    Path in;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--by", paramLabel = "OFFSET", description = "Move cues by this much: 1.5s, -250ms, -00:00:02.000.")
    @Nullable String by;

    @Option(names = "--fps", paramLabel = "FROM:TO",
            description = "Captions timed for FROM fps onto a TO fps video (25:23.976 scales times by 25/23.976).")
    @Nullable String fps;

    @Option(names = "--from", paramLabel = "TIME", description = "Shift only cues starting at or after this time (00:10:00).")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Output format (default: OUT's extension, else IN's format).")
    @Nullable String to;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read with this charset, not the detected one.")
    @Nullable String encoding;

    @Option(names = "--crlf", description = "End lines with CR LF.")
    boolean crlf;

    @Override
    public Integer call() {
        if (by == null && fps == null) {
            throw new CliException(ExitCode.USAGE, "capdex shift: say how to re-time: --by OFFSET and/or --fps FROM:TO");
        }
        long deltaMs = by == null ? 0 : parse(() -> Retime.parseOffset(by), "--by");
        double factor = fps == null ? 1.0 : parse(() -> Retime.parseFpsRatio(fps), "--fps");
        long fromMs = from == null ? 0 : parse(() -> Retime.parseTime(from), "--from");
        CommandContext ctx = new CommandContext(main);
        PrintWriter err = spec.commandLine().getErr();
        CaptionFileResult.Read read = ctx.readCaptionsOrFail(in, encoding, null);
        Track track = read.track();
        List<ParseProblem> problems = new ArrayList<>(read.problems());
        if (factor != 1.0) {
            RetimeResult scaled = Retime.scale(track, factor, read.parsed().cueLines());
            track = scaled.track();
            problems.addAll(scaled.problems());
        }
        if (deltaMs != 0) {
            RetimeResult shifted = Retime.shift(track, deltaMs, fromMs, read.parsed().cueLines());
            track = shifted.track();
            problems.addAll(shifted.problems());
        }
        ctx.printProblems(err, in, problems);
        CaptionOutput.write(track, problems, CaptionOutput.formatFor(to, out, track.origin().format()), out, crlf,
                ctx.force(), Set.of(in));
        if (!ctx.quiet()) {
            err.printf("%s: wrote %d cues%n", out, track.cues().size());
        }
        err.flush();
        return problems.stream().anyMatch(ParseProblem::isError) ? ExitCode.INPUT : ExitCode.OK;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "capdex shift: " + option + ": " + e.getMessage());
        }
    }
}
