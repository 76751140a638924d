package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir Path dir;

    private static final String SRT = "1\n00:00:01,000 --> 00:00:03,500\n<i>Remission</i> means\nno sign of leukaemia.\n\n"
            + "2\n00:00:04,000 --> 00:00:06,000\n{\\an8}Top line.\n\n";

    private Path input() throws Exception {
        Path in = dir.resolve("in.srt");
        Files.writeString(in, SRT, StandardCharsets.UTF_8);
        return in;
    }

    @Test
    void convertsSrtToVttByExtension() throws Exception {
        Path out = dir.resolve("out.vtt");
        CliRun run = CliRun.of("convert", input().toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("WEBVTT\n\n00:00:01.000 --> 00:00:03.500\n<i>Remission</i> means\nno sign of leukaemia.\n\n"
                + "00:00:04.000 --> 00:00:06.000 line:0\nTop line.\n", Files.readString(out));
    }

    @Test
    void srtRoundTripIsByteIdentical() throws Exception {
        Path vtt = dir.resolve("mid.vtt");
        Path back = dir.resolve("back.srt");
        assertEquals(ExitCode.OK, CliRun.of("convert", input().toString(), "-o", vtt.toString()).exitCode());
        assertEquals(ExitCode.OK, CliRun.of("convert", vtt.toString(), "-o", back.toString()).exitCode());
        assertEquals(SRT, Files.readString(back));
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path out = dir.resolve("out.srt");
        Files.writeString(out, "precious");
        CliRun run = CliRun.of("convert", input().toString(), "-o", out.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertEquals(out + ": exists; use --force to overwrite\n", run.err());
        assertEquals("precious", Files.readString(out));
        assertEquals(ExitCode.OK, CliRun.of("convert", "--force", input().toString(), "-o", out.toString()).exitCode());
        assertEquals(SRT, Files.readString(out));
    }

    @Test
    void neverWritesTheSourceEvenWithForce() throws Exception {
        Path in = input();
        CliRun run = CliRun.of("convert", "--force", in.toString(), "-o", in.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().contains("is an input file"), run.err());
        assertEquals(SRT, Files.readString(in));
    }

    @Test
    void jsonViewHasTheDesignFields() throws Exception {
        Path out = dir.resolve("out.json");
        assertEquals(ExitCode.OK, CliRun.of("convert", input().toString(), "--to", "json", "-o", out.toString())
                .exitCode());
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        for (String field : new String[] {"format", "encoding", "language", "cues", "problems"}) {
            assertTrue(doc.has(field), field);
        }
        JsonNode cue = doc.get("cues").get(0);
        assertEquals(1000, cue.get("startMs").asLong());
        assertEquals(3500, cue.get("endMs").asLong());
        assertEquals("Remission means\nno sign of leukaemia.", cue.get("text").asText());
        assertEquals("0", doc.get("cues").get(1).get("settings").get("line").asText());
    }

    @Test
    void repairReportsEachChange() throws Exception {
        Path in = dir.resolve("overlap.srt");
        Files.writeString(in, "1\n00:00:01,000 --> 00:00:05,000\nFirst.\n\n2\n00:00:04,000 --> 00:00:07,000\nSecond.\n\n");
        Path out = dir.resolve("fixed.srt");
        CliRun run = CliRun.of("convert", "--repair", in.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains(in + ":2: warning: "), run.err());
        assertTrue(run.err().contains("[repaired]"), run.err());
        String fixed = Files.readString(out);
        assertFalse(fixed.contains("00:00:05,000"), "overlap must be resolved:\n" + fixed);
    }

    @Test
    void crlfOption() throws Exception {
        Path out = dir.resolve("crlf.srt");
        assertEquals(ExitCode.OK, CliRun.of("convert", "--crlf", input().toString(), "-o", out.toString()).exitCode());
        assertEquals(SRT.replace("\n", "\r\n"), Files.readString(out));
    }

    @Test
    void unknownFormatIsAUsageError() throws Exception {
        CliRun run = CliRun.of("convert", input().toString(), "-o", dir.resolve("x.txt").toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("use --to"), run.err());
    }

    @Test
    void missingInputSaysSo() {
        Path missing = dir.resolve("nope.srt");
        CliRun run = CliRun.of("convert", missing.toString(), "-o", dir.resolve("o.vtt").toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertEquals(missing + ": no such file\n", run.err());
        assertFalse(Files.exists(dir.resolve("o.vtt")));
    }
}
