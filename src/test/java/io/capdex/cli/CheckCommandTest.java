package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void cleanFileExitsZeroWithSummary() throws Exception {
        Path srt = write("ok.srt", "1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n"
                + "2\n00:00:04,000 --> 00:00:06,000\nGeneral Kenobi.\n\n");
        CliRun run = CliRun.of("check", srt.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals(srt + ": SRT, UTF-8, LF, 2 cues: 0 errors, 0 warnings\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void reportsBadTimingWithFileLineAndExits3() throws Exception {
        Path srt = write("bad.srt", "1\n00:00:01,000 --> 00:00:03,000\nFine.\n\n"
                + "2\n00:00:05,000 --> 00:00:04,000\nBackwards.\n\n");
        CliRun run = CliRun.of("check", srt.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().startsWith(srt + ":6: error: "), run.err());
        assertTrue(run.err().contains("[end-before-start]"), run.err());
    }

    @Test
    void qcFindingsNameTheCueLine() throws Exception {
        Path srt = write("long.srt", "1\n00:00:01,000 --> 00:00:04,000\n"
                + "This line is much longer than forty-two characters allow\n\n");
        CliRun run = CliRun.of("check", srt.toString());
        assertEquals(ExitCode.OK, run.exitCode(), "warnings alone exit 0");
        assertTrue(run.err().contains(srt + ":2: warning: "), run.err());
        assertTrue(run.err().contains("[line-too-long]"), run.err());
        assertEquals(ExitCode.INPUT, CliRun.of("check", "--strict", srt.toString()).exitCode());
    }

    @Test
    void profileChangesTheLimits() throws Exception {
        // 38 characters: fine for netflix (42) and too long for bbc (37)
        Path srt = write("p.srt", "1\n00:00:01,000 --> 00:00:04,000\nabcdefghij abcdefghij abcdefghij abcde\n\n");
        assertTrue(!CliRun.of("check", srt.toString()).err().contains("line-too-long"));
        assertTrue(CliRun.of("check", "--profile", "bbc", srt.toString()).err().contains("line-too-long"));
        CliRun unknown = CliRun.of("check", "--profile", "nope", srt.toString());
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown QC profile 'nope'"), unknown.err());
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() throws Exception {
        Path ok = write("ok.srt", "1\n00:00:01,000 --> 00:00:03,000\nHello.\n\n");
        Path empty = write("empty.srt", "");
        Path missing = dir.resolve("missing.srt");
        CliRun run = CliRun.of("check", empty.toString(), missing.toString(), ok.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().contains(empty + ": empty file"), run.err());
        assertTrue(run.err().contains(missing + ": no such file"), run.err());
        assertTrue(run.out().contains(ok + ": SRT"), run.out());
        assertTrue(run.out().contains("3 files checked"), run.out());
    }

    @Test
    void refusesAVideoAsCaptions() throws Exception {
        Path fake = dir.resolve("clip.srt");
        byte[] mp4 = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, mp4, 0, 12);
        Files.write(fake, mp4);
        CliRun run = CliRun.of("check", fake.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().startsWith(fake + ": not a caption file"), run.err());
    }

    @Test
    void jsonHasTheDesignShape() throws Exception {
        Path srt = write("j.srt", "\uFEFF1\r\n00:00:01,000 --> 00:00:03,000\r\nHola, ¿qué tal?\r\n\r\n");
        CliRun run = CliRun.of("check", "--json", srt.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode file = new ObjectMapper().readTree(run.out()).get("files").get(0);
        assertEquals(srt.toString(), file.get("path").asText());
        assertEquals("srt", file.get("format").asText());
        assertEquals("UTF-8", file.get("encoding").asText());
        assertTrue(file.get("bom").asBoolean());
        assertEquals("CRLF", file.get("lineEndings").asText());
        assertEquals(1, file.get("cues").asInt());
        assertTrue(file.get("problems").isArray());
    }

    @Test
    void readsWindows1252() throws Exception {
        Path srt = dir.resolve("w.srt");
        Files.write(srt, "1\r\n00:00:01,000 --> 00:00:03,000\r\n\u201cNi\u00f1o\u201d \u2014 s\u00ed\r\n\r\n"
                .getBytes("windows-1252"));
        CliRun run = CliRun.of("check", srt.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("windows-1252"), run.out());
    }

    @Test
    void checksEveryCaptionFileInAFolder() throws Exception {
        write("a.srt", "1\n00:00:01,000 --> 00:00:03,000\nHello.\n\n");
        write("b.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello.\n");
        write("notes.txt", "not captions");
        CliRun run = CliRun.of("check", dir.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("a.srt: SRT"), run.out());
        assertTrue(run.out().contains("b.vtt: VTT"), run.out());
        assertTrue(run.out().contains("2 files checked"), run.out());
    }
}
