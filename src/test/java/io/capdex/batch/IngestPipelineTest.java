package io.capdex.batch;

import io.capdex.caption.formats.CaptionFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.search.SearchRequest;
import io.capdex.search.TrackDocument;
import io.capdex.search.TranscriptIndex;
import io.capdex.search.TranscriptSearch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPipelineTest {

    private static InterviewRecord record(String recipe, String sha, String speaker) {
        return new InterviewRecord(TrackStore.SCHEMA_VERSION, "talk", "A talk", "samples", 2025, null, "en",
                new PageFacts("A talk", speaker, "", "2025-03-14", ""),
                List.of(new InputHash("/x/talk.en.srt", "captions", 10, 1, sha)), List.of(), "ok", List.of(), recipe,
                "2026-01-01T00:00:00Z");
    }

    @Test
    void yearComesFromCreationTimeInEitherFfmpegForm() {
        assertEquals(2024, IngestPipeline.yearOf("2024-03-01T10:00:00.000000Z"));
        assertEquals(2023, IngestPipeline.yearOf("2023-12-31 23:59:59"));
        assertNull(IngestPipeline.yearOf("yesterday"));
        assertNull(IngestPipeline.yearOf(null));
    }

    @Test
    void contentHashFollowsInputsAndRecipe() {
        String base = IngestPipeline.contentHash(record("sync=on", "aa", ""));
        assertEquals(base, IngestPipeline.contentHash(record("sync=on", "aa", "")));
        assertNotEquals(base, IngestPipeline.contentHash(record("sync=off", "aa", "")));
        assertNotEquals(base, IngestPipeline.contentHash(record("sync=on", "bb", "")));
    }

    @Test
    void documentCarriesPageFactsAndSkipsEmptyCues() {
        Track track = new Track("en", Source.ASR, List.of(Cue.of(1000, 2000, "hello"), Cue.of(3000, 3500, " ")),
                List.of(), List.of(), Track.of(Format.SRT, List.of()).origin());
        TrackDocument doc = IngestPipeline.document(record("sync=on", "aa", "Grace Okafor"), track);
        assertEquals("talk|en|asr", doc.trackId());
        assertEquals(1, doc.cues().size());
        assertEquals(List.of("Grace Okafor"), doc.speakers());
        assertEquals("2025-03-14", doc.page().date());
        assertEquals(2025, doc.year());
        assertEquals("samples", doc.collection());
    }

    @Test
    void alreadyInSyncOnlyForSmallConfidentOffsets() {
        SyncFacts near = new SyncFacts(false, 0.9, 1.0, List.of(new SyncFacts.Segment(0, -3)), 0, "already", "");
        SyncFacts far = new SyncFacts(false, 0.9, 1.0, List.of(new SyncFacts.Segment(0, 2500)), 0, "unsure", "");
        SyncFacts unsure = new SyncFacts(false, 0.2, 1.0, List.of(new SyncFacts.Segment(0, 0)), 0, "no speech", "");
        assertTrue(IngestPipeline.alreadyInSync(near));
        assertFalse(IngestPipeline.alreadyInSync(far));
        assertFalse(IngestPipeline.alreadyInSync(unsure));
    }

    @Test
    void optionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new IngestPipeline.Options(0, true, false,
                io.capdex.config.Config.defaults().repairOptions(), io.capdex.config.Config.defaults().qcProfile(), 25,
                ReadOptions.defaults(CaptionFormats::reader), 8));
    }

    private static IngestPipeline.Options options(int jobs) {
        io.capdex.config.Config c = io.capdex.config.Config.defaults();
        return new IngestPipeline.Options(jobs, false, false, c.repairOptions(), c.qcProfile(), 25,
                ReadOptions.defaults(CaptionFormats::reader), 1, 0);
    }

    private static IngestReport ingest(Path folder, Path data, StopRequest stop, IngestPipeline.Progress progress)
            throws Exception {
        DiscoveryResult discovery = Discovery.scan(List.of(folder), DiscoveryOptions.defaults().withDataFolder(data));
        TrackStore store = TrackStore.open(data);
        try (TranscriptIndex index = TranscriptIndex.open(IngestPipeline.indexFolder(data), "test")) {
            IngestPlan plan = IngestPipeline.plan(List.of(folder), discovery, store, options(1));
            return IngestPipeline.run(discovery, plan, store, index, options(1), progress, stop);
        }
    }

    @Test
    void aStopLeavesWhatFinishedStoredAndCommittedAndTheRestForTheRerun(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("talks");
        Files.createDirectories(folder);
        for (int i = 0; i < 6; i++) {
            Files.writeString(folder.resolve(String.format(Locale.ROOT, "talk-%d.en.srt", i)),
                    "1\n00:00:01,000 --> 00:00:03,000\nmarker" + (char) ('a' + i) + " says hello\n", StandardCharsets.UTF_8);
        }
        Path data = tmp.resolve("data");
        StopRequest stop = new StopRequest();
        List<String> began = new ArrayList<>();
        IngestReport stopped = ingest(folder, data, stop, new IngestPipeline.Progress() {
            @Override
            public void finished(int done, int total, ReportInterview entry) {
            }

            @Override
            public void began(String id) {
                began.add(id);
                if (began.size() == 3) {
                    stop.request(); // as the shutdown hook does on Ctrl-C, while the third one is under way
                    // and the run notices it before the third one is done (as on a busy machine)
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        int finished = stopped.interviews().size();
        assertEquals(3, finished, "the one under way finishes, no other starts: " + began);
        assertEquals(3, began.size());
        assertEquals(finished, TrackStore.open(data).list().size());
        try (TranscriptSearch search = TranscriptSearch.open(IngestPipeline.indexFolder(data))) {
            assertEquals(finished, search.search(SearchRequest.of("hello")).total(), "what finished is committed");
        }

        IngestReport rest = ingest(folder, data, new StopRequest(), IngestPipeline.Progress.NONE);
        assertEquals(6, rest.interviews().size());
        assertEquals(finished, rest.totals().get("unchanged"), "the rerun does only the rest");
        assertEquals(6 - finished, rest.totals().get("ok") + rest.totals().get("warning"));
    }
}
