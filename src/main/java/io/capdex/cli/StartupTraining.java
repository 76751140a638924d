package io.capdex.cli;

import io.capdex.batch.InterviewRecord;
import io.capdex.batch.PageFacts;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.StoredTrack;
import io.capdex.batch.TrackFacts;
import io.capdex.batch.TrackStore;
import io.capdex.bench.Workloads;
import io.capdex.caption.Format;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.media.FfmpegNatives;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * The run the {@code capdex} launcher records its class-data sharing archive from: once per build, in a JVM of its
 * own started with {@code -XX:DumpLoadedClassList} (the list the static archive is dumped from), it runs the
 * everyday commands (check, convert, export to every format, verify, list, show) in-process on a small generated
 * interview, and check and convert on a large one too (read ahead, and by two threads), so that later runs map the
 * classes those commands load from the archive instead of reading, verifying and linking them again. Not a user
 * command: the launcher discards its output, and a failed step only leaves those classes out of the archive.
 */
final class StartupTraining {
    /** Cues of the large training file: above the size the SRT reader splits between two threads (1 MiB). */
    private static final int LARGE_CUES = 12_000;

    private StartupTraining() {}

    /** {@code StartupTraining [VIDEO]}: with a video (the launcher passes a bundled sample) MP4/MKV export too. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("capdex-cds-training");
        try {
            run(dir, args.length > 0 && Files.isRegularFile(Path.of(args[0])) ? Path.of(args[0]) : null);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        // Only main exits: the archive is written as the JVM shuts down.
        System.exit(0);
    }

    private static void run(Path dir, @Nullable Path video) throws IOException {
        Track track = Workloads.interview(200, 7).withLanguage("en").withSource(Source.ASR);
        Path srt = dir.resolve("interview.en.srt");
        Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(track), StandardCharsets.UTF_8);
        // a file of over a megabyte: read ahead while picocli starts, and by two threads in check (also in convert,
        // which writes with a third, on three cores or more)
        Path large = dir.resolve("large.en.srt");
        Files.writeString(large, CaptionFormats.writer(Format.SRT).write(Workloads.interview(LARGE_CUES, 7)),
                StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        TrackFacts facts = new TrackFacts("en", Source.ASR.id(), srt.toString(), "srt", track.cues().size(), 0, 0, 0,
                Map.of(), null, null);
        InterviewRecord record = new InterviewRecord(TrackStore.SCHEMA_VERSION, "training", "Training", "training",
                null, video == null ? null : video.toAbsolutePath().toString(), "en", PageFacts.NONE, List.of(),
                List.of(facts), "ok", List.of(), "training", "1970-01-01T00:00:00Z");
        TrackStore.open(data).put(new StoredInterview(record, List.of(new StoredTrack(facts, track, List.of())),
                Map.of()));
        String out = dir.resolve("out").toString();
        String formats = "srt,vtt,sbv,ttml,txt,html,docx,json" + (video == null ? "" : ",mp4,mkv");
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("check", srt.toString()),
                List.of("check", large.toString()),
                List.of("convert", srt.toString(), "-o", dir.resolve("interview.vtt").toString()),
                List.of("convert", large.toString(), "-o", dir.resolve("large.srt").toString()),
                List.of("convert", large.toString(), "-o", dir.resolve("large.vtt").toString()),
                List.of("--data", data.toString(), "list"),
                List.of("--data", data.toString(), "show", "training"),
                List.of("--data", data.toString(), "export", "training", "--format", formats, "--out", out),
                List.of("verify", out)));
        if (video != null) {
            commands.add(List.of("probe", video.toString()));
        } else {
            FfmpegNatives.init();
        }
        for (List<String> command : commands) {
            // every command in the tree, for their classes; the large file's convert reads it ahead, as main does
            String[] args = command.toArray(String[]::new);
            CommandLine cmd = Main.commandLine(Main.readAheadFor(args));
            cmd.setOut(new PrintWriter(Writer.nullWriter()));
            cmd.setErr(new PrintWriter(Writer.nullWriter()));
            cmd.execute(args);
        }
    }
}
