package io.capdex.cli;

import io.capdex.batch.OutputException;
import io.capdex.batch.OutputFiles;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.StoredTrack;
import io.capdex.batch.TrackStore;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.config.Config;
import io.capdex.export.ExportFormat;
import io.capdex.export.ExportOptions;
import io.capdex.export.Exporter;
import io.capdex.export.FfmpegMedia;
import io.capdex.export.SafeNames;
import io.capdex.export.WarningText;
import io.capdex.export.WarningTexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code capdex export ID… | --all}: writes the stored, processed tracks of interviews for publishers, every file
 * stamped with the AI-subtitle accuracy warning (the exporter checks each text file before handing it out).
 */
@Command(name = "export", description = {"Publish stored interviews as stamped files.",
        "  capdex export all-remission --format srt,vtt,html,mp4 --out exports/",
        "Formats: srt, vtt, sbv, ttml, txt, html, docx, json, mp4, mkv, mp4-burned."})
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Interviews to export (see 'capdex list').")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Export every stored interview.")
    boolean all;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "srt,vtt",
            description = "Comma-separated formats (default ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--lang", split = ",", paramLabel = "LANG", description = "Only these languages (default: all).")
    List<String> langs = new ArrayList<>();

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "asr, mt, edited or aligned (default: per language aligned, else edited, else the AI track).")
    @Nullable String source;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "exports", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--dry-run", description = "List what would be written; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        if (all == !ids.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "capdex export: give interview IDs or --all (not both)");
        }
        List<ExportFormat> wanted = new ArrayList<>();
        for (String f : formats) {
            wanted.add(ExportFormat.fromId(f.strip()).orElseThrow(() -> new CliException(ExitCode.USAGE,
                    "capdex export: unknown format '" + f + "' (srt, vtt, sbv, ttml, txt, html, docx, json, mp4, mkv, mp4-burned)")));
        }
        Source only = source == null ? null : Source.fromId(source).orElseThrow(() ->
                new CliException(ExitCode.USAGE, "capdex export: unknown source '" + source + "' (asr, mt, edited, aligned)"));
        CommandContext ctx = new CommandContext(main);
        Config config = ctx.config();
        WarningTexts texts = WarningTexts.of(config.organisation(), config.warningTexts(), config.warningLabels());
        Exporter exporter = new Exporter(texts, ExportOptions.defaults()
                .withSrtAn8(config.srtPosition() == Config.SrtPosition.AN8), new FfmpegMedia());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = ctx.dataDir();
        if (!Files.isDirectory(data.resolve("tracks"))) {
            throw new CliException(ExitCode.INPUT, data + ": no stored interviews (run 'capdex ingest FOLDER' first)");
        }
        TrackStore store = TrackStore.open(data);
        List<String> which = all ? store.list() : ids;
        int written = 0, failed = 0;
        for (String id : which) {
            Optional<StoredInterview> stored;
            try {
                stored = store.get(id);
            } catch (IOException | IllegalArgumentException e) {
                err.println(id + ": cannot read the stored interview (" + e.getMessage() + ")");
                failed++;
                continue;
            }
            if (stored.isEmpty()) {
                err.println(id + ": no such interview in " + data + " (see 'capdex list')");
                failed++;
                continue;
            }
            List<Track> tracks = choose(stored.get(), only);
            if (tracks.isEmpty()) {
                err.println(id + ": no track matches" + (langs.isEmpty() ? "" : " --lang " + String.join(",", langs))
                        + (only == null ? "" : " --source " + only.id()));
                failed++;
                continue;
            }
            for (ExportFormat format : wanted) {
                try {
                    written += export(exporter, stored.get(), tracks, format, out, err);
                } catch (OutputException | IOException | IllegalArgumentException | IllegalStateException e) {
                    err.println(id + ": " + format.id() + ": " + e.getMessage());
                    failed++;
                }
            }
        }
        if (!ctx.quiet()) {
            out.println((dryRun ? "would write " : "wrote ") + written + " files" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        out.flush();
        err.flush();
        return failed > 0 ? ExitCode.INPUT : ExitCode.OK;
    }

    /** One track per language: the requested source, else the most edited text there is. */
    private List<Track> choose(StoredInterview interview, @Nullable Source only) {
        Map<String, Track> best = new LinkedHashMap<>();
        for (StoredTrack st : interview.tracks()) {
            Track t = st.track();
            if (!langs.isEmpty() && !langs.contains(t.language())) {
                continue;
            }
            if (only != null) {
                if (t.source() == only) {
                    best.put(t.language(), t);
                }
                continue;
            }
            Track current = best.get(t.language());
            if (current == null || rank(t.source()) > rank(current.source())) {
                best.put(t.language(), t);
            }
        }
        return new ArrayList<>(best.values());
    }

    private static int rank(Source s) {
        return switch (s) {
            case ALIGNED -> 3;
            case EDITED -> 2;
            case ASR, MT -> 1;
        };
    }

    private int export(Exporter exporter, StoredInterview interview, List<Track> tracks, ExportFormat format,
                       PrintWriter out, PrintWriter err) throws IOException, OutputException {
        String id = interview.id();
        String title = interview.record().title();
        boolean force = main.force;
        if (format.kind() == ExportFormat.Kind.VIDEO) {
            String video = interview.record().video();
            if (video == null || !Files.isRegularFile(Path.of(video))) {
                throw new IOException(video == null ? "a caption-only interview has no video to export"
                        : video + ": the interview's video is gone");
            }
            List<Track> chosen = format == ExportFormat.MP4_BURNED ? List.of(burnedTrack(interview, tracks)) : tracks;
            Track first = chosen.get(0);
            Path target = outDir.resolve(SafeNames.exportName(id, first.language(), first.source(), format));
            if (dryRun) {
                out.println(target);
                return 1;
            }
            OutputFiles.check(target, force, Set.of(Path.of(video)));
            OutputFiles.writeFile(target, force, Set.of(Path.of(video)), temp -> {
                for (WarningText w : exporter.exportMedia(Path.of(video), chosen, format, temp)) {
                    noteFallback(err, id, w);
                }
            });
            out.println(target);
            return 1;
        }
        int n = 0;
        for (Track t : tracks) {
            Path target = outDir.resolve(SafeNames.exportName(id, t.language(), t.source(), format));
            if (dryRun) {
                out.println(target);
                n++;
                continue;
            }
            WarningText[] used = new WarningText[1];
            OutputFiles.write(target, force, Set.of(), stream -> used[0] = exporter.write(t, format, title, stream));
            noteFallback(err, id, used[0]);
            out.println(target);
            n++;
        }
        return n;
    }

    /** The burned-in language: the first --lang, else the spoken language, else the first track. */
    private Track burnedTrack(StoredInterview interview, List<Track> tracks) {
        String lang = !langs.isEmpty() ? langs.get(0) : interview.record().spokenLanguage();
        return tracks.stream().filter(t -> t.language().equals(lang)).findFirst().orElse(tracks.get(0));
    }

    private static void noteFallback(PrintWriter err, String id, @Nullable WarningText w) {
        if (w != null && w.fellBack()) {
            err.println(id + ": no warning text for '" + w.language() + "'; the English text was used");
        }
    }
}
