package io.capdex.cli;

import io.capdex.batch.CaptionFileResult;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Qc;
import io.capdex.caption.QcProfile;
import io.capdex.caption.Track;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex check FILE…}: reads caption files leniently and checks them against a QC profile. */
@Command(name = CheckCommand.NAME,
        description = "Read caption files and check them against a QC profile.")
final class CheckCommand implements Callable<Integer> {
    /** The command's name: main knows it before it reads any annotation (see {@link ReadAhead}). */
    static final String NAME = "check";

    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Caption files (SRT, WebVTT, SBV, TTML), or folders to check every caption file in.")
    List<Path> paths;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "QC profile: netflix (default), bbc, dcmp, or one defined in the configuration.")
    @Nullable String profile;

    @Option(names = "--fps", paramLabel = "FPS", description = "Frame rate for frame-based rules (default 25).")
    @Nullable Double fps;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read with this charset, not the detected one.")
    @Nullable String encoding;

    @Option(names = "--strict", description = "Count warnings as errors (exit 3).")
    boolean strict;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** One file of the {@code check} JSON shape (DESIGN.md §3); {@code error} is set when it was not read. */
    record FileReport(String path, @Nullable String format, @Nullable String encoding, boolean bom,
                      @Nullable String lineEndings, int cues, List<ParseProblem> problems, @Nullable String error) {}

    record CheckReport(List<FileReport> files) {}

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        QcProfile qc = profile == null ? ctx.config().qcProfile() : ctx.config().profile(profile).orElseThrow(() ->
                new CliException(ExitCode.USAGE, "capdex: unknown QC profile '" + profile + "' (known: "
                        + String.join(", ", ctx.config().profiles().keySet()) + ")"));
        double frameRate = fps != null ? fps : ctx.config().qcFps();
        if (!(frameRate > 0 && frameRate <= 300)) {
            throw new CliException(ExitCode.USAGE, "capdex: --fps must be between 0 and 300, not " + frameRate);
        }
        List<Path> files = CaptionPaths.expand(paths);
        if (files.isEmpty()) {
            throw new CliException(ExitCode.INPUT, paths.get(0) + ": no caption files found (.srt, .vtt, .sbv, .ttml, .dfxp)");
        }
        List<FileReport> reports = new ArrayList<>();
        int failed = 0, errors = 0, warnings = 0;
        for (Path file : files) {
            CaptionFileResult result = ctx.readCaptions(file, encoding, null);
            if (result instanceof CaptionFileResult.Failed f) {
                failed++;
                err.println(f.message());
                reports.add(new FileReport(file.toString(), null, null, false, null, 0, List.of(), f.reason()));
                continue;
            }
            CaptionFileResult.Read read = (CaptionFileResult.Read) result;
            Track track = read.track();
            List<ParseProblem> problems = new ArrayList<>(read.problems());
            problems.addAll(Qc.check(track, qc, frameRate, read.parsed().cueLines()));
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            int e = (int) problems.stream().filter(ParseProblem::isError).count();
            int w = problems.size() - e;
            errors += e;
            warnings += w;
            if (!json) {
                ctx.printProblems(err, file, problems);
                if (!ctx.quiet()) {
                    out.printf("%s: %s, %s%s, %s, %d cues: %s%n", file, track.origin().format().id().toUpperCase(),
                            track.origin().encoding(), track.origin().bom() ? " with BOM" : "",
                            track.origin().lineEndings(), track.cues().size(), counts(e, w));
                }
            }
            reports.add(new FileReport(file.toString(), track.origin().format().id(), track.origin().encoding(),
                    track.origin().bom(), track.origin().lineEndings(), track.cues().size(), problems, null));
        }
        if (json) {
            JsonOutput.print(out, new CheckReport(reports));
        } else if (files.size() > 1 && !ctx.quiet()) {
            out.printf("%d files checked (profile %s at %s fps): %s%s%n", files.size(), qc.name(),
                    fpsText(frameRate), counts(errors, warnings), failed > 0 ? ", " + failed + " not read" : "");
        }
        out.flush();
        err.flush();
        boolean bad = failed > 0 || errors > 0 || (strict && warnings > 0);
        return bad ? ExitCode.INPUT : ExitCode.OK;
    }

    private static String counts(int errors, int warnings) {
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    private static String fpsText(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
    }
}
