package io.capdex.bench;

import io.capdex.align.AlignOptions;
import io.capdex.align.AlignResult;
import io.capdex.align.Aligner;
import io.capdex.align.SyntheticInterview;
import io.capdex.align.TranscriptText;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.caption.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capdex bench align}: a generated 3-hour interview (27,000 transcript words, AI-style captions with
 * injected errors) aligned in-process after warm-up, then by whole {@code capdex align} processes whose heap is
 * capped at 256 MB.
 */
public final class AlignBench {
    private final int words;
    private final int runs;

    public AlignBench(int words, int runs) {
        this.words = words;
        this.runs = runs;
    }

    public BenchReport run() throws IOException, InterruptedException {
        SyntheticInterview interview = SyntheticInterview.generate(words, 11, "en", 0.14);
        TranscriptText transcript = TranscriptText.parse(interview.transcript());
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("transcript.words", interview.referenceWords(), "words"));
        metrics.add(new Metric("captions.cues", interview.captions().cues().size(), "cues"));
        AlignResult result = null;
        for (int i = 0; i < 3; i++) {
            result = Aligner.align(interview.captions(), transcript, AlignOptions.defaults());
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            result = Aligner.align(interview.captions(), transcript, AlignOptions.defaults());
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        metrics.add(new Metric("align.warm.median", ChildProcess.median(times), "ms"));
        if (result.report() != null) {
            metrics.add(new Metric("wer", Math.round(result.report().wer() * 1000) / 1000.0, ""));
        }

        Path dir = Files.createTempDirectory("capdex-bench-align");
        try {
            Path srt = dir.resolve("talk.en.srt");
            Path txt = dir.resolve("talk.transcript.txt");
            Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(interview.captions()), StandardCharsets.UTF_8);
            Files.writeString(txt, interview.transcript(), StandardCharsets.UTF_8);
            List<Long> wall = new ArrayList<>();
            long rss = 0;
            for (int i = 0; i < runs; i++) {
                ChildProcess.Run r = ChildProcess.capdex(dir, List.of("align", "--force", "-q", srt.toString(),
                        txt.toString(), "-o", dir.resolve("aligned.vtt").toString()), "-Xmx256m");
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("capdex align failed (" + r.exitCode() + "): " + r.stderr());
                }
                wall.add(r.wallMs());
                rss = Math.max(rss, r.peakRssKb());
            }
            metrics.add(new Metric("align.process.heap-cap", 256, "MB"));
            metrics.add(new Metric("align.process.wall.median", ChildProcess.median(wall), "ms"));
            metrics.add(new Metric("align.process.rss.max", Math.round(rss / 1024.0), "MB"));
        } finally {
            ConvertBench.deleteTree(dir);
        }
        return new BenchReport("align", metrics, BenchReport.currentEnvironment());
    }
}
