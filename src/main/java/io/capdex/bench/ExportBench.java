package io.capdex.bench;

import io.capdex.batch.CaptionFileResult;
import io.capdex.batch.CaptionFiles;
import io.capdex.batch.InterviewRecord;
import io.capdex.batch.PageFacts;
import io.capdex.batch.ReadOptions;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.StoredTrack;
import io.capdex.batch.TrackFacts;
import io.capdex.batch.TrackStore;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.media.MediaConcat;
import io.capdex.media.MediaException;
import io.capdex.media.MediaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code capdex bench export}: a long interview joined from a sample, stored as if ingested, exported by whole
 * {@code capdex export} processes as a soft-subtitle MP4 (timed against the ffmpeg command line in the same run
 * when {@code ffmpeg} is on the PATH) and with captions burned in (a shorter piece, reported as × realtime).
 */
public final class ExportBench {
    private final Path sampleVideo;
    private final Path sampleCaptions;
    private final int minutes;
    private final int burnMinutes;
    private final int runs;

    public ExportBench(Path sampleVideo, Path sampleCaptions, int minutes, int burnMinutes, int runs) {
        this.sampleVideo = sampleVideo;
        this.sampleCaptions = sampleCaptions;
        this.minutes = minutes;
        this.burnMinutes = burnMinutes;
        this.runs = runs;
    }

    public BenchReport run() throws IOException, InterruptedException, MediaException {
        Path dir = Files.createTempDirectory("capdex-bench-export");
        try {
            CaptionFileResult read = CaptionFiles.read(sampleCaptions, ReadOptions.defaults(CaptionFormats::reader));
            if (read instanceof CaptionFileResult.Failed f) {
                throw new IOException(f.message());
            }
            Track sample = ((CaptionFileResult.Read) read).track().withLanguage("en").withSource(Source.ASR);
            long copyMs = MediaProbe.probe(sampleVideo).durationMs();
            List<Metric> metrics = new ArrayList<>();

            Path longVideo = dir.resolve("long.mp4");
            int copies = (int) Math.ceil(minutes * 60_000.0 / copyMs);
            MediaConcat.repeat(sampleVideo, copies, longVideo);
            Track longTrack = repeated(sample, copies, copyMs);
            Path data = dir.resolve("data");
            store(data, "long", longVideo, longTrack);
            Path srt = dir.resolve("long.srt");
            Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(longTrack), StandardCharsets.UTF_8);
            metrics.add(new Metric("soft.duration", Math.round(copies * copyMs / 600.0) / 100.0, "min"));

            List<Long> capdex = new ArrayList<>();
            List<Long> ffmpeg = new ArrayList<>();
            boolean haveFfmpeg = onPath("ffmpeg");
            for (int i = 0; i < runs; i++) {
                ChildProcess.Run r = ChildProcess.capdex(dir, List.of("--force", "-q", "--data", data.toString(),
                        "export", "long", "--format", "mp4", "--out", dir.resolve("out").toString()));
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("capdex export failed (" + r.exitCode() + "): " + r.stderr());
                }
                capdex.add(r.wallMs());
                if (haveFfmpeg) {
                    ffmpeg.add(timeProcess(dir, List.of("ffmpeg", "-y", "-loglevel", "error", "-i", longVideo.toString(),
                            "-i", srt.toString(), "-map", "0", "-map", "1", "-c", "copy", "-c:s", "mov_text",
                            dir.resolve("ffmpeg.mp4").toString())));
                }
            }
            long capdexMs = ChildProcess.median(capdex);
            metrics.add(new Metric("soft.mp4.capdex.wall.median", capdexMs, "ms"));
            if (haveFfmpeg) {
                long ffmpegMs = ChildProcess.median(ffmpeg);
                metrics.add(new Metric("soft.mp4.ffmpeg-cli.wall.median", ffmpegMs, "ms"));
                metrics.add(new Metric("soft.mp4.ratio", Math.round(100.0 * capdexMs / ffmpegMs) / 100.0, "x ffmpeg"));
            }

            Path shortVideo = dir.resolve("short.mp4");
            int burnCopies = Math.max(1, (int) Math.round(burnMinutes * 60_000.0 / copyMs));
            MediaConcat.repeat(sampleVideo, burnCopies, shortVideo);
            store(data, "short", shortVideo, repeated(sample, burnCopies, copyMs));
            ChildProcess.Run burn = ChildProcess.capdex(dir, List.of("--force", "-q", "--data", data.toString(),
                    "export", "short", "--format", "mp4-burned", "--out", dir.resolve("out").toString()));
            if (burn.exitCode() != 0) {
                throw new IllegalStateException("capdex export (burned) failed: " + burn.stderr());
            }
            var info = MediaProbe.probe(shortVideo);
            var video = info.firstStream(io.capdex.media.StreamType.VIDEO).orElseThrow();
            metrics.add(new Metric("burned.width", video.width(), "px"));
            metrics.add(new Metric("burned.height", video.height(), "px"));
            metrics.add(new Metric("burned.duration", burnCopies * copyMs / 1000, "s"));
            metrics.add(new Metric("burned.wall", burn.wallMs(), "ms"));
            metrics.add(new Metric("burned.realtime", Math.round(10.0 * burnCopies * copyMs / burn.wallMs()) / 10.0, "x"));
            return new BenchReport("export", metrics, BenchReport.currentEnvironment());
        } finally {
            ConvertBench.deleteTree(dir);
        }
    }

    private static Track repeated(Track sample, int copies, long copyMs) {
        List<Cue> cues = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            for (Cue c : sample.cues()) {
                cues.add(c.shiftedBy(k * copyMs));
            }
        }
        return sample.withCues(cues);
    }

    private static void store(Path data, String id, Path video, Track track) throws IOException {
        TrackFacts facts = new TrackFacts(track.language(), track.source().id(), video.toString(), "srt",
                track.cues().size(), 0, 0, 0, Map.of(), null, null);
        InterviewRecord record = new InterviewRecord(TrackStore.SCHEMA_VERSION, id, id, "bench", null,
                video.toAbsolutePath().toString(), track.language(), PageFacts.NONE, List.of(), List.of(facts), "ok",
                List.of(), "bench", "1970-01-01T00:00:00Z");
        TrackStore.open(data).put(new StoredInterview(record, List.of(new StoredTrack(facts, track, List.of())), Map.of()));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static long timeProcess(Path dir, List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
