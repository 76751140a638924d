package io.capdex.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code capdex} command: global options, the subcommands, and one place that maps failures to exit codes. */
@Command(name = "capdex",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Check, sync, index, search and export AI-made captions of interview videos.",
        usageHelpAutoWidth = true)
public final class Main implements Callable<Integer> {
    // The subcommands, in the order help lists them. Added in commandLine(), not by the annotation, so that main can
    // leave out the ones a run cannot reach (see commandsFor).
    private static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, ConvertCommand.class,
            ShiftCommand.class, ProbeCommand.class, AlignCommand.class, SyncCommand.class, IngestCommand.class,
            ListCommand.class, ShowCommand.class, ReindexCommand.class, SearchCommand.class, ExportCommand.class,
            VerifyCommand.class, ServeCommand.class, BenchCommand.class, CommandLine.HelpCommand.class);

    /** Picocli's system property: regular expressions (comma-separated) of types it registers no converter for. */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** Picocli's system property that stops it looking for Groovy's {@code Closure} class. */
    static final String DISABLE_CLOSURES = "picocli.disable.closures";

    /**
     * Global options main may see before the subcommand's name and still build the one-command tree: the flags, and
     * the options that take a value (as the next argument or after '='). Read from the @Option fields below, so a
     * new global option cannot be forgotten here; when first needed, not as main starts, since reading annotations
     * takes a few dozen milliseconds that main spends after it has started reading ahead.
     */
    static final class GlobalOptions {
        static final Set<String> FLAGS = optionNames(Main.class, true);
        static final Set<String> VALUED = optionNames(Main.class, false);

        private GlobalOptions() {
        }
    }

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: ./capdex-data, or $CAPDEX_DATA).")
    @Nullable Path data;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: DATA/capdex.yaml if present).")
    @Nullable Path config;

    @Option(names = "--force", scope = ScopeType.INHERIT, description = "Allow overwriting existing outputs.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail, and stack traces for errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    // what main started reading before picocli parsed the arguments, if anything
    private @Nullable ReadAhead readAhead;

    @Override
    public Integer call() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
        return ExitCode.USAGE;
    }

    /** The caption file read ahead for this run (see {@link ReadAhead}), once read; null when there is none. */
    io.capdex.batch.CaptionFiles.@Nullable Ahead readAhead() {
        return readAhead == null ? null : readAhead.get();
    }

    /** The data folder these options select. */
    Path dataDir() {
        if (data != null) {
            return data;
        }
        String env = System.getenv("CAPDEX_DATA");
        return Path.of(env != null && !env.isBlank() ? env : "capdex-data");
    }

    /** A command line with capdex's exception handling and exit-code mapping, as tests and {@code main} use it. */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /** {@link #commandLine()} whose commands take what {@code readAhead} reads, when it is their input. */
    static CommandLine commandLine(@Nullable ReadAhead readAhead) {
        return commandLine(COMMANDS, readAhead);
    }

    /** {@link #commandLine()} with only these subcommands. */
    static CommandLine commandLine(List<Class<?>> commands) {
        return commandLine(commands, null);
    }

    /** {@link #commandLine(List)} whose commands take what {@code readAhead} reads, when it is their input. */
    static CommandLine commandLine(List<Class<?>> commands, @Nullable ReadAhead readAhead) {
        // Picocli registers converters for the java.time and java.sql types by reflection in every command line it
        // builds: a tenth of main's start-up (MonthDay's and Period's class initialisation, method look-ups). No
        // capdex option has such a type (CommandTreeTest checks), so they are left out.
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
        }
        // Picocli looks for groovy.lang.Closure, to let Groovy scripts put closures in annotations. capdex has no
        // Groovy: the search opened every one of the 108 jars on the class path and read their directories, about
        // a twentieth of a one-file convert.
        if (System.getProperty(DISABLE_CLOSURES) == null) {
            System.setProperty(DISABLE_CLOSURES, "true");
        }
        Main main = new Main();
        main.readAhead = readAhead;
        CommandLine cmd = new CommandLine(main);
        for (Class<?> command : commands) {
            cmd.addSubcommand(command);
        }
        Handlers handlers = new Handlers(main);
        cmd.setExecutionExceptionHandler(handlers);
        cmd.setExecutionStrategy(handlers);
        cmd.setParameterExceptionHandler(handlers);
        return cmd;
    }

    /**
     * What capdex does around picocli's parsing and running: exit codes and messages for failures, logging set up
     * before a command runs. A named class, not lambdas: the class-data archive cannot hold lambdas that implement
     * picocli's interfaces (picocli's classes are Java 5 class files, which the JDK 17 archive takes only unlinked),
     * and without them it holds those interfaces and picocli's handler classes too.
     */
    private static final class Handlers implements CommandLine.IExecutionExceptionHandler,
            CommandLine.IExecutionStrategy, CommandLine.IParameterExceptionHandler {
        private final Main main;

        Handlers(Main main) {
            this.main = main;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof CliException ce) {
                err.println(ce.getMessage());
                if (main.verbose && ce.getCause() != null) {
                    ce.getCause().printStackTrace(err);
                }
                err.flush();
                return ce.exitCode();
            }
            err.println("capdex: internal error: " + ex);
            if (main.verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace, and please report it)");
            }
            err.flush();
            return ExitCode.INTERNAL;
        }

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            configureLogging(main.verbose, main.quiet);
            return new CommandLine.RunLast().execute(parseResult);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("capdex: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            err.flush();
            return ExitCode.USAGE;
        }
    }

    /**
     * Sets the log levels before the first logger exists: WARN normally, DEBUG with --verbose, ERROR with --quiet.
     * FFmpeg's own log is silent unless --verbose: capdex's messages already say what FFmpeg found.
     */
    private static void configureLogging(boolean verbose, boolean quiet) {
        String level = verbose ? "debug" : quiet ? "error" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        if (System.getProperty("capdex.ffmpeg.loglevel") == null) {
            System.setProperty("capdex.ffmpeg.loglevel", verbose ? "warning" : "quiet");
        }
    }

    public static void main(String[] args) {
        // first of all: "capdex convert IN …" needs no annotation read to know what to read ahead
        ReadAhead early = ReadAhead.startForFirst(args);
        String rssFile = System.getProperty(io.capdex.bench.ChildProcess.RSS_PROPERTY);
        if (rssFile != null) {
            io.capdex.bench.ChildProcess.reportPeakRssOnExit(Path.of(rssFile));
        }
        System.exit(commandLineFor(args, early).execute(args));
    }

    /**
     * The command line {@code main} runs {@code args} with: only the subcommand they name when that is safe (see
     * {@link #commandsFor}), and for a command that reads one caption file, that file already being read on a
     * second thread (see {@link ReadAhead}).
     */
    static CommandLine commandLineFor(String[] args) {
        return commandLineFor(args, null);
    }

    /** {@link #commandLineFor(String[])} with what {@link ReadAhead#startForFirst} started, if it started. */
    static CommandLine commandLineFor(String[] args, @Nullable ReadAhead early) {
        int at = commandAt(args);
        List<Class<?>> commands = commandsAt(args, at);
        // an early read is for the command named by args[0], which has no aliases: then at is 0 and it is the one
        return commandLine(commands, early != null ? early : readAheadFor(args, at, commands));
    }

    /** The read ahead {@code main} starts for {@code args}, or null when the command reads no caption file first. */
    static @Nullable ReadAhead readAheadFor(String[] args) {
        int at = commandAt(args);
        return readAheadFor(args, at, commandsAt(args, at));
    }

    private static @Nullable ReadAhead readAheadFor(String[] args, int at, List<Class<?>> commands) {
        return commands.size() == 1 ? ReadAhead.start(commands.get(0), args, at, ReadAhead.MIN_BYTES) : null;
    }

    /**
     * The subcommands a run with these arguments needs: only the named one when the arguments before its name are
     * global options picocli reads the same way with or without the others; otherwise all of them. Picocli reads
     * every subcommand's annotations when the command line is made, a tenth of a second or more of a one-file
     * {@code convert} or {@code check} (issue #2); what follows the name is parsed by that subcommand alone, so the
     * outcome (output, messages, exit code) is the same as with the whole tree. {@code help} lists its siblings
     * and so always gets the whole tree, as does anything main cannot classify ({@code --help},
     * {@code --version}, an unknown option or command, bundled flags, an {@code @}argument file).
     */
    static List<Class<?>> commandsFor(String[] args) {
        return commandsAt(args, commandAt(args));
    }

    private static List<Class<?>> commandsAt(String[] args, int at) {
        Class<?> named = at < 0 ? null : commandNamed(args[at]);
        return named == null ? COMMANDS : List.of(named);
    }

    /**
     * Where the subcommand's name is in {@code args} when {@link #commandsFor} may build the one-command tree for
     * it; -1 when the run needs the whole tree.
     */
    static int commandAt(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return -1; // an argument file, which picocli expands before it parses anything
            }
            if (GlobalOptions.FLAGS.contains(arg)) {
                continue;
            }
            if (GlobalOptions.VALUED.contains(arg)) {
                i++; // its value, whatever it looks like; picocli expands an argument file even there
                if (i < args.length && args[i].startsWith("@")) {
                    return -1;
                }
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0 && GlobalOptions.VALUED.contains(arg.substring(0, eq))) {
                continue;
            }
            if (arg.startsWith("-")) {
                return -1;
            }
            return commandNamed(arg) != null ? i : -1;
        }
        return -1;
    }

    /** The subcommand called {@code name} (not an alias, not help), or null. */
    private static @Nullable Class<?> commandNamed(String name) {
        for (Class<?> command : COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            if (command != CommandLine.HelpCommand.class && annotation != null
                    && annotation.name().equals(name) && annotation.aliases().length == 0) {
                return command;
            }
        }
        return null;
    }

    /** The names of {@code command}'s own options: its flags (boolean fields), or those that take a value. */
    static Set<String> optionNames(Class<?> command, boolean flags) {
        Set<String> names = new HashSet<>();
        for (Field field : command.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null && (field.getType() == boolean.class) == flags) {
                names.addAll(List.of(option.names()));
            }
        }
        return Set.copyOf(names);
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"capdex " + (v != null ? v : "development"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
