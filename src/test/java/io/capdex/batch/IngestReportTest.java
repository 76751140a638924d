package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestReportTest {
    private static final Instant START = Instant.parse("2026-11-26T16:15:00Z");
    private static final Instant END = Instant.parse("2026-11-26T16:15:42Z");

    private static IngestReport report() {
        StoredInterview stored = StoredInterviews.sample("all-remission", "Remission");
        List<ReportInterview> interviews = List.of(
                ReportInterview.of(stored.record(), IngestStatus.OK, List.of("synced en")),
                new ReportInterview("xss", IngestStatus.FAILED, null, List.of(),
                        List.of("cue says <script>alert(1)</script> & \"quotes\""), "samples", "<b>title</b>"),
                new ReportInterview("same", IngestStatus.UNCHANGED, "/in/same.mp4", List.of(), List.of(), "samples",
                        ""),
                new ReportInterview("gone", IngestStatus.PRUNED, null, List.of(), List.of(), "old", ""));
        return new IngestReport(interviews,
                List.of(new IgnoredFile(Path.of("samples/<x>.md"), "not a video, caption, transcript or page file")),
                List.of(new Conflict("talk", List.of(Path.of("a"), Path.of("b")),
                        List.of(Path.of("a/talk.en.srt"), Path.of("b/talk.en.srt")))),
                List.of(new Diagnostic(Path.of("c/capdex.csv"), 3, "unknown role \"x\"; row skipped")), START, END);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void jsonUsesTheFieldNamesOfTheDesign() throws IOException {
        JsonNode root = new ObjectMapper().readTree(ReportJson.write(report()));
        assertEquals(List.of("interviews", "totals", "unpaired", "conflicts", "problems", "startedAt", "finishedAt"),
                names(root));
        JsonNode first = root.get("interviews").get(0);
        assertEquals(List.of("id", "status", "video", "tracks", "messages", "collection", "title"), names(first));
        assertEquals("ok", first.get("status").asText());
        JsonNode track = first.get("tracks").get(0);
        assertEquals(List.of("lang", "source", "path", "cues", "problems", "sync", "wer"), names(track));
        assertEquals(2, track.get("cues").asInt());
        assertEquals(1, track.get("problems").get("warnings").asInt());
        assertEquals(1, track.get("problems").get("codes").get("overlap").asInt());
        assertEquals(List.of("applied", "confidence", "scale", "segments", "dropped", "reason", "summary"),
                names(track.get("sync")));
        assertEquals(2750, track.get("sync").get("segments").get(0).get("offsetMs").asLong());
        assertEquals(0.12, track.get("wer").asDouble());
        assertTrue(first.get("tracks").get(1).get("sync").isNull());
        assertTrue(root.get("interviews").get(1).get("video").isNull());
        assertEquals(List.of("ok", "warning", "failed", "unchanged", "pruned", "unpaired", "conflicts"),
                names(root.get("totals")));
        JsonNode totals = root.get("totals");
        assertEquals(List.of(1, 0, 1, 1, 1, 1, 1), List.of(totals.get("ok").asInt(), totals.get("warning").asInt(),
                totals.get("failed").asInt(), totals.get("unchanged").asInt(), totals.get("pruned").asInt(),
                totals.get("unpaired").asInt(), totals.get("conflicts").asInt()));
        assertEquals("c/capdex.csv:3: unknown role \"x\"; row skipped", root.get("problems").get(0).asText());
    }

    @Test
    void htmlEscapesEverythingAndHasNoScriptOrExternalResource() {
        String html = ReportHtml.write(report());
        assertTrue(html.contains("cue says &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), html);
        assertTrue(html.contains("&lt;b&gt;title&lt;/b&gt;"));
        assertTrue(html.contains("samples/&lt;x&gt;.md"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("href="));
        assertTrue(html.contains("offset +2.750 s"));
        assertTrue(html.contains("overlap ×1"));
        assertTrue(html.contains("12.0 %"));
    }

    @Test
    void savesThePageAndTheJsonUnderReportsWithoutOverwriting(@TempDir Path data) throws Exception {
        List<Path> first = ReportFiles.save(data, report(), ZoneOffset.UTC);
        List<Path> second = ReportFiles.save(data, report(), ZoneOffset.UTC);
        assertEquals(List.of(data.resolve("reports/ingest-20261126-161500.html"),
                data.resolve("reports/ingest-20261126-161500.json")), first);
        assertEquals(data.resolve("reports/ingest-20261126-161500-2.html"), second.get(0));
        assertEquals(ReportHtml.write(report()), Files.readString(first.get(0)));
    }

    @Test
    void summaryFitsOneScreenAndNamesWhatNeedsALook() {
        List<ReportInterview> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new ReportInterview("bad" + i, IngestStatus.FAILED, null, List.of(),
                    List.of("no caption could be read"), "c", ""));
        }
        IngestReport big = new IngestReport(many, List.of(), List.of(), List.of(), START, END);
        String text = ReportSummary.text(big);
        assertTrue(text.startsWith("30 interviews: 0 ok, 0 warning, 30 failed, 0 unchanged, 0 pruned\n"), text);
        assertTrue(text.contains("  failed  bad0: no caption could be read\n"));
        assertTrue(text.contains("  … and 22 more (in the report)\n"));
        assertTrue(text.lines().count() <= 12, text);
        assertTrue(big.anyFailed());

        String small = ReportSummary.text(report());
        assertTrue(small.contains("1 file paired with nothing"), small);
        assertTrue(small.contains("1 ID conflict, not ingested:"), small);
    }

    @Test
    void summaryOfAThousandInterviewsWithManyWarningsStillFitsA24LineScreen() {
        List<ReportInterview> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            IngestStatus status = i % 10 == 0 ? IngestStatus.FAILED : i % 3 == 0 ? IngestStatus.WARNING : IngestStatus.OK;
            many.add(new ReportInterview("interview-" + i, status, null, List.of(),
                    List.of("x".repeat(300) + "\nsecond line"), "c", ""));
        }
        List<IgnoredFile> unpaired = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            unpaired.add(new IgnoredFile(Path.of("notes-" + i + ".md"), "not a video, caption, transcript or page file"));
            conflicts.add(new Conflict("dup" + i, List.of(Path.of("a".repeat(120)), Path.of("b".repeat(120))),
                    List.of(Path.of("a/dup.en.srt"), Path.of("b/dup.en.srt"))));
            problems.add(new Diagnostic(Path.of("c/capdex.csv"), i + 2, "unknown role \"x\"; row skipped"));
        }
        String text = ReportSummary.text(new IngestReport(many, unpaired, conflicts, problems, START, END));
        assertTrue(text.lines().count() <= 23, text.lines().count() + " lines:\n" + text);
        assertTrue(text.lines().allMatch(l -> l.length() <= ReportSummary.MAX_LINE), text);
        assertTrue(text.contains("  … and 392 more (in the report)\n"), "100 failed + 300 warnings, 8 shown: " + text);
        assertTrue(text.contains("  … and 46 more (in the report)\n"), text);
        assertTrue(text.startsWith("1000 interviews: 600 ok, 300 warning, 100 failed, 0 unchanged, 0 pruned\n"), text);
    }
}
