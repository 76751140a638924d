package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.batch.CaptionFileResult;
import io.capdex.batch.CaptionFiles;
import io.capdex.batch.ReadOptions;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.WriteOptions;
import io.capdex.caption.formats.CaptionFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert} streams plain conversions cue by cue; this proves the stream changes nothing. Every golden and
 * wild caption file is converted by the command to every caption format, and the output bytes, the messages and
 * the exit code are compared with what the whole-track path makes of the same file (read the whole track, print
 * its problems, write it).
 */
class ConvertStreamingTest {
    private static final Set<String> CAPTION_EXTENSIONS = Set.of("srt", "vtt", "sbv", "ttml", "dfxp", "xml");
    private static final List<Format> TARGETS = List.of(Format.SRT, Format.VTT, Format.SBV, Format.TTML);

    @TempDir Path dir;

    @TestFactory
    Stream<DynamicTest> everyGoldenAndWildFileConvertsAsTheWholeTrackPathDoes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/test/resources/golden", "src/test/resources/wild")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).filter(ConvertStreamingTest::isCaptionFile).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 60, "test files found: " + files.size());
        return files.stream().flatMap(file -> TARGETS.stream().map(target -> DynamicTest.dynamicTest(
                file + " -> " + target.id(), () -> assertSameAsWholeTrack(file, target, false))));
    }

    @Test
    void crlfOutputIsTheSameToo() throws IOException {
        for (String name : List.of("golden/srt/canonical.srt", "wild/srt/mixed-line-endings.srt")) {
            Path file = Path.of("src/test/resources", name);
            assertSameAsWholeTrack(file, Format.SRT, true);
            assertSameAsWholeTrack(file, Format.VTT, true);
        }
    }

    @Test
    void aColourOnlyTheWholeTrackCanDeclareFallsBackToTheWholeTrackPath() throws IOException {
        Path in = dir.resolve("colours.srt");
        Files.writeString(in, "1\n00:00:01,000 --> 00:00:02,000\nplain\n\n"
                + "2\n00:00:03,000 --> 00:00:04,000\n<font color=\"#12ab34\">green</font>\n\n", StandardCharsets.UTF_8);
        String written = assertSameAsWholeTrack(in, Format.VTT, false);
        assertTrue(written.contains("::cue(.c12ab34) { color: #12ab34; }"), written);
        assertTrue(written.indexOf("STYLE") < written.indexOf("-->"), written);
    }

    @Test
    void aVttInputWithStyleAndRegionBlocksKeepsThem() throws IOException {
        Path in = dir.resolve("blocks.vtt");
        Files.writeString(in, "WEBVTT\n\nSTYLE\n::cue { color: red; }\n\nREGION\nid:top\nwidth:40%\n\n"
                + "00:00:01.000 --> 00:00:02.000 region:top\nhello\n", StandardCharsets.UTF_8);
        String written = assertSameAsWholeTrack(in, Format.VTT, false);
        assertTrue(written.contains("REGION\nid:top") && written.contains("::cue { color: red; }"), written);
    }

    @Test
    void aRefusedOutputIsReportedAfterTheProblemsAsBefore() throws IOException {
        Path in = dir.resolve("bad.srt");
        Files.writeString(in, "1\n00:00:05,000 --> 00:00:04,000\nbackwards\n\n2\n00:00:06,000 --> 00:00:07,000\nok\n");
        Path out = dir.resolve("out.vtt");
        Files.writeString(out, "precious");
        CliRun run = CliRun.of("convert", in.toString(), "-o", out.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertEquals(in + ":2: error: end before start (00:00:05,000 --> 00:00:04,000); cue skipped [end-before-start]\n"
                + out + ": exists; use --force to overwrite\n", run.err());
        assertEquals("precious", Files.readString(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("bad.srt", "out.vtt"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFileThatIsNotCaptionsLeavesNoOutputBehind() throws IOException {
        Path in = dir.resolve("notes.srt");
        Files.write(in, "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        Path out = dir.resolve("out.vtt");
        CliRun run = CliRun.of("convert", in.toString(), "-o", out.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertEquals(in + ": not a caption file (detected application/pdf)\n", run.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("notes.srt"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void streamedReadHandsOverTheSameCuesAndProblemsAsAWholeRead() throws IOException {
        for (Path file : List.of(Path.of("src/test/resources/golden/srt"), Path.of("src/test/resources/wild/srt"))) {
            try (Stream<Path> list = Files.list(file)) {
                for (Path p : list.filter(ConvertStreamingTest::isCaptionFile).toList()) {
                    ReadOptions options = ReadOptions.defaults(CaptionFormats::reader);
                    CaptionFileResult whole = CaptionFiles.read(p, options);
                    List<Cue> cues = new ArrayList<>();
                    CaptionFileResult streamed = CaptionFiles.stream(p, options, cues::add);
                    if (whole instanceof CaptionFileResult.Read w) {
                        CaptionFileResult.Read s = (CaptionFileResult.Read) streamed;
                        assertEquals(w.track().cues(), cues, p.toString());
                        assertEquals(w.problems(), s.problems(), p.toString());
                        assertEquals(w.track().origin(), s.track().origin(), p.toString());
                        assertTrue(s.track().cues().isEmpty(), p.toString());
                    } else {
                        assertEquals(whole, streamed, p.toString());
                        assertTrue(cues.isEmpty(), p.toString());
                    }
                }
            }
        }
    }

    /** Runs {@code convert} and compares it with the whole-track path; returns the output. */
    private String assertSameAsWholeTrack(Path file, Format target, boolean crlf) throws IOException {
        Path out = Files.createTempDirectory(dir, "out").resolve("out." + target.id());
        List<String> args = new ArrayList<>(List.of("convert", file.toString(), "-o", out.toString()));
        if (crlf) {
            args.add("--crlf");
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));

        CaptionFileResult read = CaptionFiles.read(file, ReadOptions.defaults(CaptionFormats::reader));
        if (read instanceof CaptionFileResult.Failed failed) {
            assertEquals(ExitCode.INPUT, run.exitCode(), run.err());
            assertEquals(failed.message() + "\n", run.err());
            assertFalse(Files.exists(out), "output written for a refused input");
            return "";
        }
        CaptionFileResult.Read whole = (CaptionFileResult.Read) read;
        StringBuilder expectedErr = new StringBuilder();
        for (ParseProblem p : whole.problems()) {
            expectedErr.append(CommandContext.diagnostic(file, p)).append('\n');
        }
        expectedErr.append(String.format(Locale.ROOT, "%s: wrote %d cues as %s%n", out, whole.track().cues().size(),
                target.id().toUpperCase(Locale.ROOT)));
        String expected = CaptionFormats.writer(target).write(whole.track(), WriteOptions.defaults().withCrlf(crlf));
        boolean errors = whole.problems().stream().anyMatch(ParseProblem::isError);

        assertEquals(expectedErr.toString(), run.err());
        assertEquals(errors ? ExitCode.INPUT : ExitCode.OK, run.exitCode());
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out),
                () -> file + " -> " + target.id() + " differs");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(1, left.count(), "temporary files left behind");
        }
        return expected;
    }

    private static boolean isCaptionFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && CAPTION_EXTENSIONS.contains(name.substring(dot + 1));
    }
}
