package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code main} builds only the named subcommand when it can ({@link Main#commandsFor}); every run must then end
 * exactly as with the whole tree: same exit code, same output, same messages, same files.
 */
class CommandTreeTest {
    @TempDir Path dir;

    private static final String SRT = "1\n00:00:01,000 --> 00:00:03,500\n<i>Remission</i> means\n\n"
            + "3\n00:00:04,000 --> 00:00:03,000\nBackwards.\n\n";

    /** One run's outcome, with the output file's content when there is one. */
    private record Outcome(int exitCode, String out, String err, String file) {}

    private static Outcome run(CommandLine cmd, Path out, String... args) throws Exception {
        Files.deleteIfExists(out);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        int code = cmd.execute(args);
        return new Outcome(code, o.toString(), e.toString(), Files.exists(out) ? Files.readString(out) : "<none>");
    }

    /**
     * Main turns off picocli's search for Groovy closures: without Groovy on the class path the search opens every
     * jar of it (108 of them, measured with strace), a twentieth of a one-file convert.
     */
    @Test
    void commandLinesDoNotLookForGroovy() {
        Main.commandLine();
        assertEquals("true", System.getProperty(Main.DISABLE_CLOSURES));
    }

    /** Main leaves out picocli's java.time and java.sql converters: no option may need them. */
    @Test
    void noOptionHasATypeWhoseConverterMainLeavesOut() {
        List<String> types = new ArrayList<>();
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            for (CommandLine.Model.ArgSpec arg : sub.getCommandSpec().args()) {
                types.add(arg.type().getName());
                for (Class<?> t : arg.auxiliaryTypes()) {
                    types.add(t.getName());
                }
            }
        }
        assertTrue(types.contains("java.nio.file.Path") && types.contains("int"), types.toString());
        for (String pattern : System.getProperty(Main.CONVERTER_EXCLUDES).split(",")) {
            for (String type : types) {
                assertFalse(type.matches(pattern), type + " needs a converter " + Main.CONVERTER_EXCLUDES + " leaves out");
            }
        }
    }

    @Test
    void oneCommandTreeEndsEveryRunAsTheWholeTreeDoes() throws Exception {
        Path in = dir.resolve("in.srt");
        Files.writeString(in, SRT, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.vtt");
        String i = in.toString();
        String o = out.toString();
        List<String[]> cases = List.of(
                new String[] {"convert", i, "-o", o},
                new String[] {"convert", "-q", i, "-o", o},
                new String[] {"--force", "-q", "convert", i, "-o", o, "--to", "srt"},
                new String[] {"--data", dir.toString(), "convert", i, "-o", o},
                new String[] {"--config=" + dir.resolve("none.yaml"), "convert", i, "-o", o},
                new String[] {"--config", dir.resolve("none.yaml").toString(), "convert", i, "-o", o},
                new String[] {"convert", i, "-o", o, "--to", "nope"},
                new String[] {"convert", i},
                new String[] {"convert"},
                new String[] {"convert", "--help"},
                new String[] {"convert", "-h"},
                new String[] {"convert", "--version"},
                new String[] {"convert", "--bogus", i, "-o", o},
                new String[] {"convert", "check", "-o", o},
                new String[] {"convert", "help"},
                new String[] {"convert", i, "-o", o, "extra"},
                new String[] {"check", i},
                new String[] {"check", "--json", i},
                new String[] {"-v", "check", "--strict", i},
                new String[] {"check", "--nope", i},
                new String[] {"shift", i, "-o", o, "--by", "1.5s"},
                new String[] {"shift", i});
        for (String[] args : cases) {
            Outcome whole = run(Main.commandLine(), out, args);
            Outcome one = run(Main.commandLine(Main.commandsFor(args)), out, args);
            assertEquals(whole, one, String.join(" ", args));
        }
    }

    @Test
    void buildsOnlyTheNamedCommandAfterGlobalOptions() {
        assertEquals(List.of(ConvertCommand.class), Main.commandsFor(new String[] {"convert", "a.srt", "-o", "b.vtt"}));
        assertEquals(List.of(ConvertCommand.class),
                Main.commandsFor(new String[] {"--data", "check", "-q", "--force", "convert", "a.srt"}));
        assertEquals(List.of(CheckCommand.class), Main.commandsFor(new String[] {"--config=x.yaml", "-v", "check", "a"}));
    }

    @Test
    void buildsTheWholeTreeWhenMainCannotTell() {
        int all = Main.commandLine().getSubcommands().size();
        List<String[]> unclear = new ArrayList<>();
        unclear.add(new String[] {});
        unclear.add(new String[] {"--help", "convert"});
        unclear.add(new String[] {"-qv", "convert", "a.srt"});
        unclear.add(new String[] {"--version"});
        unclear.add(new String[] {"help", "convert"});
        unclear.add(new String[] {"convrt", "a.srt"});
        unclear.add(new String[] {"@args.txt"});
        unclear.add(new String[] {"--data", "@dir.txt", "convert"});
        unclear.add(new String[] {"--data"});
        for (String[] args : unclear) {
            assertEquals(all, Main.commandsFor(args).size(), String.join(" ", args));
        }
    }
}
