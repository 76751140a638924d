package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrackStore#openReadOnly}: what {@code serve} reads the store with while an ingest may be writing it. */
class TrackStoreReadOnlyTest {
    @Test
    void createsNothingInAFolderWithoutAStore(@TempDir Path data) throws Exception {
        TrackStore store = TrackStore.openReadOnly(data);
        assertEquals(List.of(), store.list());
        assertTrue(store.record("all-remission").isEmpty());
        assertFalse(Files.exists(data.resolve("tracks")), "reading made no folder");
    }

    @Test
    void readsWhatAWriterStoredAndLeavesItsTemporaryFoldersAlone(@TempDir Path data) throws Exception {
        TrackStore writer = TrackStore.open(data);
        writer.put(StoredInterviews.sample("I1", "First"));
        Path inFlight = data.resolve("tracks/.tmp-I2-0b5e7a4e-2f1d-4c53-9a59-7d2f0f1f6a11");
        Files.createDirectories(inFlight); // an ingest half-way through writing I2
        TrackStore reader = TrackStore.openReadOnly(data);
        assertEquals(List.of("I1"), reader.list());
        assertEquals("First", reader.record("I1").orElseThrow().title());
        assertFalse(reader.get("I1").orElseThrow().tracks().isEmpty(), "tracks read too");
        assertTrue(Files.isDirectory(inFlight), "a reader never cleans up what a writer owns");
        TrackStore.open(data);
        assertFalse(Files.exists(inFlight), "while open() (a writer) does");
    }
}
