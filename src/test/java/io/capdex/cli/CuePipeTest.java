package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.CaptionWriter.CueStream;
import io.capdex.caption.Cue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CuePipeTest {
    /** Records what it is given; refuses the cue starting at {@code refuseAtMs}, fails at {@code failAtMs}. */
    private static final class Recording implements CueStream {
        final List<Cue> written = new ArrayList<>();
        final long refuseAtMs;
        final long failAtMs;
        boolean finished;

        Recording(long refuseAtMs, long failAtMs) {
            this.refuseAtMs = refuseAtMs;
            this.failAtMs = failAtMs;
        }

        @Override
        public boolean write(Cue cue) throws IOException {
            if (cue.startMs() == failAtMs) {
                throw new IOException("disk full");
            }
            if (cue.startMs() == refuseAtMs) {
                return false;
            }
            written.add(cue);
            return true;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    private static List<Cue> cues(int n) {
        List<Cue> cues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cues.add(Cue.of(i * 10L, i * 10L + 5, "cue " + i));
        }
        return cues;
    }

    @Test
    void writesEveryCueInOrderAcrossBatches() throws IOException {
        Recording stream = new Recording(-1, -1);
        List<Cue> cues = cues(5_000);
        try (CuePipe pipe = new CuePipe(stream)) {
            cues.forEach(pipe);
            assertTrue(pipe.finish());
            assertEquals(5_000, pipe.written());
        }
        assertEquals(cues, stream.written);
        assertFalse(stream.finished, "finishing the output is the caller's call");
    }

    @Test
    void stopsAtARefusedCueAndSaysSo() throws IOException {
        Recording stream = new Recording(7_000, -1);
        try (CuePipe pipe = new CuePipe(stream)) {
            cues(3_000).forEach(pipe);
            assertFalse(pipe.finish());
            assertEquals(700, pipe.written());
        }
        assertEquals(cues(700), stream.written);
    }

    @Test
    void passesAWriteFailureToTheReaderThread() {
        Recording stream = new Recording(-1, 20_000);
        CuePipe pipe = new CuePipe(stream);
        cues(3_000).forEach(pipe);
        IOException e = assertThrows(IOException.class, pipe::finish);
        assertEquals("disk full", e.getMessage());
        pipe.close();
    }

    @Test
    void closeWithoutFinishEndsTheWriterThread() throws InterruptedException {
        Recording stream = new Recording(-1, -1);
        CuePipe pipe = new CuePipe(stream);
        cues(10_000).forEach(pipe);
        pipe.close();
        Thread.sleep(50);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("capdex-cue-writer") && t.isAlive()), "writer thread still alive");
    }
}
