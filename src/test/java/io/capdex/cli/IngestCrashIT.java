package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.bench.ChildProcess;
import io.capdex.bench.Workloads;
import io.capdex.caption.Cue;
import io.capdex.caption.Track;
import io.capdex.search.QueryException;
import io.capdex.search.SearchRequest;
import io.capdex.search.SearchResult;
import io.capdex.search.TranscriptIndex;
import io.capdex.search.TranscriptSearch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #4's crash safety, for real: a separate ingesting JVM is killed with SIGKILL ({@code kill -9}) or stopped
 * with SIGTERM part-way through, and a rerun must finish the job with every interview stored and indexed exactly
 * once, the index matching the store, no temporary files left and the index lock free.
 */
class IngestCrashIT {
    private static final int INTERVIEWS = 120;
    private static final int CUES = 500;
    private static final Pattern PROGRESS = Pattern.compile("^\\[(\\d+)/(\\d+)] ");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path shared;
    private static Path folder;
    private static Set<String> ids;

    @TempDir Path work;

    /** 120 caption-only interviews of 500 cues; each says its own marker word once and a shared one at the end. */
    @BeforeAll
    static void generateFolder() throws IOException {
        folder = shared.resolve("interviews");
        Files.createDirectories(folder);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            String id = String.format(Locale.ROOT, "talk-%03d", i);
            Track track = Workloads.interview(CUES, i);
            StringBuilder srt = new StringBuilder(CUES * 100);
            List<Cue> cues = track.cues();
            for (int c = 0; c < cues.size(); c++) {
                String text = cues.get(c).text();
                if (c == 0) {
                    text = marker(i) + " " + text;
                } else if (c == cues.size() - 1) {
                    text = text + " capdexall";
                }
                srt.append(c + 1).append('\n').append(time(cues.get(c).startMs())).append(" --> ")
                        .append(time(cues.get(c).endMs())).append('\n').append(text).append("\n\n");
            }
            Files.writeString(folder.resolve(id + ".en.srt"), srt, StandardCharsets.UTF_8);
            names.add(id);
        }
        ids = Collections.unmodifiableSet(names);
    }

    @ParameterizedTest(name = "killed after {0} finished interviews")
    @ValueSource(ints = {1, 25, 70})
    void rerunAfterKillNineFinishesWithEveryInterviewOnce(int killAfter) throws Exception {
        Path data = work.resolve("data");
        Killed killed = runUntil(data, killAfter, false);
        assertEquals(137, killed.exitCode(), "SIGKILL ends the JVM with 128 + 9");
        int stored = storedIds(data).size();
        assertTrue(stored >= killAfter && stored < INTERVIEWS,
                "killed mid-run: " + stored + " stored after " + killed.progressLines() + " progress lines");
        assertTrue(Files.readString(data.resolve("index").resolve(TranscriptIndex.HOLDER_FILE)).startsWith("pid "),
                "kill -9 leaves the holder file naming the dead process; the OS released the lock itself, and the"
                        + " rerun below takes it and rewrites the file");

        finishAndCheck(data);
    }

    @Test
    void killedTwiceInARowStillConverges() throws Exception {
        Path data = work.resolve("data");
        assertEquals(137, runUntil(data, 15, false).exitCode());
        Killed second = runUntil(data, 15, false);
        assertEquals(137, second.exitCode());
        assertTrue(second.stderr().contains(": unchanged ("),
                "the rerun skips what the first one committed: " + second.stderr());
        finishAndCheck(data);
    }

    @Test
    void sigtermStopsCleanlyWithIndexMatchingStoreAndLockReleased() throws Exception {
        Path data = work.resolve("data");
        Killed stopped = runUntil(data, 20, true);
        assertEquals(143, stopped.exitCode(), "SIGTERM ends the JVM with 128 + 15: " + stopped.stderr());
        assertTrue(stopped.stderr().contains("capdex ingest: stopped; "), stopped.stderr());
        assertTrue(stopped.stderr().contains("run the same command again to finish"), stopped.stderr());
        try (Stream<Path> reports = Files.list(data.resolve("reports"))) {
            assertEquals(2, reports.count(), "the stopped run still saved its report (HTML and JSON) before exiting");
        }
        assertFalse(Files.exists(data.resolve("index").resolve(TranscriptIndex.HOLDER_FILE)),
                "the index was closed, so its holder file is gone");
        Set<String> stored = storedIds(data);
        assertTrue(stored.size() >= 20 && stored.size() < INTERVIEWS, "stopped mid-run: " + stored.size());
        // no rerun yet: what the stopped run stored is already committed, each interview once
        try (TranscriptSearch search = TranscriptSearch.open(data.resolve("index"))) {
            for (String id : stored) {
                assertFoundOnce(search, id);
            }
            SearchResult all = search.search(SearchRequest.of("\"capdexall\"").withLimit(1000));
            assertEquals(stored.size(), all.total(), "the index holds exactly the stored interviews");
        }
        assertIndexHoldsExactly(data, stored);

        finishAndCheck(data);
    }

    /** Reruns to the end, then checks store, index, leftovers and the lock; a third run finds nothing to do. */
    private void finishAndCheck(Path data) throws Exception {
        Path out = work.resolve("rerun.json");
        Process rerun = new ProcessBuilder(ingestCommand(data, "--json")).redirectOutput(out.toFile())
                .redirectError(work.resolve("rerun.err").toFile()).start();
        assertTrue(rerun.waitFor(300, TimeUnit.SECONDS), "the rerun finishes");
        String err = Files.readString(work.resolve("rerun.err"));
        assertEquals(0, rerun.exitValue(), err);
        JsonNode totals = JSON.readTree(Files.readString(out)).get("totals");
        assertEquals(0, totals.get("failed").asInt(), err);
        assertEquals(INTERVIEWS, totals.get("ok").asInt() + totals.get("warning").asInt()
                + totals.get("unchanged").asInt(), totals.toString());

        assertEquals(ids, storedIds(data), "every interview is stored, once");
        try (TranscriptSearch search = TranscriptSearch.open(data.resolve("index"))) {
            for (String id : ids) {
                assertFoundOnce(search, id);
            }
            SearchResult all = search.search(SearchRequest.of("\"capdexall\"").withLimit(1000));
            assertEquals(INTERVIEWS, all.total());
            for (SearchResult.Hit hit : all.results()) {
                assertEquals(1, hit.hits(), hit.interview() + " has one document per track, no duplicate");
            }
        }
        for (String id : ids) {
            try (Stream<Path> files = Files.list(data.resolve("tracks").resolve(id))) {
                assertEquals(Set.of("interview.json", "en.asr.json"),
                        files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), id);
            }
        }
        assertNoLeftovers(data);
        assertFalse(Files.exists(data.resolve("index").resolve(TranscriptIndex.HOLDER_FILE)));

        // the plan turns any interview whose index track is missing or has another content hash into "changed":
        // all unchanged proves the index and the stored tracks agree
        CliRun again = CliRun.of("--data", data.toString(), "ingest", "--no-sync", "--json", folder.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(INTERVIEWS, JSON.readTree(again.out()).get("totals").get("unchanged").asInt(), again.out());
        assertIndexHoldsExactly(data, ids); // and the lock is free: this opens the writer
    }

    private static void assertFoundOnce(TranscriptSearch search, String id) throws IOException, QueryException {
        SearchResult r = search.search(SearchRequest.of("\"" + marker(Integer.parseInt(id.substring(5))) + "\""));
        assertEquals(1, r.total(), id + " is found once by its marker");
        assertEquals(id, r.results().get(0).interview());
        assertEquals(1, r.results().get(0).hits(), id + ": one track document");
        assertEquals(0, r.results().get(0).moments().get(0).startMs(), id + ": the marker is in the first cue");
    }

    /** Opens the index for writing (so its lock must be free) and compares its track IDs with the interviews. */
    private static void assertIndexHoldsExactly(Path data, Set<String> interviews) throws IOException {
        Set<String> expected = new TreeSet<>();
        interviews.forEach(id -> expected.add(id + "|en|asr"));
        try (TranscriptIndex index = TranscriptIndex.open(data.resolve("index"), "IngestCrashIT")) {
            assertEquals(expected, new TreeSet<>(index.trackIds()));
        }
    }

    private static void assertNoLeftovers(Path data) throws IOException {
        try (Stream<Path> entries = Files.list(data.resolve("tracks"))) {
            List<String> hidden = entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), hidden, "no temporary or renamed-aside interview folders");
        }
        try (Stream<Path> entries = Files.list(data.resolve("index"))) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.stream().filter(n -> n.startsWith("segments_")).count(), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("pending_segments")), names.toString());
        }
        try (Stream<Path> entries = Files.list(data.resolve("reports"))) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no half-written report");
        }
    }

    private static Set<String> storedIds(Path data) throws IOException {
        CliRun list = CliRun.of("--data", data.toString(), "list", "--json");
        assertEquals(0, list.exitCode(), list.err());
        Set<String> stored = new TreeSet<>();
        List<String> all = new ArrayList<>();
        for (JsonNode i : JSON.readTree(list.out()).get("interviews")) {
            stored.add(i.get("id").asText());
            all.add(i.get("id").asText());
        }
        assertEquals(all.size(), stored.size(), "no interview listed twice");
        return stored;
    }

    /** How a child ingest ended: its exit code, the progress lines it printed and its whole stderr. */
    private record Killed(int exitCode, int progressLines, String stderr) {}

    /**
     * Starts a child ingest and kills it (SIGKILL, or SIGTERM with {@code gently}) once it reports {@code finished}
     * interviews done; fails if it ends by itself first.
     */
    private Killed runUntil(Path data, int finished, boolean gently) throws Exception {
        Process p = new ProcessBuilder(ingestCommand(data)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder stderr = new StringBuilder();
        int lines = 0;
        int processed = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                stderr.append(line).append('\n');
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    lines++;
                    if (!line.contains(": unchanged (")) {
                        processed++;
                    }
                    if (processed >= finished) {
                        if (gently) {
                            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stderr
                        } else {
                            p.destroyForcibly();
                        }
                        break;
                    }
                }
            }
            if (gently) {
                while ((line = r.readLine()) != null) {
                    stderr.append(line).append('\n');
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
        assertTrue(processed >= finished, "the ingest ended before the kill point: " + stderr);
        return new Killed(p.exitValue(), lines, stderr.toString());
    }

    private static List<String> ingestCommand(Path data, String... extra) {
        List<String> cmd = new ArrayList<>(ChildProcess.command("-Xmx512m", List.of()));
        cmd.addAll(List.of("--data", data.toString(), "ingest", "--no-sync", "--jobs", "2"));
        cmd.addAll(List.of(extra));
        cmd.add(folder.toString());
        return cmd;
    }

    /** A word only interview {@code i} says; quoted searches match it exactly (no typo or sound-alike expansion). */
    private static String marker(int i) {
        return String.format(Locale.ROOT, "capmark%03d", i);
    }

    private static String time(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }
}
