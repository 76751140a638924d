package io.capdex.cli;

import io.capdex.batch.CaptionFiles;
import io.capdex.batch.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * Reads the caption file of a {@code convert}, {@code check} or {@code shift} on a second thread while picocli
 * builds the command line on the first: reading, decoding and finding the lines of a 19 MB SRT took about a sixth
 * of its one-second conversion, and picocli's start left much of the second core idle (issue #2).
 *
 * <p>The file is the command's first parameter as main guesses it from the arguments: the first one after the
 * command's name that is neither an option nor the value of one (the options {@link #valuedOptions} lists take
 * the next argument; {@code --} ends the options). Main starts the read first of all when the command's name is
 * the first argument ({@link #startForFirst}), else once it has found the name. Only files of {@link #MIN_BYTES}
 * up to an eighth of the heap are read ahead ({@link #worthReading}), with the options every command reads with
 * when none are given. The command takes the result only when it reads that very file with options that read it
 * the same way and the file has not changed since
 * ({@link CaptionFiles#read(Path, ReadOptions, CaptionFiles.Ahead)}); otherwise it reads the file itself. A wrong
 * guess therefore costs only the work on the second core, never a different outcome.
 */
final class ReadAhead {
    /** Smaller files take a few milliseconds to read: not worth a thread. */
    static final long MIN_BYTES = 256 * 1024;

    /** The commands that read ahead, by name: what main can tell before it reads any annotation. */
    private static final Map<String, Class<?>> COMMANDS = Map.of(ConvertCommand.NAME, ConvertCommand.class,
            CheckCommand.NAME, CheckCommand.class, ShiftCommand.NAME, ShiftCommand.class);

    /**
     * The options that take a value, global and per command. Written out, not read from the {@code @Option}
     * annotations: reading those makes the annotation proxies picocli needs too, a few dozen milliseconds, and main
     * starts the read before anything else. ReadAheadTest checks these lists against the annotations.
     */
    static final Set<String> GLOBAL_VALUED = Set.of("--data", "--config");

    private static final Map<Class<?>, Set<String>> VALUED = Map.of(
            ConvertCommand.class, Set.of("-o", "--output", "--to", "--encoding", "--from-format"),
            CheckCommand.class, Set.of("--profile", "--fps", "--encoding"),
            ShiftCommand.class, Set.of("-o", "--output", "--by", "--fps", "--from", "--to", "--encoding"));

    private final FutureTask<CaptionFiles.@Nullable Ahead> task;

    private ReadAhead(FutureTask<CaptionFiles.@Nullable Ahead> task) {
        this.task = task;
    }

    /**
     * Starts reading ahead for {@code command}, whose name is {@code args[at]}, or returns null for a command that
     * reads no caption file first.
     */
    static @Nullable ReadAhead start(Class<?> command, String[] args, int at, long minBytes) {
        if (!COMMANDS.containsValue(command)) {
            return null;
        }
        String[] copy = args.clone();
        FutureTask<CaptionFiles.@Nullable Ahead> task = new FutureTask<>(() -> read(command, copy, at, minBytes));
        Thread thread = new Thread(task, "capdex-read-ahead");
        thread.setDaemon(true);
        thread.start();
        return new ReadAhead(task);
    }

    /**
     * Starts reading ahead when {@code args[0]} names a command that reads a caption file ({@code capdex convert IN
     * …}, the usual order), or returns null. Main calls this first of all: finding a command's name elsewhere in
     * the arguments takes the global options' annotations and the commands', whose proxies cost a few dozen
     * milliseconds before the first byte could be read.
     */
    static @Nullable ReadAhead startForFirst(String[] args) {
        Class<?> command = args.length > 1 ? COMMANDS.get(args[0]) : null;
        return command == null ? null : start(command, args, 0, MIN_BYTES);
    }

    /** What was read ahead, once it is done; null when nothing was (no such file, too small, an error). */
    CaptionFiles.@Nullable Ahead get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null; // the command's own read meets the same trouble and reports it
        }
    }

    /** Whether a command took what was read ahead (for tests). */
    boolean taken() {
        CaptionFiles.Ahead ahead = get();
        return ahead != null && ahead.taken();
    }

    private static CaptionFiles.@Nullable Ahead read(Class<?> command, String[] args, int at, long minBytes) {
        String parameter = firstParameter(args, at + 1, valuedOptions(command));
        if (parameter == null) {
            return null;
        }
        Path path;
        BasicFileAttributes attributes;
        try {
            path = Path.of(parameter);
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (InvalidPathException | IOException e) {
            return null;
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (!attributes.isRegularFile() || !worthReading(attributes.size(), minBytes, heap)) {
            return null;
        }
        return CaptionFiles.readAhead(path, CommandContext.defaultReadOptions());
    }

    /**
     * Whether a file of {@code size} bytes is read ahead: {@code minBytes} or more, not above the default size limit,
     * and at most an eighth of the heap, since the read holds about three times the file (bytes, text, line table)
     * before the command has asked for it.
     */
    static boolean worthReading(long size, long minBytes, long maxMemory) {
        return size >= minBytes && size <= Math.min(ReadOptions.DEFAULT_MAX_BYTES, maxMemory / 8);
    }

    /** The first argument from {@code from} on that is neither an option nor an option's value, or null. */
    static @Nullable String firstParameter(String[] args, int from, Set<String> valued) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (arg.startsWith("@")) {
                return null; // an argument file: picocli expands it, main does not
            }
            if (arg.length() > 1 && arg.startsWith("-")) {
                if (valued.contains(arg)) {
                    i++;
                }
                continue; // a flag, a cluster of them, or an option with its value attached (--to=vtt, -oOUT)
            }
            return arg;
        }
        return null;
    }

    /** The names of the options that take a value: the global ones and those of {@code command}. */
    static Set<String> valuedOptions(Class<?> command) {
        Set<String> names = new HashSet<>(GLOBAL_VALUED);
        names.addAll(VALUED.getOrDefault(command, Set.of()));
        return names;
    }
}
