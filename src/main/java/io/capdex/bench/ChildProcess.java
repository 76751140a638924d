package io.capdex.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs capdex itself as a separate process, the way a user does, and measures its wall time and peak resident
 * memory. The child writes its own peak (Linux {@code VmHWM}) into a file on exit, since Java cannot read a
 * finished child's resource usage.
 */
public final class ChildProcess {
    /** System property naming the file a capdex process writes its peak RSS (in KiB) to when it exits. */
    public static final String RSS_PROPERTY = "capdex.bench.rss";

    private ChildProcess() {}

    /** A finished run: wall time, peak RSS (0 when the platform does not say), exit code and stderr. */
    public record Run(long wallMs, long peakRssKb, int exitCode, String stderr) {}

    /** Registers a shutdown hook that writes this process's peak RSS to {@code file}. */
    public static void reportPeakRssOnExit(Path file) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        Files.writeString(file, line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or /proc unreadable: the benchmark reports 0
            }
        }));
    }

    /**
     * Runs {@code capdex ARGS} in a new JVM with the launcher's options (serial GC, 2 GB heap cap, the class-data
     * sharing archive when this JVM uses one) and the current class path.
     */
    public static Run capdex(Path workDir, List<String> args) throws IOException, InterruptedException {
        return capdex(workDir, args, "-Xmx2g");
    }

    /** The same with another heap cap ({@code -Xmx256m}), to prove a command fits in it. */
    public static Run capdex(Path workDir, List<String> args, String heapOption) throws IOException, InterruptedException {
        Path rss = Files.createTempFile(workDir, "rss", ".txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(heapOption);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        // The launcher's class-data sharing archive (and its silenced CDS log), when this JVM was started with one:
        // children start the way a user's capdex does.
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-Xlog:cds")) {
                cmd.add(option);
            }
        }
        cmd.addAll(jitOptions(args));
        cmd.add("-D" + RSS_PROPERTY + "=" + rss);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.capdex.cli.Main");
        cmd.addAll(args);
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        int code = p.waitFor();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        String peak = Files.readString(rss).trim();
        String stderr = Files.readString(err);
        Files.deleteIfExists(rss);
        Files.deleteIfExists(err);
        return new Run(wallMs, peak.isEmpty() ? 0 : Long.parseLong(peak), code, stderr);
    }

    /**
     * The launcher's JIT choice for these arguments: C1 alone for {@code export} and {@code verify}, which spend their
     * time in FFmpeg or in code that runs once (the {@code capdex} script makes the same choice).
     */
    static List<String> jitOptions(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data") || arg.equals("--config")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg.equals("export") || arg.equals("verify") ? List.of("-XX:TieredStopAtLevel=1") : List.of();
            }
        }
        return List.of();
    }

    /** The median of the values (the lower middle one for an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
