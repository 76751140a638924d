package io.capdex.cli;

import io.capdex.align.AlignOptions;
import io.capdex.align.AlignResult;
import io.capdex.align.Aligner;
import io.capdex.align.AlignmentReport;
import io.capdex.align.TranscriptText;
import io.capdex.batch.CaptionFileResult;
import io.capdex.detect.DocumentException;
import io.capdex.detect.TranscriptSource;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/**
 * {@code capdex align CAPTIONS TRANSCRIPT -o OUT}: the edited transcript's words with the captions' timing, and
 * how far the AI captions were from the transcript (WER, misheard terms).
 */
@Command(name = "align", description = {"Carry caption timing onto an edited transcript; measure the captions' WER.",
        "  capdex align talk.en.srt talk.transcript.docx -o talk.en.aligned.vtt --json"})
final class AlignCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "CAPTIONS", description = "The AI caption file.")
    Path captions;

    @Parameters(index = "1", paramLabel = "TRANSCRIPT", description = "The edited transcript: TXT, DOCX, PDF, ODT or HTML.")
    Path transcript;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the aligned track here (format from the extension or --to).")
    @Nullable Path out;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Output format: srt, vtt, sbv, ttml or json.")
    @Nullable String to;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read the captions with this charset.")
    @Nullable String encoding;

    @Option(names = "--json", description = "Print the accuracy report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaptionFileResult.Read cap = ctx.readCaptionsOrFail(captions, encoding, null);
        String text;
        try {
            text = TranscriptSource.read(transcript);
        } catch (DocumentException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage(), e);
        }
        AlignOptions options = AlignOptions.defaults().withProfile(ctx.config().qcProfile()).withFps(ctx.config().qcFps());
        AlignResult result = Aligner.align(cap.track(), TranscriptText.parse(text), options);
        for (String message : result.messages()) {
            err.println(transcript + ": " + message);
        }
        if (result.aligned() != null && out != null) {
            CaptionOutput.write(result.aligned(), List.of(), CaptionOutput.formatFor(to, out, null), out, false,
                    ctx.force(), Set.of(captions, transcript));
        }
        AlignmentReport report = result.report();
        if (json) {
            JsonOutput.print(stdout, report);
        } else if (report != null && !ctx.quiet()) {
            stdout.printf("%s: WER %.3f (%d reference words, %d caption words: %d substituted, %d deleted, %d inserted)%n",
                    captions, report.wer(), report.reference(), report.hypothesis(), report.substitutions(),
                    report.deletions(), report.insertions());
            report.misheard().stream().limit(10).forEach(m ->
                    stdout.printf("  heard \"%s\" for \"%s\"%s%n", m.heard(), m.meant(), m.count() > 1 ? " ×" + m.count() : ""));
            if (result.aligned() != null && out != null) {
                stdout.printf("%s: %d aligned cues%n", out, result.aligned().cues().size());
            }
        }
        stdout.flush();
        err.flush();
        return result.aligned() == null ? ExitCode.INPUT : ExitCode.OK;
    }
}
