package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ProgressStyle}, {@link ProgressLines} and {@link TerminalProgress}: what an ingest shows while it runs. */
class ProgressTest {
    private static ReportInterview entry(String id, IngestStatus status) {
        return new ReportInterview(id, status, null, List.of(), status == IngestStatus.FAILED
                ? List.of("no cues could be read") : List.of(), "talks", id);
    }

    @Test
    void barOnlyOnATerminalAPersonWatches() {
        Map<String, String> plain = Map.of("TERM", "xterm-256color");
        assertEquals(ProgressStyle.BAR, ProgressStyle.choose(true, false, false, plain));
        assertEquals(ProgressStyle.LINES, ProgressStyle.choose(false, false, false, plain), "a pipe or a log file");
        assertEquals(ProgressStyle.LINES, ProgressStyle.choose(true, false, true, plain), "--json");
        assertEquals(ProgressStyle.LINES, ProgressStyle.choose(true, false, false, Map.of("CI", "true")));
        assertEquals(ProgressStyle.BAR, ProgressStyle.choose(true, false, false, Map.of("CI", "false")));
        assertEquals(ProgressStyle.LINES, ProgressStyle.choose(true, false, false, Map.of("TERM", "dumb")));
        assertEquals(ProgressStyle.FAILURES, ProgressStyle.choose(true, true, false, plain), "--quiet");
        assertEquals(ProgressStyle.FAILURES, ProgressStyle.choose(false, true, true, Map.of("CI", "1")));
    }

    @Test
    void linesSayDoneOfTotalPerInterviewAndQuietKeepsOnlyFailures() {
        StringWriter all = new StringWriter();
        StringWriter failures = new StringWriter();
        IngestPipeline.Progress lines = new ProgressLines(new PrintWriter(all), false, e -> e.id() + ": " + e.status().id());
        IngestPipeline.Progress quiet = new ProgressLines(new PrintWriter(failures), true, e -> e.id() + ": " + e.status().id());
        for (IngestPipeline.Progress p : List.of(lines, quiet)) {
            p.starting(3, 1);
            p.finished(1, 3, entry("same", IngestStatus.UNCHANGED));
            p.began("talk-2");
            p.finished(2, 3, entry("talk-2", IngestStatus.OK));
            p.finished(3, 3, entry("broken", IngestStatus.FAILED));
        }
        assertEquals(String.join(System.lineSeparator(), "[1/3] same: unchanged", "[2/3] talk-2: ok",
                "[3/3] broken: failed") + System.lineSeparator(), all.toString());
        assertEquals("[3/3] broken: failed" + System.lineSeparator(), failures.toString());
        assertFalse(all.toString().contains("\r"), "no redrawing in a log");
    }

    @Test
    void barShowsDoneOfTotalRateEtaAndTheInterviewUnderWay() throws InterruptedException {
        StringWriter screen = new StringWriter();
        TerminalProgress bar = new TerminalProgress(new PrintWriter(screen), () -> 140, true);
        bar.starting(200, 50);
        bar.began("talk-051");
        bar.finished(51, 200, entry("talk-051", IngestStatus.OK));
        bar.began("talk-052");
        bar.finished(52, 200, entry("talk-052", IngestStatus.FAILED));
        bar.began("talk-053");
        // the bar redraws on its own timer; the library's rate needs one whole second of elapsed time
        Thread.sleep(1000 + TerminalProgress.REFRESH_MS * 3L);
        String drawn = screen.toString();
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("ingest  26% "), last);
        assertTrue(last.contains(" 52/200 interviews ("), last);
        assertTrue(last.matches("(?s).*\\(0:00:0[12] / \\d+:\\d\\d:\\d\\d\\) \\d+\\.\\d interviews/s .*"), last);
        assertTrue(last.contains("talk-053 · 1 failed"), last);
        assertTrue(last.endsWith("\u001b[K"), "each redraw erases what a longer line left: " + last);
        assertTrue(last.length() - "\u001b[K".length() <= 139, "cut to the terminal's width: " + last.length());
        assertTrue(last.contains("█"), last);

        bar.finished(53, 200, entry("talk-053", IngestStatus.OK));
        bar.finishing();
        Thread.sleep(TerminalProgress.REFRESH_MS * 2L);
        String committing = screen.toString().substring(screen.toString().lastIndexOf('\r') + 1);
        assertTrue(committing.contains("committing the index… · 1 failed"), committing);
        bar.close();
        String end = screen.toString();
        assertTrue(end.endsWith(System.lineSeparator()), "the last state stays on screen, then a new line");
        String finalLine = end.substring(end.lastIndexOf('\r') + 1);
        assertTrue(finalLine.contains(" 53/200 interviews"), finalLine);
        assertFalse(finalLine.contains("talk-053"), "nothing is under way any more: " + finalLine);
    }

    @Test
    void narrowTerminalAndAsciiBar() throws InterruptedException {
        StringWriter screen = new StringWriter();
        try (TerminalProgress bar = new TerminalProgress(new PrintWriter(screen), () -> 60, false)) {
            bar.starting(10, 0);
            bar.finished(1, 10, entry("a-rather-long-interview-name-that-does-not-fit", IngestStatus.OK));
            Thread.sleep(TerminalProgress.REFRESH_MS * 2L);
        }
        for (String line : screen.toString().split("\r")) {
            String visible = line.replace("\u001b[K", "").strip();
            assertTrue(visible.length() <= 59, visible.length() + ": " + visible);
            assertFalse(visible.contains("█"), "ASCII when the terminal cannot show blocks: " + visible);
        }
    }

    @Test
    void etaCountsOnlyThisRunsWork() {
        assertEquals(Optional.empty(), TerminalProgress.eta(0, Duration.ofSeconds(5), 100), "no rate yet");
        assertEquals(Optional.of(Duration.ofSeconds(30)), TerminalProgress.eta(10, Duration.ofSeconds(2), 150));
        assertEquals(Optional.of(Duration.ZERO), TerminalProgress.eta(150, Duration.ofSeconds(20), 0));
    }
}
