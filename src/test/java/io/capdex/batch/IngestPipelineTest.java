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
import io.capdex.search.TrackDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
