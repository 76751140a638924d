package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReadAheadTest {
    @TempDir
    Path dir;

    private static final Set<String> CONVERT_VALUED = ReadAhead.valuedOptions(ConvertCommand.class);

    private static String first(String... args) {
        return ReadAhead.firstParameter(args, 1, CONVERT_VALUED);
    }

    @Test
    void theValuedOptionsAreTheGlobalOnesAndTheCommandsOwn() {
        assertEquals(Set.of("--data", "--config", "-o", "--output", "--to", "--encoding", "--from-format"),
                CONVERT_VALUED);
        assertTrue(ReadAhead.valuedOptions(CheckCommand.class).containsAll(Set.of("--profile", "--fps", "--encoding")));
        assertFalse(ReadAhead.valuedOptions(CheckCommand.class).contains("--strict"));
    }

    /** The written-out lists are those the annotations give: a new option cannot be forgotten there. */
    @Test
    void theValuedOptionsAreThoseOfTheAnnotations() {
        assertEquals(Main.GlobalOptions.VALUED, ReadAhead.GLOBAL_VALUED);
        for (Class<?> command : List.of(ConvertCommand.class, CheckCommand.class, ShiftCommand.class)) {
            Set<String> annotated = new java.util.HashSet<>(Main.GlobalOptions.VALUED);
            annotated.addAll(Main.optionNames(command, false));
            assertEquals(annotated, ReadAhead.valuedOptions(command), command.getSimpleName());
        }
    }

    @Test
    void mainStartsTheReadFirstWhenTheFirstArgumentNamesTheCommand() throws IOException {
        Path in = srt("first.srt", 20_000);
        ReadAhead ahead = ReadAhead.startForFirst(new String[] {"convert", "--force", in.toString(), "-o", "x.vtt"});
        assertNotNull(ahead);
        assertNotNull(ahead.get(), "the file was read");
        for (String name : List.of(ConvertCommand.NAME, CheckCommand.NAME, ShiftCommand.NAME)) {
            assertNotNull(ReadAhead.startForFirst(new String[] {name, "-"}), name);
        }
        assertNull(ReadAhead.startForFirst(new String[] {"convert"}));
        assertNull(ReadAhead.startForFirst(new String[] {"--quiet", "convert", in.toString()}));
        assertNull(ReadAhead.startForFirst(new String[] {"ingest", in.toString()}));
        assertNull(ReadAhead.startForFirst(new String[] {}));
    }

    @Test
    void theFirstParameterSkipsOptionsAndTheirValues() {
        assertEquals("in.srt", first("convert", "in.srt", "-o", "out.vtt"));
        assertEquals("in.srt", first("convert", "-o", "out.vtt", "in.srt"));
        assertEquals("in.srt", first("convert", "--force", "--to", "vtt", "--data", "d", "in.srt", "-o", "x"));
        assertEquals("in.srt", first("convert", "--to=vtt", "-oout.vtt", "-qv", "in.srt"));
        assertEquals("-odd.srt", first("convert", "-o", "x", "--", "-odd.srt"));
        assertEquals("-", first("convert", "-", "-o", "x"));
        assertNull(first("convert", "@more-arguments", "in.srt"));
        assertNull(first("convert", "-o", "x", "--"));
        assertNull(first("convert", "--repair"));
    }

    @Test
    void filesAreReadAheadFromMinBytesToAnEighthOfTheHeapAndTheDefaultLimit() {
        long heap = 2L << 30;
        assertFalse(ReadAhead.worthReading(ReadAhead.MIN_BYTES - 1, ReadAhead.MIN_BYTES, heap));
        assertTrue(ReadAhead.worthReading(ReadAhead.MIN_BYTES, ReadAhead.MIN_BYTES, heap));
        assertTrue(ReadAhead.worthReading(19_000_000, ReadAhead.MIN_BYTES, heap));
        assertTrue(ReadAhead.worthReading(200L << 20, ReadAhead.MIN_BYTES, heap));
        assertFalse(ReadAhead.worthReading((200L << 20) + 1, ReadAhead.MIN_BYTES, heap)); // the default limit
        assertTrue(ReadAhead.worthReading(32L << 20, ReadAhead.MIN_BYTES, 256L << 20));
        assertFalse(ReadAhead.worthReading((32L << 20) + 1, ReadAhead.MIN_BYTES, 256L << 20)); // CAPDEX_HEAP=256m
    }

    @Test
    void onlyCommandsThatReadOneCaptionFileReadAhead() {
        assertNull(ReadAhead.start(ListCommand.class, new String[] {"list"}, 0, 1));
        assertNull(ReadAhead.start(IngestCommand.class, new String[] {"ingest", "samples"}, 0, 1));
    }

    private Path srt(String name, int cues) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= cues; i++) {
            sb.append(i).append('\n').append(String.format("00:00:%02d,000 --> 00:00:%02d,500%n", i % 60, i % 60))
                    .append("cue ").append(i).append("\n\n");
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    private static int run(ReadAhead ahead, String... args) {
        CommandLine cmd = Main.commandLine(List.of(ConvertCommand.class), ahead);
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        return cmd.execute(args);
    }

    @Test
    void convertTakesWhatWasReadAheadAndWritesWhatItWouldWrite() throws IOException {
        Path in = srt("in.srt", 40);
        Path out = dir.resolve("out.srt");
        String[] args = {"convert", in.toString(), "-o", out.toString()};
        ReadAhead ahead = ReadAhead.start(ConvertCommand.class, args, 0, 1);
        assertNotNull(ahead);
        assertEquals(ExitCode.OK, run(ahead, args));
        assertTrue(ahead.taken());
        assertEquals(Files.readString(in), Files.readString(out)); // canonical SRT in, the same SRT out

        // the whole-track path (--repair) takes it too
        Path repaired = dir.resolve("repaired.vtt");
        String[] repair = {"convert", "--repair", in.toString(), "-o", repaired.toString()};
        ReadAhead again = ReadAhead.start(ConvertCommand.class, repair, 0, 1);
        assertEquals(ExitCode.OK, run(again, repair));
        assertTrue(again.taken());
        assertTrue(Files.readString(repaired).contains("00:00:40.000 --> 00:00:40.500\ncue 40"));
    }

    @Test
    void aWrongGuessIsNotTakenAndChangesNothing() throws IOException {
        Path in = srt("in.srt", 40);
        Path out = srt("out.srt", 3); // exists: the clustered "-qo" hides that its value is the output
        String[] args = {"convert", "--force", "-qo", out.toString(), in.toString()};
        ReadAhead ahead = ReadAhead.start(ConvertCommand.class, args, 0, 1);
        assertNotNull(ahead);
        assertEquals(ExitCode.OK, run(ahead, args));
        assertFalse(ahead.taken());
        assertEquals(Files.readString(in), Files.readString(out));
    }

    @Test
    void smallFilesAreNotReadAhead() throws IOException {
        Path in = srt("in.srt", 2);
        String[] args = {"convert", in.toString(), "-o", dir.resolve("out.srt").toString()};
        ReadAhead ahead = ReadAhead.start(ConvertCommand.class, args, 0, ReadAhead.MIN_BYTES);
        assertNotNull(ahead);
        assertNull(ahead.get());
        assertEquals(ExitCode.OK, run(ahead, args));
    }
}
