package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftCommandTest {
    @TempDir Path dir;

    private Path input() throws Exception {
        Path in = dir.resolve("in.srt");
        Files.writeString(in, "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:10:00,000 --> 00:10:02,000\nTwo.\n\n");
        return in;
    }

    @Test
    void shiftsByAnOffset() throws Exception {
        Path out = dir.resolve("o.srt");
        CliRun run = CliRun.of("shift", input().toString(), "-o", out.toString(), "--by", "1.5s");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertEquals("1\n00:00:02,500 --> 00:00:03,500\nOne.\n\n2\n00:10:01,500 --> 00:10:03,500\nTwo.\n\n",
                Files.readString(out));
    }

    @Test
    void shiftsOnlyFromATime() throws Exception {
        Path out = dir.resolve("o.srt");
        assertEquals(ExitCode.OK, CliRun.of("shift", input().toString(), "-o", out.toString(), "--by", "-250ms",
                "--from", "00:05:00").exitCode());
        assertTrue(Files.readString(out).contains("00:00:01,000 --> 00:00:02,000"));
        assertTrue(Files.readString(out).contains("00:09:59,750 --> 00:10:01,750"));
    }

    @Test
    void scalesForAFrameRateChange() throws Exception {
        Path out = dir.resolve("o.srt");
        assertEquals(ExitCode.OK, CliRun.of("shift", input().toString(), "-o", out.toString(), "--fps", "25:23.976")
                .exitCode());
        // 600 s × 25 / (24000/1001) = 625.625 s
        assertTrue(Files.readString(out).contains("00:10:25,625"), Files.readString(out));
    }

    @Test
    void clampsAndDropsBelowZero() throws Exception {
        Path out = dir.resolve("o.srt");
        CliRun run = CliRun.of("shift", input().toString(), "-o", out.toString(), "--by", "-1.5s");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("[clamped]"), run.err());
        assertTrue(Files.readString(out).startsWith("1\n00:00:00,000 --> 00:00:00,500\nOne."), Files.readString(out));
        CliRun drop = CliRun.of("shift", "--force", input().toString(), "-o", out.toString(), "--by", "-5s");
        assertTrue(drop.err().contains("[dropped]"), drop.err());
        assertTrue(Files.readString(out).startsWith("1\n00:09:55,000"), Files.readString(out));
    }

    @Test
    void badOffsetIsAUsageError() throws Exception {
        CliRun run = CliRun.of("shift", input().toString(), "-o", dir.resolve("o.srt").toString(), "--by", "soon");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("capdex shift: --by: "), run.err());
        CliRun none = CliRun.of("shift", input().toString(), "-o", dir.resolve("o.srt").toString());
        assertEquals(ExitCode.USAGE, none.exitCode());
    }
}
