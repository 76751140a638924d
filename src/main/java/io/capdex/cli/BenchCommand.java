package io.capdex.cli;

import io.capdex.bench.AlignBench;
import io.capdex.bench.BenchReport;
import io.capdex.bench.Metric;
import io.capdex.bench.ConvertBench;
import io.capdex.bench.ExportBench;
import io.capdex.bench.IngestBench;
import io.capdex.bench.ParseBench;
import io.capdex.bench.SyncBench;
import io.capdex.media.MediaException;
import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code capdex bench NAME}: prints performance figures measured on generated material. */
@Command(name = "bench", description = {"Print performance figures measured on generated material.",
        "  parse    read/write throughput of every caption format (one thread, after warm-up)",
        "  convert  whole 'capdex convert' processes on a 200,000-cue SRT: median wall time, peak RSS",
        "  sync     whole 'capdex sync' processes on a 60-minute interview made from a sample",
        "  align    a 27,000-word (3-hour) transcript against its captions, in-process and as processes capped at 256 MB",
        "  export   soft-subtitle MP4 of a 60-minute 640x360 interview against the ffmpeg command line; burn-in at 640x360 and 1080p",
        "  index    builds a generated caption-only corpus (--hours, default 1000) and runs the search mix on it:",
        "           build time and size, search latency percentiles overall and per query class",
        "  search   only the search mix, on the index an earlier 'index --index-dir DIR' left (built there if absent)",
        "  serve    the 1,000-hour index behind 'capdex serve': --clients concurrent HTTP clients on /api/search for --seconds",
        "  ingest   whole 'capdex ingest --no-sync' processes on the same corpus as SRT files: first run, then unchanged"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Which benchmark: parse, convert, sync, align, export, index, search, serve, ingest.")
    String name;

    @Option(names = "--cues", description = "Cues in the generated track for 'parse' (default ${DEFAULT-VALUE}).",
            defaultValue = "200000")
    int cues;

    @Option(names = "--runs", description = "Timed runs after warm-up; the best is reported (default ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int runs;

    @Option(names = "--minutes", description = "Length of the generated interview for 'sync' and 'export' (default ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int minutes;

    @Option(names = "--sample", paramLabel = "VIDEO",
            description = "Sample video for 'sync' (default samples/all-remission.mp4, with its .en.srt).",
            defaultValue = "samples/all-remission.mp4")
    Path sample;

    @Option(names = "--burn-minutes", description = "Length of the 640x360 burned-in piece for 'export' (default ${DEFAULT-VALUE}; 1080p gets a third).",
            defaultValue = "3")
    int burnMinutes;

    @Option(names = "--hours", description = "Hours of generated interviews (one-hour SRT files for 'ingest') for 'index', 'search' and 'ingest' (default ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int hours;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Keep the generated index of 'index' in DIR (emptied first), or search the one there with 'search'.")
    Path indexDir;

    @Option(names = "--warm-up", paramLabel = "SECONDS",
            description = "Least warm-up of 'index' and 'search' before the measured pass: passes over the query mix (at least two) for this long (default ${DEFAULT-VALUE}).",
            defaultValue = "" + io.capdex.search.SearchBenchmark.DEFAULT_WARM_UP_SECONDS)
    int warmUpSeconds;

    @Option(names = "--jobs", paramLabel = "N", description = "'ingest --jobs N' for 'ingest' (default: ingest's own).")
    @org.jspecify.annotations.Nullable Integer jobs;

    @Option(names = "--words", description = "Transcript words for 'align' (default ${DEFAULT-VALUE}).",
            defaultValue = "27000")
    int words;

    @Option(names = "--clients", description = "Concurrent HTTP clients for 'serve' (default ${DEFAULT-VALUE}).",
            defaultValue = "8")
    int clients;

    @Option(names = "--seconds", description = "Measured load for 'serve', after as long a warm-up (default ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int seconds;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchReport report;
        try {
            report = switch (name) {
                case "parse" -> new ParseBench(cues, runs).run();
                case "convert" -> new ConvertBench(cues, runs).run();
                case "sync" -> new SyncBench(sample, captionsOf(sample), minutes, runs).run();
                case "align" -> new AlignBench(words, runs).run();
                case "export" -> new ExportBench(sample, captionsOf(sample), minutes, burnMinutes, runs).run();
                case "index" -> searchBench(false);
                case "search" -> searchBench(true);
                case "serve" -> serveBench();
                case "ingest" -> new IngestBench(hours, jobs == null ? java.util.List.of()
                        : java.util.List.of("--jobs", Integer.toString(jobs))).run();
                default -> throw new CliException(ExitCode.USAGE, "capdex: unknown benchmark '" + name
                        + "' (known: parse, convert, sync, align, export, index, search, serve, ingest)");
            };
        } catch (MediaException e) {
            throw new CliException(ExitCode.INPUT, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
        } else {
            out.println("bench " + report.name() + " (" + report.environment().get("java") + ", "
                    + report.environment().get("cores") + " cores)");
            for (Metric m : report.metrics()) {
                out.printf("  %-24s %12s %s%n", m.name(), format(m.value()), m.unit());
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    /**
     * The index build and the 350-query search mix over a generated corpus, in a temporary folder or in
     * {@code --index-dir}; with {@code searchOnly}, an index already there for the same hours is searched as it is.
     */
    private BenchReport searchBench(boolean searchOnly) throws IOException {
        if (warmUpSeconds < 0) {
            throw new CliException(ExitCode.USAGE, "capdex bench " + name + ": --warm-up must be 0 seconds or more");
        }
        Path dir = indexDir != null ? indexDir : java.nio.file.Files.createTempDirectory("capdex-bench-index").resolve("index");
        try {
            boolean build = !(searchOnly && io.capdex.search.SearchBenchmark.reusable(dir, hours));
            io.capdex.search.SearchBenchmark.Figures f = io.capdex.search.SearchBenchmark.run(dir, hours, build,
                    warmUpSeconds);
            java.util.List<Metric> metrics = new java.util.ArrayList<>();
            f.asMap().forEach((k, v) -> metrics.add(new Metric(k.replace(' ', '.'), Math.round(v * 100) / 100.0, "")));
            f.byKind().forEach((kind, v) -> {
                metrics.add(new Metric("search." + kind + ".p50", Math.round(v[1] * 100) / 100.0, "ms"));
                metrics.add(new Metric("search." + kind + ".p99", Math.round(v[2] * 100) / 100.0, "ms"));
                metrics.add(new Metric("search." + kind + ".cpu.p50", Math.round(v[3] * 100) / 100.0, "ms"));
                metrics.add(new Metric("search." + kind + ".cpu.p99", Math.round(v[4] * 100) / 100.0, "ms"));
            });
            return new BenchReport(name, metrics, java.util.Map.of("java", System.getProperty("java.version"),
                    "cores", Integer.toString(Runtime.getRuntime().availableProcessors())));
        } finally {
            if (indexDir == null) {
                try (var walk = java.nio.file.Files.walk(dir.getParent())) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        java.nio.file.Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** The search API over HTTP under concurrent load, on the same generated index as 'search'. */
    private BenchReport serveBench() throws IOException, InterruptedException {
        if (clients < 1 || seconds < 1) {
            throw new CliException(ExitCode.USAGE, "capdex bench serve: --clients and --seconds must be at least 1");
        }
        Path dir = java.nio.file.Files.createTempDirectory("capdex-bench-serve");
        try {
            io.capdex.web.ServeBench.Figures f = io.capdex.web.ServeBench.run(dir, hours, clients,
                    java.time.Duration.ofSeconds(seconds), java.time.Duration.ofSeconds(seconds));
            java.util.List<Metric> metrics = new java.util.ArrayList<>();
            f.asMap().forEach((k, v) -> metrics.add(new Metric(k.replace(' ', '.'), Math.round(v * 100) / 100.0, "")));
            return new BenchReport(name, metrics, java.util.Map.of("java", System.getProperty("java.version"),
                    "cores", Integer.toString(Runtime.getRuntime().availableProcessors())));
        } finally {
            try (var walk = java.nio.file.Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path captionsOf(Path video) {
        String name = video.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Path srt = video.resolveSibling(stem + ".en.srt");
        if (!java.nio.file.Files.isRegularFile(srt)) {
            throw new CliException(ExitCode.INPUT, srt + ": no such file (the sync benchmark needs the sample's captions)");
        }
        return srt;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }
}
