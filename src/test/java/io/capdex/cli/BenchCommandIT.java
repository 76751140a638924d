package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandIT {
    @TempDir
    Path dir;

    @Test
    void searchReusesTheIndexThatIndexLeftAndPrintsEveryQueryClass() {
        String index = dir.resolve("index").toString();
        CliRun built = CliRun.of("bench", "index", "--hours", "12", "--index-dir", index, "--warm-up", "0");
        assertEquals(ExitCode.OK, built.exitCode(), built.err());
        assertTrue(built.out().contains("index.build.s"), built.out());

        CliRun searched = CliRun.of("bench", "search", "--hours", "12", "--index-dir", index, "--warm-up", "0");
        assertEquals(ExitCode.OK, searched.exitCode(), searched.err());
        assertFalse(searched.out().contains("index.build.s"), "the index was reused, not rebuilt:\n" + searched.out());
        for (String kind : new String[] {"rare", "common", "phrase2", "phrase4", "crosscue", "prefix", "typo",
                "soundslike", "filtered"}) {
            assertTrue(searched.out().contains("search." + kind + ".p99"), kind + " missing from:\n" + searched.out());
        }

        CliRun other = CliRun.of("bench", "search", "--hours", "13", "--index-dir", index, "--warm-up", "0");
        assertEquals(ExitCode.OK, other.exitCode(), other.err());
        assertTrue(other.out().contains("index.build.s"), "another corpus size is built afresh:\n" + other.out());
    }

    @Test
    void refusesANegativeWarmUpBeforeBuildingAnything() {
        Path index = dir.resolve("never");
        CliRun run = CliRun.of("bench", "index", "--hours", "2", "--index-dir", index.toString(), "--warm-up", "-1");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("capdex bench index: --warm-up must be 0 seconds or more", run.err().strip());
        assertFalse(java.nio.file.Files.exists(index), "nothing is built for a refused command");
    }
}
