package io.capdex.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
                if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
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
     * Runs {@code capdex ARGS} as a user does: through the {@code capdex} launcher script next to the jar's
     * {@code target/} folder, with the JVM options it picks for the command and its class-data archive. Without a
     * launcher (run from classes, as the tests do) a JVM is started with the launcher's main options instead.
     */
    public static Run capdex(Path workDir, List<String> args) throws IOException, InterruptedException {
        return capdex(workDir, args, "-Xmx2g");
    }

    /** The same with another heap cap ({@code -Xmx256m}), to prove a command fits in it. */
    public static Run capdex(Path workDir, List<String> args, String heapOption) throws IOException, InterruptedException {
        if (!heapOption.startsWith("-Xmx")) {
            throw new IllegalArgumentException("not a heap cap: " + heapOption);
        }
        Path rss = Files.createTempFile(workDir, "rss", ".txt");
        String rssOption = "-D" + RSS_PROPERTY + "=" + rss;
        Path script = launcherScript();
        if (script == null) {
            List<String> jvm = new ArrayList<>(jitOptions(args));
            jvm.add(rssOption);
            List<String> cmd = new ArrayList<>(command(heapOption, jvm));
            cmd.addAll(args);
            return run(new ProcessBuilder(cmd), workDir, rss);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().put("CAPDEX_HEAP", heapOption.substring("-Xmx".length()));
        String extra = System.getenv("CAPDEX_JAVA_OPTS");
        builder.environment().put("CAPDEX_JAVA_OPTS", (extra == null || extra.isBlank() ? "" : extra + " ") + rssOption);
        return run(builder, workDir, rss);
    }

    /** {@code HOME/capdex} when this JVM runs {@code HOME/target/capdex.jar} and the script is there, else null. */
    private static @Nullable Path launcherScript() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith("capdex.jar")) {
            return null;
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path target = jar.getParent();
        Path home = target == null ? null : target.getParent();
        if (home == null) {
            return null;
        }
        Path script = home.resolve("capdex");
        return Files.isRegularFile(script) && Files.isExecutable(script) ? script : null;
    }

    /**
     * The command line that starts capdex's {@code Main} in a new JVM with the launcher's options (serial GC, the
     * heap cap, the class-data sharing archive when this JVM uses one), extra JVM options, and the current class
     * path; append capdex's own arguments.
     */
    public static List<String> command(String heapOption, List<String> jvmOptions) {
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
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        // absolute entries: the child runs in another working directory
        cmd.add(java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        cmd.add("io.capdex.cli.Main");
        return cmd;
    }

    private static Run run(ProcessBuilder builder, Path workDir, Path rss) throws IOException, InterruptedException {
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        long t0 = System.nanoTime();
        Process p = builder.directory(workDir.toFile())
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

    private static long number(String[] words, int i) {
        return i < words.length && !words[i].isEmpty() ? Long.parseLong(words[i]) : 0;
    }

    /**
     * The launcher's JIT choice for these arguments, for runs without the launcher: C1 alone for {@code convert},
     * {@code check} and {@code shift}, one pass over one file, with its long loops compiled sooner, and for
     * {@code export} and {@code verify}, which
     * spend their time in FFmpeg or in code that runs once; smaller C2 inlining for
     * {@code ingest} and {@code reindex}, whose indexing code C2 otherwise spends a fifth of the CPU on (the
     * {@code capdex} script makes the same choices; {@code ChildProcessTest} keeps the two in step).
     */
    static List<String> jitOptions(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data") || arg.equals("--config")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return switch (arg) {
                    case "convert", "check", "shift" ->
                            List.of("-XX:TieredStopAtLevel=1", "-XX:Tier3BackEdgeThreshold=6000");
                    case "export", "verify" -> List.of("-XX:TieredStopAtLevel=1");
                    case "ingest", "reindex" -> List.of("-XX:FreqInlineSize=80", "-XX:InlineSmallCode=700");
                    default -> List.of();
                };
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
