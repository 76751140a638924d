package io.capdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptIndexTest {
    @TempDir
    Path dir;

    private static TrackDocument track(String id, String lang, String hash, String text) {
        return new TrackDocument(id, "T " + id, lang, "asr", List.of(), null, null, hash,
                List.of(new TrackDocument.Cue(0, 1500, text, null)), TrackDocument.Page.NONE);
    }

    private static int total(TranscriptSearch s, String q) throws Exception {
        return s.search(SearchRequest.of(q)).total();
    }

    @Test
    void reUpsertReplacesChangedTrackAndSkipsUnchanged() throws Exception {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            assertEquals(TranscriptIndex.Upsert.ADDED, index.upsert(track("I1", "en", "h1", "first version relapse")));
            index.commit();
        }
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            assertEquals("h1", index.contentHash("I1|en|asr"), "hashes survive reopening");
            assertEquals(TranscriptIndex.Upsert.UNCHANGED, index.upsert(track("I1", "en", "h1", "ignored text")));
            assertEquals(TranscriptIndex.Upsert.REPLACED, index.upsert(track("I1", "en", "h2", "second version relapse")));
            index.commit();
        }
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchResult r = s.search(SearchRequest.of("relapse"));
            assertEquals(1, r.total());
            assertEquals(1, r.results().get(0).hits(), "one track, no duplicate");
            assertEquals("second version relapse", r.results().get(0).moments().get(0).text());
            assertEquals(0, total(s, "first"));
            assertEquals(0, total(s, "ignored"));
        }
    }

    @Test
    void commitLastWritesEveryThreadsBufferedTracks() throws Exception {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            index.upsert(track("GONE", "en", "h", "remission soon deleted"));
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<Thread> threads = new java.util.ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int t = 0; t < 2; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    try {
                        together.await(); // both indexing at once: two buffers to flush
                        for (int i = 0; i < 30; i++) {
                            index.upsert(track("T" + thread + "-" + i, "en", "h", "remission number " + i));
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), failures);
            index.delete("GONE");
            index.commitLast();
        }
        assertEquals(OptionalInt.of(TranscriptIndex.SCHEMA_VERSION), TranscriptIndex.schemaVersion(dir));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            assertEquals(60, total(s, "remission"), "every track of both threads, the deleted one gone");
            assertEquals(0, total(s, "deleted"));
        }
    }

    @Test
    void deletesAnInterviewWithAllItsTracks() throws Exception {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            index.upsert(track("I1", "en", "h", "relapse"));
            index.upsert(track("I1", "es", "h", "relapse"));
            index.upsert(track("I10", "en", "h", "relapse"));
            index.delete("I1");
            assertEquals(List.of("I10|en|asr"), index.trackIds());
            index.commit();
        }
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            assertEquals(List.of("I10"), s.search(SearchRequest.of("relapse")).results().stream().map(SearchResult.Hit::interview).toList());
        }
    }

    @Test
    void secondWriterFailsNamingTheHolder() throws Exception {
        try (TranscriptIndex first = TranscriptIndex.open(dir, "capdex ingest samples")) {
            IndexLockedException e = assertThrows(IndexLockedException.class, () -> TranscriptIndex.open(dir, "capdex reindex"));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("(capdex ingest samples)"), e.getMessage());
            assertTrue(e.holder().startsWith("pid "), e.holder());
            first.upsert(track("I1", "en", "h", "still writable"));
            first.commit();
        }
        try (TranscriptIndex again = TranscriptIndex.open(dir, "capdex reindex")) {
            assertEquals(List.of("I1|en|asr"), again.trackIds(), "the lock is released on close");
        }
    }

    @Test
    void readersKeepWorkingDuringWritesAndSeeCommitsAfterRefresh() throws Exception {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            index.upsert(track("I1", "en", "h", "relapse one"));
            index.commit();
            try (TranscriptSearch s = TranscriptSearch.open(dir)) {
                assertEquals(1, total(s, "relapse"));
                index.upsert(track("I2", "en", "h", "relapse two"));
                index.delete("I1");
                assertEquals(1, total(s, "relapse"), "uncommitted changes are invisible");
                s.refresh();
                assertEquals(List.of("I1"), s.search(SearchRequest.of("relapse")).results().stream().map(SearchResult.Hit::interview).toList());
                index.commit();
                assertEquals(List.of("I1"), s.search(SearchRequest.of("relapse")).results().stream().map(SearchResult.Hit::interview).toList(),
                        "the open searcher keeps its point-in-time view until refreshed");
                s.refresh();
                assertEquals(List.of("I2"), s.search(SearchRequest.of("relapse")).results().stream().map(SearchResult.Hit::interview).toList());
            }
        }
    }

    @Test
    void closeWithoutCommitDiscardsChanges() throws Exception {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            index.upsert(track("I1", "en", "h", "kept"));
            index.commit();
            index.upsert(track("I2", "en", "h", "lost"));
        }
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            assertEquals(1, total(s, "kept"));
            assertEquals(0, s.search(SearchRequest.of("lost")).results().size());
        }
    }

    @Test
    void storesSchemaVersionInCommitData() throws Exception {
        assertEquals(OptionalInt.empty(), TranscriptIndex.schemaVersion(dir));
        assertFalse(TranscriptIndex.needsRebuild(dir));
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            index.upsert(track("I1", "en", "h", "x"));
            index.commit();
        }
        assertEquals(OptionalInt.of(TranscriptIndex.SCHEMA_VERSION), TranscriptIndex.schemaVersion(dir));
        assertFalse(TranscriptIndex.needsRebuild(dir));
        try (var d = org.apache.lucene.store.FSDirectory.open(dir);
                var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of(TranscriptIndex.SCHEMA_KEY, "0").entrySet());
            w.commit();
        }
        assertEquals(OptionalInt.of(0), TranscriptIndex.schemaVersion(dir));
        assertTrue(TranscriptIndex.needsRebuild(dir));
    }

    @Test
    void searcherOnMissingIndexSaysSo() {
        var e = assertThrows(java.io.IOException.class, () -> TranscriptSearch.open(dir.resolve("none")));
        assertTrue(e.getMessage().startsWith("no index in"), e.getMessage());
    }
}
