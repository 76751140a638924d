package io.capdex.cli;

import io.capdex.bench.AlignBench;
import io.capdex.bench.BenchReport;
import io.capdex.bench.Metric;
import io.capdex.bench.ConvertBench;
import io.capdex.bench.ExportBench;
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
        "  export   soft-subtitle MP4 of a 60-minute interview against the ffmpeg command line; burned-in speed",
        "  index    builds a generated caption-only corpus (--hours, default 1000) and runs the search mix on it",
        "  search   the same; both print index build time and size and search latency percentiles",
        "  serve    the same index behind 'capdex serve': --clients concurrent HTTP clients on /api/search for --seconds"})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Which benchmark: parse, convert, sync, align, export, index, search, serve.")
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

    @Option(names = "--burn-minutes", description = "Length of the burned-in piece for 'export' (default ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int burnMinutes;

    @Option(names = "--hours", description = "Hours of generated interviews for 'index'/'search' (default ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int hours;

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
                case "index", "search" -> searchBench();
                case "serve" -> serveBench();
                default -> throw new CliException(ExitCode.USAGE, "capdex: unknown benchmark '" + name
                        + "' (known: parse, convert, sync, align, export, index, search, serve)");
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

    /** The index build and the 350-query search mix over a generated corpus in a temporary folder. */
    private BenchReport searchBench() throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory("capdex-bench-index");
        try {
            io.capdex.search.SearchBenchmark.Figures f = io.capdex.search.SearchBenchmark.run(dir.resolve("index"), hours);
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
