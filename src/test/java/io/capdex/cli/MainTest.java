package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void printsVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().startsWith("capdex "), run.out());
    }

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(ExitCode.OK, run.exitCode());
        for (String command : new String[] {"check", "convert", "shift", "probe", "sync", "bench"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
        }
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("chek", "x.srt");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("check"), run.err());
        assertFalse(run.err().contains("at io.capdex"), "no stack trace: " + run.err());
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.out().contains("Usage: capdex"), run.out());
    }

    @Test
    void badConfigurationNamesFileAndLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path config = dir.resolve("capdex.yaml");
        java.nio.file.Files.writeString(config, "qc:\n  profile: netflix\n  maxchars: 3\n");
        java.nio.file.Path srt = dir.resolve("a.srt");
        java.nio.file.Files.writeString(srt, "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n");
        CliRun run = CliRun.of("check", "--config", config.toString(), srt.toString());
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().startsWith(config + ":3: "), run.err());
        assertTrue(run.err().contains("maxchars"), run.err());
    }
}
