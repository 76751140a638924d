package io.capdex.bench;

import java.io.IOException;
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

    /**
     * A finished run: wall time, peak RSS and CPU time (user + system, all threads; 0 when the platform does not
     * say), exit code and stderr.
     */
    public record Run(long wallMs, long peakRssKb, long cpuMs, int exitCode, String stderr) {}

    /** Registers a shutdown hook that writes this process's peak RSS (KiB) and CPU time (ms) to {@code file}. */
    public static void reportPeakRssOnExit(Path file) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                long cpuMs = 0;
                if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os) {
                    cpuMs = os.getProcessCpuTime() / 1_000_000;
                }
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        Files.writeString(file, line.replaceAll("[^0-9]", "") + " " + cpuMs);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or /proc unreadable: the benchmark reports 0
            }
        }));
    }

    /**
     * Runs {@code capdex ARGS} in a new JVM with the launcher's options (serial GC, 2 GB heap cap) and the
     * current class path.
     */
    public static Run capdex(Path workDir, List<String> args) throws IOException, InterruptedException {
        return capdex(workDir, args, "-Xmx2g");
    }

    /** The same with another heap cap ({@code -Xmx256m}), to prove a command fits in it. */
    public static Run capdex(Path workDir, List<String> args, String heapOption) throws IOException, InterruptedException {
        Path rss = Files.createTempFile(workDir, "rss", ".txt");
        List<String> cmd = new ArrayList<>(command(heapOption, List.of("-D" + RSS_PROPERTY + "=" + rss)));
        cmd.addAll(args);
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        int code = p.waitFor();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        String[] peak = Files.readString(rss).trim().split("\\s+");
        String stderr = Files.readString(err);
        Files.deleteIfExists(rss);
        Files.deleteIfExists(err);
        return new Run(wallMs, number(peak, 0), number(peak, 1), code, stderr);
    }

    /**
     * The command line that starts capdex's {@code Main} in a new JVM with the launcher's options (serial GC, the
     * heap cap), extra JVM options, and the current class path; append capdex's own arguments.
     */
    public static List<String> command(String heapOption, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(heapOption);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        // absolute entries: the child runs in another working directory
        cmd.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        cmd.add("io.capdex.cli.Main");
        return cmd;
    }

    private static long number(String[] words, int i) {
        return i < words.length && !words[i].isEmpty() ? Long.parseLong(words[i]) : 0;
    }

    /** The median of the values (the lower middle one for an even count). */
    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
