package io.capdex.cli;

import io.capdex.batch.CaptionFileResult;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Retime;
import io.capdex.caption.Track;
import io.capdex.media.AudioDecoder;
import io.capdex.media.AudioStats;
import io.capdex.media.MediaException;
import io.capdex.sync.SpeechActivity;
import io.capdex.sync.SyncOptions;
import io.capdex.sync.SyncResult;
import io.capdex.sync.Synchronizer;
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

/**
 * {@code capdex sync MEDIA CAPTIONS -o OUT}: fits captions to the speech in the media's audio, or with
 * {@code --reference OTHER} to another caption track (for translations). Leaves captions untouched unless the fit
 * is confident and better.
 */
@Command(name = "sync", description = {"Fit captions to the speech in a video's audio, or to a reference track.",
        "  capdex sync talk.mp4 talk.en.srt -o talk.en.synced.srt",
        "  capdex sync talk.es.srt --reference talk.en.synced.srt -o talk.es.synced.srt"})
final class SyncCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(arity = "1..2", paramLabel = "MEDIA CAPTIONS",
            description = "The media file and the caption file (only the caption file with --reference).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--reference", paramLabel = "OTHER", description = "Fit to this caption track instead of audio.")
    @Nullable Path reference;

    @Option(names = "--max-offset", paramLabel = "TIME", defaultValue = "60s",
            description = "Largest offset searched (default ${DEFAULT-VALUE}).")
    String maxOffset;

    @Option(names = "--no-split", description = "Fit one offset for the whole file (no inserts or cuts).")
    boolean noSplit;

    @Option(names = "--min-confidence", paramLabel = "0..1",
            description = "Apply a correction only at or above this confidence (default 0.5).")
    @Nullable Double minConfidence;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Output format (default: OUT's extension).")
    @Nullable String to;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read captions with this charset.")
    @Nullable String encoding;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (reference == null && inputs.size() != 2) {
            throw new CliException(ExitCode.USAGE, "capdex sync: give MEDIA and CAPTIONS, or CAPTIONS with --reference");
        }
        if (reference != null && inputs.size() != 1) {
            throw new CliException(ExitCode.USAGE, "capdex sync: with --reference give only the CAPTIONS file");
        }
        SyncOptions options = options();
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path captionsPath = inputs.get(inputs.size() - 1);
        CaptionFileResult.Read captions = read(ctx, captionsPath);
        List<ParseProblem> problems = new ArrayList<>(captions.problems());
        ctx.printProblems(err, captionsPath, captions.problems());

        SyncResult result;
        Set<Path> sources;
        if (reference != null) {
            CaptionFileResult.Read ref = read(ctx, reference);
            result = Synchronizer.syncToReference(ref.track(), captions.track(), options);
            sources = Set.of(captionsPath, reference);
        } else {
            Path media = inputs.get(0);
            sources = Set.of(media, captionsPath);
            SpeechActivity activity = new SpeechActivity();
            try {
                AudioStats stats = AudioDecoder.decode(media, activity);
                for (String warning : stats.warnings()) {
                    err.println(media + ": warning: " + warning);
                }
                result = Synchronizer.syncToSpeech(activity.result(), captions.track(), options);
            } catch (MediaException e) {
                if (!e.getMessage().contains("no audio stream")) {
                    throw new CliException(ExitCode.INPUT, e.getMessage(), e);
                }
                err.println(e.getMessage() + "; captions written unchanged");
                result = SyncResult.notApplied("the media has no audio stream");
            }
        }
        Track synced = result.apply(captions.track());
        CaptionOutput.write(synced, problems, CaptionOutput.formatFor(to, this.out, captions.track().origin().format()),
                this.out, false, ctx.force(), sources);
        if (json) {
            JsonOutput.print(out, result);
        } else if (!ctx.quiet()) {
            out.println(captionsPath + ": " + (result.applied() ? result.summary()
                    : "unchanged: " + result.reason() + String.format(" (confidence %.2f)", result.confidence())));
            out.flush();
        }
        return ExitCode.OK;
    }

    private SyncOptions options() {
        SyncOptions options = SyncOptions.defaults().withSplit(!noSplit);
        try {
            long maxMs = Math.abs(Retime.parseOffset(maxOffset));
            options = options.withMaxOffsetMs(maxMs);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "capdex sync: --max-offset: " + e.getMessage());
        }
        if (minConfidence != null) {
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new CliException(ExitCode.USAGE, "capdex sync: --min-confidence must be between 0 and 1");
            }
            options = options.withMinConfidence(minConfidence);
        }
        return options;
    }

    private CaptionFileResult.Read read(CommandContext ctx, Path file) {
        return ctx.readCaptionsOrFail(file, encoding, null);
    }
}
