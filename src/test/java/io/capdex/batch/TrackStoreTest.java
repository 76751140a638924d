package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackStoreTest {
    @TempDir
    Path data;

    @Test
    void roundTripsAnInterviewWithItsTracksAndFacts() throws IOException {
        TrackStore store = TrackStore.open(data);
        StoredInterview interview = StoredInterviews.sample("all-remission", "Remission");
        store.put(interview);

        StoredInterview back = store.get("all-remission").orElseThrow();
        assertEquals(interview.record(), back.record());
        assertEquals(interview.transcripts(), back.transcripts());
        assertEquals(2, back.tracks().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(interview.tracks().get(i).track(), back.tracks().get(i).track());
            assertEquals(interview.tracks().get(i).problems(), back.tracks().get(i).problems());
        }
        Path folder = data.resolve("tracks/all-remission");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("en.asr.json", "es.mt.json", "interview.json", "transcript.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // a track file is capdex's JSON view: the caption core's reader reads it on its own
        var view = new JsonReader().readView(Files.readString(folder.resolve("en.asr.json")));
        assertEquals("en", view.result().track().language());
        assertEquals(2, view.result().track().cues().size());
        String json = Files.readString(folder.resolve("interview.json"));
        assertTrue(json.contains("\"schemaVersion\" : 1"), json);
        assertEquals(Optional.of(interview.record().inputs()), store.hashes("all-remission"));
    }

    @Test
    void replacesAnInterviewAndListsAndRemoves() throws IOException {
        TrackStore store = TrackStore.open(data);
        store.put(StoredInterviews.sample("b", "First"));
        store.put(StoredInterviews.sample("a", "Other"));
        store.put(StoredInterviews.sample("b", "Second"));
        assertEquals(List.of("a", "b"), store.list());
        assertEquals("Second", store.get("b").orElseThrow().record().title());
        assertTrue(store.remove("b"));
        assertFalse(store.remove("b"));
        assertEquals(List.of("a"), store.list());
        assertEquals(Optional.empty(), store.get("b"));
        try (Stream<Path> left = Files.list(data.resolve("tracks"))) {
            assertEquals(List.of("a"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void openingCleansACrashedWriteAndKeepsTheOldData() throws IOException {
        TrackStore store = TrackStore.open(data);
        store.put(StoredInterviews.sample("talk", "Old"));
        // a write killed half-way: a temporary folder with a half-written file
        Path tracks = data.resolve("tracks");
        Path half = Files.createDirectory(tracks.resolve(".tmp-talk-0f8fad5b-d9cb-469f-a165-70867728950e"));
        Files.writeString(half.resolve("interview.json"), "{\"schemaVersion\" : 1, \"id\" : \"ta");
        Files.writeString(half.resolve("en.asr.json"), "{");

        TrackStore reopened = TrackStore.open(data);
        assertFalse(Files.exists(half));
        assertEquals("Old", reopened.get("talk").orElseThrow().record().title());
        assertEquals(List.of("talk"), reopened.list());
    }

    @Test
    void openingPutsBackAnOldFolderACrashLeftBetweenTheTwoRenames() throws IOException {
        TrackStore store = TrackStore.open(data);
        store.put(StoredInterviews.sample("talk", "Old"));
        Path tracks = data.resolve("tracks");
        // killed after the old folder was renamed aside and before the new one was renamed into place
        Files.move(tracks.resolve("talk"), tracks.resolve(".old-talk-0f8fad5b-d9cb-469f-a165-70867728950e"));
        Path complete = Files.createDirectory(tracks.resolve(".tmp-talk-1f8fad5b-d9cb-469f-a165-70867728950e"));
        Files.writeString(complete.resolve("interview.json"), "{}");
        assertEquals(List.of(), store.list());

        TrackStore reopened = TrackStore.open(data);
        assertEquals("Old", reopened.get("talk").orElseThrow().record().title());
        try (Stream<Path> left = Files.list(tracks)) {
            assertEquals(List.of("talk"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void refusesIdsThatWouldLeaveTheStore() throws IOException {
        TrackStore store = TrackStore.open(data);
        for (String id : List.of("../evil", "..", ".", "a/b", "a\\b", "nul\0byte", "line\nbreak", "", ".hidden")) {
            assertThrows(IllegalArgumentException.class, () -> store.put(StoredInterviews.sample(id, "x")), id);
            assertThrows(IllegalArgumentException.class, () -> store.get(id), id);
            assertThrows(IllegalArgumentException.class, () -> store.remove(id), id);
        }
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of("tracks"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void encodesCharactersSomeSystemsRefuseInFolderNames() throws IOException {
        TrackStore store = TrackStore.open(data);
        store.put(StoredInterviews.sample("q&a: why? 100%", "x"));
        assertTrue(Files.isDirectory(data.resolve("tracks/q&a%3A why%3F 100%25")));
        assertEquals(List.of("q&a: why? 100%"), store.list());
        assertEquals("q&a: why? 100%", store.get("q&a: why? 100%").orElseThrow().id());
    }

    @Test
    void refusesAStoreWrittenByANewerCapdex() throws IOException {
        TrackStore store = TrackStore.open(data);
        store.put(StoredInterviews.sample("talk", "x"));
        Path file = data.resolve("tracks/talk/interview.json");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("\"schemaVersion\" : 1",
                "\"schemaVersion\" : 99"));
        IOException e = assertThrows(IOException.class, () -> store.get("talk"));
        assertTrue(e.getMessage().contains("newer capdex"), e.getMessage());
    }
}
