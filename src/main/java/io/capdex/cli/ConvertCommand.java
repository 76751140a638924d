package io.capdex.cli;

import io.capdex.batch.CaptionFileResult;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Repair;
import io.capdex.caption.RepairResult;
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

/** {@code capdex convert IN -o OUT}: any caption format to any other, UTF-8 out, optionally repaired. */
@Command(name = "convert", description = "Convert a caption file to another format (UTF-8 out), optionally repaired.")
final class ConvertCommand implements Callable<Integer> {
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
        if (!ctx.quiet()) {
            err.printf("%s: wrote %d cues as %s%n", out, track.cues().size(), target.id().toUpperCase());
        }
        err.flush();
        return problems.stream().anyMatch(ParseProblem::isError) ? ExitCode.INPUT : ExitCode.OK;
    }
}
