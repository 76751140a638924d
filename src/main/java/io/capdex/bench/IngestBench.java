package io.capdex.bench;

import io.capdex.search.SearchBenchmark;
import io.capdex.search.TrackDocument;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code capdex bench ingest}: issue #4's whole-process target — a generated caption-only corpus of one-hour
 * interviews (1,000 SRT files, about 1 M cues, the same tracks {@code bench index} builds) ingested by a separate
 * {@code capdex ingest --no-sync} process (through the {@code capdex} launcher when run from the jar), then
 * ingested again with nothing changed. Prints wall time, CPU time,
 * interviews/s, cues/s and peak RSS of both runs.
 */
public final class IngestBench {
    private final int interviews;
    private final List<String> extraArgs;

    /**
     * @param interviews SRT files to generate (one hour each)
     * @param extraArgs more {@code ingest} options ({@code --jobs 4})
     */
    public IngestBench(int interviews, List<String> extraArgs) {
        if (interviews < 1) {
            throw new IllegalArgumentException("interviews must be at least 1: " + interviews);
        }
        this.interviews = interviews;
        this.extraArgs = List.copyOf(extraArgs);
    }

    public BenchReport run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("capdex-bench-ingest");
        try {
            Path folder = dir.resolve("interviews");
            Files.createDirectories(folder);
            long cues = 0;
            for (int i = 0; i < interviews; i++) {
                cues += writeSrt(SearchBenchmark.interview(i), folder);
            }
            long bytes;
            try (var files = Files.list(folder)) {
                bytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
            List<String> args = new ArrayList<>(List.of("--data", dir.resolve("data").toString(), "ingest", "--no-sync",
                    "-q"));
            args.addAll(extraArgs);
            args.add(folder.toString());
            List<Metric> metrics = new ArrayList<>();
            metrics.add(new Metric("input.interviews", interviews, "files"));
            metrics.add(new Metric("input.cues", cues, "cues"));
            metrics.add(new Metric("input.size", Math.round(bytes / 1e5) / 10.0, "MB"));
            String[] names = {"first", "unchanged"};
            for (String name : names) {
                ChildProcess.Run r = ChildProcess.capdex(dir, args); // as users run it, when run from the jar
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("capdex ingest failed (" + r.exitCode() + "): " + r.stderr());
                }
                double seconds = r.wallMs() / 1000.0;
                metrics.add(new Metric(name + ".wall", Math.round(seconds * 100) / 100.0, "s"));
                metrics.add(new Metric(name + ".cpu", Math.round(r.cpuMs() / 10.0) / 100.0, "s"));
                metrics.add(new Metric(name + ".interviews-per-s", Math.round(interviews / seconds * 10) / 10.0, "/s"));
                if (name.equals("first")) {
                    metrics.add(new Metric(name + ".cues-per-s", Math.round(cues / seconds), "/s"));
                }
                metrics.add(new Metric(name + ".rss.peak", Math.round(r.peakRssKb() / 1024.0), "MB"));
            }
            return new BenchReport("ingest", metrics, BenchReport.currentEnvironment());
        } finally {
            ConvertBench.deleteTree(dir);
        }
    }

    /** Writes the track as {@code ID.LANG.srt}; returns its cue count. */
    static int writeSrt(TrackDocument track, Path folder) throws IOException {
        Path file = folder.resolve(track.interviewId() + "." + track.lang() + ".srt");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(128);
            int n = 0;
            for (TrackDocument.Cue c : track.cues()) {
                sb.setLength(0);
                sb.append(++n).append('\n');
                time(sb, c.startMs());
                sb.append(" --> ");
                time(sb, c.endMs());
                sb.append('\n').append(c.text()).append("\n\n");
                w.append(sb);
            }
            return n;
        }
    }

    private static void time(StringBuilder sb, long ms) {
        two(sb, ms / 3_600_000).append(':');
        two(sb, ms / 60_000 % 60).append(':');
        two(sb, ms / 1000 % 60).append(',');
        long f = ms % 1000;
        sb.append(f < 100 ? "0" : "").append(f < 10 ? "0" : "").append(f);
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }
}
