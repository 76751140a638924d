package io.capdex.bench;

import io.capdex.caption.formats.CaptionFormats;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code capdex bench convert}: the whole {@code capdex convert} process (launcher, JVM start, detection, read,
 * write) on a generated 200,000-cue SRT, to SRT and to WebVTT, median wall time and peak RSS of several runs. The
 * runs go through the {@code capdex} script when there is one, so they use the JVM options it picks.
 */
public final class ConvertBench {
    private final int cues;
    private final int runs;

    public ConvertBench(int cues, int runs) {
        this.cues = cues;
        this.runs = runs;
    }

    public BenchReport run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("capdex-bench-convert");
        try {
            Track track = Workloads.interview(cues, 7);
            Path srt = dir.resolve("big.srt");
            Files.writeString(srt, CaptionFormats.writer(Format.SRT).write(track), StandardCharsets.UTF_8);
            List<Metric> metrics = new ArrayList<>();
            metrics.add(new Metric("input.cues", cues, "cues"));
            metrics.add(new Metric("input.size", Math.round(Files.size(srt) / 1e5) / 10.0, "MB"));
            for (String ext : new String[] {"srt", "vtt"}) {
                List<Long> wall = new ArrayList<>();
                List<Long> rss = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    ChildProcess.Run r = ChildProcess.capdex(dir, List.of("convert", "--force", "-q",
                            srt.toString(), "-o", dir.resolve("out." + ext).toString()));
                    if (r.exitCode() != 0) {
                        throw new IllegalStateException("capdex convert failed (" + r.exitCode() + "): " + r.stderr());
                    }
                    wall.add(r.wallMs());
                    rss.add(r.peakRssKb());
                }
                metrics.add(new Metric("convert.to-" + ext + ".wall.median", ChildProcess.median(wall), "ms"));
                metrics.add(new Metric("convert.to-" + ext + ".rss.max", Math.round(max(rss) / 1024.0), "MB"));
            }
            return new BenchReport("convert", metrics, BenchReport.currentEnvironment());
        } finally {
            deleteTree(dir);
        }
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
