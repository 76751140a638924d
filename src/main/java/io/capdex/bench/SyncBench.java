package io.capdex.bench;

import io.capdex.batch.CaptionFileResult;
import io.capdex.batch.CaptionFiles;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.batch.ReadOptions;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import io.capdex.media.AudioDecoder;
import io.capdex.media.MediaConcat;
import io.capdex.media.MediaException;
import io.capdex.sync.SpeechActivity;
import io.capdex.sync.SyncOptions;
import io.capdex.sync.SyncResult;
import io.capdex.sync.Synchronizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capdex bench sync}: a long interview made by joining copies of a sample video (stream copy), its
 * captions shifted by 2.5 s, synced end to end by a whole {@code capdex sync} process; plus the in-process split
 * into decoding with speech activity and the fit.
 */
public final class SyncBench {
    private final Path sampleVideo;
    private final Path sampleCaptions;
    private final int minutes;
    private final int runs;

    public SyncBench(Path sampleVideo, Path sampleCaptions, int minutes, int runs) {
        this.sampleVideo = sampleVideo;
        this.sampleCaptions = sampleCaptions;
        this.minutes = minutes;
        this.runs = runs;
    }

    public BenchReport run() throws IOException, InterruptedException, MediaException {
        Path dir = Files.createTempDirectory("capdex-bench-sync");
        try {
            CaptionFileResult read = CaptionFiles.read(sampleCaptions, ReadOptions.defaults(CaptionFormats::reader));
            if (read instanceof CaptionFileResult.Failed f) {
                throw new IOException(f.message());
            }
            Track sample = ((CaptionFileResult.Read) read).track();
            Path video = dir.resolve("long.mp4");
            long probeCopyMs = io.capdex.media.MediaProbe.probe(sampleVideo).durationMs();
            int copies = (int) Math.ceil(minutes * 60_000.0 / probeCopyMs);
            long copyMs = MediaConcat.repeat(sampleVideo, copies, video);
            long shiftMs = 2500;
            List<Cue> cues = new ArrayList<>();
            for (int k = 0; k < copies; k++) {
                for (Cue c : sample.cues()) {
                    cues.add(c.shiftedBy(k * copyMs + shiftMs));
                }
            }
            Path srt = dir.resolve("long.srt");
            Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(sample.withCues(cues)),
                    StandardCharsets.UTF_8);
            long mediaMs = copies * copyMs;

            List<Metric> metrics = new ArrayList<>();
            metrics.add(new Metric("media.duration", Math.round(mediaMs / 600.0) / 100.0, "min"));
            metrics.add(new Metric("captions.cues", cues.size(), "cues"));

            // in-process split: decode + speech activity, then the fit
            long t0 = System.nanoTime();
            SpeechActivity activity = new SpeechActivity();
            AudioDecoder.decode(video, activity);
            long t1 = System.nanoTime();
            SyncResult fit = Synchronizer.syncToSpeech(activity.result(), sample.withCues(cues), SyncOptions.defaults());
            long t2 = System.nanoTime();
            metrics.add(new Metric("decode+activity", (t1 - t0) / 1_000_000, "ms"));
            metrics.add(new Metric("decode+activity.realtime", Math.round(mediaMs / ((t1 - t0) / 1e6)), "x"));
            metrics.add(new Metric("fit", (t2 - t1) / 1_000_000, "ms"));
            metrics.add(new Metric("fit.offset", fit.segments().get(0).offsetMs(), "ms"));
            metrics.add(new Metric("fit.confidence", Math.round(fit.confidence() * 100) / 100.0, ""));

            List<Long> wall = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ChildProcess.Run r = ChildProcess.capdex(dir, List.of("sync", "--force", "-q", video.toString(),
                        srt.toString(), "-o", dir.resolve("synced.srt").toString()));
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("capdex sync failed (" + r.exitCode() + "): " + r.stderr());
                }
                wall.add(r.wallMs());
                rss.add(r.peakRssKb());
            }
            long median = ChildProcess.median(wall);
            metrics.add(new Metric("sync.process.wall.median", median, "ms"));
            metrics.add(new Metric("sync.process.realtime", Math.round(mediaMs / (double) median), "x"));
            metrics.add(new Metric("sync.process.rss.max",
                    Math.round(rss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0), "MB"));
            return new BenchReport("sync", metrics, BenchReport.currentEnvironment());
        } finally {
            ConvertBench.deleteTree(dir);
        }
    }
}
