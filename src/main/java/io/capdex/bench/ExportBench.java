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
import io.capdex.media.MediaResize;
import io.capdex.media.StreamInfo;
import io.capdex.media.StreamType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code capdex bench export}: interviews made from a sample (its picture scaled to 640×360 and to 1080p at 25 frames
 * a second, then copies joined end to end; no large media is committed), stored as if ingested and exported by whole
 * {@code capdex export} processes: a 60-minute soft-subtitle MP4, timed against the ffmpeg command line doing the
 * same (stream copy, mov_text, faststart) in interleaved runs when {@code ffmpeg} is on the PATH, and a few minutes
 * burned in at each size, reported as × realtime (with Debian's ffmpeg, libass and libx264 {@code -preset veryfast}
 * on the 640×360 piece as a yardstick). The 1-minute load average before and after says whether the machine was busy.
 */
public final class ExportBench {
    private static final double FPS = 25;

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
            List<Metric> metrics = new ArrayList<>();
            metrics.add(new Metric("machine.load1.before", loadAverage(), ""));
            boolean haveFfmpeg = onPath("ffmpeg");
            Path data = dir.resolve("data");
            Path clip360 = dir.resolve("clip360.mp4");
            MediaResize.resize(sampleVideo, 640, 360, FPS, clip360);
            long copyMs = MediaProbe.probe(clip360).durationMs();

            Path longVideo = dir.resolve("long.mp4");
            int copies = (int) Math.ceil(minutes * 60_000.0 / copyMs);
            MediaConcat.repeat(clip360, copies, longVideo);
            Track longTrack = repeated(sample, copies, copyMs);
            store(data, "long", longVideo, longTrack);
            Path srt = dir.resolve("long.srt");
            Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(longTrack), StandardCharsets.UTF_8);
            metrics.add(new Metric("soft.duration", Math.round(copies * copyMs / 600.0) / 100.0, "min 640x360"));

            List<Long> capdex = new ArrayList<>();
            List<Long> ffmpeg = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ChildProcess.Run r = ChildProcess.capdex(dir, List.of("--force", "-q", "--data", data.toString(),
                        "export", "long", "--format", "mp4", "--out", dir.resolve("out").toString()));
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("capdex export failed (" + r.exitCode() + "): " + r.stderr());
                }
                capdex.add(r.wallMs());
                if (haveFfmpeg) {
                    // the same work as capdex: stream copy, one mov_text track, index moved to the front
                    ffmpeg.add(timeProcess(dir, List.of("ffmpeg", "-y", "-loglevel", "error", "-i",
                            longVideo.toString(), "-i", srt.toString(), "-map", "0", "-map", "1", "-c", "copy",
                            "-c:s", "mov_text", "-movflags", "+faststart", dir.resolve("ffmpeg.mp4").toString())));
                }
            }
            long capdexMs = ChildProcess.median(capdex);
            metrics.add(new Metric("soft.mp4.capdex.wall.median", capdexMs, "ms"));
            if (haveFfmpeg) {
                long ffmpegMs = ChildProcess.median(ffmpeg);
                metrics.add(new Metric("soft.mp4.ffmpeg-cli.wall.median", ffmpegMs, "ms"));
                metrics.add(new Metric("soft.mp4.ratio", Math.round(100.0 * capdexMs / ffmpegMs) / 100.0, "x ffmpeg"));
            }

            burn(metrics, dir, data, sample, clip360, "360p", burnMinutes, haveFfmpeg);
            Path clip1080 = dir.resolve("clip1080.mp4");
            MediaResize.resize(sampleVideo, 1920, 1080, FPS, clip1080);
            // 1080p encodes several times slower: a third of the length keeps the run short
            burn(metrics, dir, data, sample, clip1080, "1080p", burnMinutes / 3.0, false);
            metrics.add(new Metric("machine.load1.after", loadAverage(), ""));
            return new BenchReport("export", metrics, BenchReport.currentEnvironment());
        } finally {
            ConvertBench.deleteTree(dir);
        }
    }

    /** Burns the captions into about {@code minutes} of {@code clip} copies (at least one) with a whole capdex process. */
    private static void burn(List<Metric> metrics, Path dir, Path data, Track sample, Path clip, String name,
            double minutes, boolean withFfmpeg) throws IOException, InterruptedException, MediaException {
        long copyMs = MediaProbe.probe(clip).durationMs();
        int copies = Math.max(1, (int) Math.round(minutes * 60_000.0 / copyMs));
        Path video = dir.resolve("burn-" + name + ".mp4");
        MediaConcat.repeat(clip, copies, video);
        Track track = repeated(sample, copies, copyMs);
        String id = "burn-" + name;
        store(data, id, video, track);
        ChildProcess.Run burn = ChildProcess.capdex(dir, List.of("--force", "-q", "--data", data.toString(),
                "export", id, "--format", "mp4-burned", "--out", dir.resolve("out").toString()));
        if (burn.exitCode() != 0) {
            throw new IllegalStateException("capdex export (burned, " + name + ") failed: " + burn.stderr());
        }
        StreamInfo stream = MediaProbe.probe(video).firstStream(StreamType.VIDEO).orElseThrow();
        long durationMs = copies * copyMs;
        metrics.add(new Metric("burned." + name + ".width", stream.width() == null ? 0 : stream.width(), "px"));
        metrics.add(new Metric("burned." + name + ".height", stream.height() == null ? 0 : stream.height(), "px"));
        metrics.add(new Metric("burned." + name + ".duration", durationMs / 1000, "s at 25 fps"));
        metrics.add(new Metric("burned." + name + ".wall", burn.wallMs(), "ms"));
        metrics.add(new Metric("burned." + name + ".realtime", Math.round(10.0 * durationMs / burn.wallMs()) / 10.0, "x"));
        if (withFfmpeg) {
            Path srt = dir.resolve(id + ".srt");
            Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(track), StandardCharsets.UTF_8);
            try {
                long ms = timeProcess(dir, List.of("ffmpeg", "-y", "-loglevel", "error", "-i", video.toString(),
                        "-vf", "subtitles=" + srt.getFileName(), "-c:v", "libx264", "-preset", "veryfast",
                        "-c:a", "copy", dir.resolve("ffmpeg-burned.mp4").toString()));
                metrics.add(new Metric("burned." + name + ".ffmpeg-cli.realtime",
                        Math.round(10.0 * durationMs / ms) / 10.0, "x (libass, libx264 veryfast)"));
            } catch (IllegalStateException e) {
                // an ffmpeg without libass or libx264: no yardstick, the capdex figure stands
            }
        }
    }

    /** The 1-minute load average (Linux), or -1 where the platform does not say. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
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
