package io.capdex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");

    @Test
    void startsExportAndVerifyWithC1Alone() {
        assertEquals(C1, ChildProcess.jitOptions(List.of("export", "long", "--format", "mp4")));
        assertEquals(C1, ChildProcess.jitOptions(List.of("--force", "-q", "--data", "/tmp/d", "export", "long")));
        assertEquals(C1, ChildProcess.jitOptions(List.of("--config", "c.yaml", "verify", "out")));
    }

    @Test
    void leavesOtherCommandsAndOptionValuesNamedLikeCommandsAlone() {
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("convert", "in.srt", "-o", "export")));
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("--data", "export", "sync", "v.mp4")));
        assertEquals(List.of(), ChildProcess.jitOptions(List.of("--verbose")));
    }
}
