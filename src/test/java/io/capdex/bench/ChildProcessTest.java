package io.capdex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");
    private static final List<String> C1_EARLY_LOOPS = List.of("-XX:TieredStopAtLevel=1",
            "-XX:Tier3BackEdgeThreshold=6000");
    private static final List<String> SMALL_INLINING = List.of("-XX:FreqInlineSize=80", "-XX:InlineSmallCode=700");

    @Test
    void startsExportAndVerifyWithC1Alone() {
        assertEquals(C1, ChildProcess.jitOptions(List.of("export", "long", "--format", "mp4")));
        assertEquals(C1, ChildProcess.jitOptions(List.of("--force", "-q", "--data", "/tmp/d", "export", "long")));
        assertEquals(C1, ChildProcess.jitOptions(List.of("--config", "c.yaml", "verify", "out")));
    }

    @Test
    void leavesOtherCommandsAndOptionValuesNamedLikeCommandsAlone() {
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("search", "q", "--json", "export")));
        assertEquals(C1_EARLY_LOOPS, ChildProcess.jitOptions(List.of("convert", "in.srt", "-o", "ingest")));
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("--data", "export", "sync", "v.mp4")));
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("--verbose")));
    }

    @Test
    void startsIngestAndReindexWithSmallerInlining() {
        assertEquals(SMALL_INLINING, ChildProcess.jitOptions(List.of("ingest", "--no-sync", "corpus")));
        assertEquals(SMALL_INLINING, ChildProcess.jitOptions(List.of("--data", "d", "-q", "reindex")));
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("search", "ingest")));
    }

    /** The options mirror the launcher's: each command's case in the {@code capdex} script adds exactly these. */
    @Test
    void matchesTheLauncherScript() throws IOException {
        String script = Files.readString(Path.of("capdex"));
        for (String command : List.of("convert", "check", "shift", "export", "verify", "ingest", "reindex", "search",
                "serve", "sync")) {
            List<String> launcher = launcherOptions(script, command).stream()
                    .filter(o -> !o.startsWith("-Xms")) // the heap's start size is not a JIT option
                    .toList();
            assertEquals(ChildProcess.jitOptions(List.of(command)), launcher, command);
        }
    }

    /** The options the script's {@code case "$command"} adds for a command, none when no case names it. */
    private static List<String> launcherOptions(String script, String command) {
        Matcher m = Pattern.compile("(?m)^  ([a-z|]+)\\)\n(?:\\s*#.*\\n)*\\s*opts\\+=\\(([^)]*)\\)").matcher(script);
        while (m.find()) {
            if (List.of(m.group(1).split("\\|")).contains(command)) {
                return List.of(m.group(2).trim().split("\\s+"));
            }
        }
        return List.of();
    }
}
