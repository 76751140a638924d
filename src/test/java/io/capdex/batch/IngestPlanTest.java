package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPlanTest {
    private static final String SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n";
    private static final String RECIPE = "sync=on";

    @TempDir
    Path root;
    @TempDir
    Path data;

    private TrackStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = TrackStore.open(data);
        Files.writeString(root.resolve("talk.en.srt"), SRT);
        Files.writeString(root.resolve("talk.fr.srt"), SRT);
        Files.writeString(root.resolve("other.en.srt"), SRT);
    }

    private IngestPlan plan(boolean trustTimestamps) throws IOException {
        DiscoveryResult found = Discovery.scan(List.of(root),
                DiscoveryOptions.defaults().withProbe(v -> new VideoFacts(null, null, true)));
        return IngestPlan.of(List.of(root), found, store, RECIPE, trustTimestamps);
    }

    /** What the pipeline would store after ingesting the plan's items. */
    private void ingest(IngestPlan plan, String status) throws IOException {
        for (IngestPlan.Item item : plan.items()) {
            Interview i = item.interview();
            store.put(new StoredInterview(new InterviewRecord(TrackStore.SCHEMA_VERSION, i.id(), i.id(),
                    i.collection(), null, null, i.spokenLanguage(), PageFacts.NONE, item.inputs(), List.of(), status,
                    List.of(), RECIPE, "2026-11-26T16:00:00Z"), List.of(), Map.of()));
        }
    }

    private static Map<String, IngestPlan.Item> byId(IngestPlan plan) {
        return plan.items().stream().collect(java.util.stream.Collectors.toMap(i -> i.interview().id(), i -> i));
    }

    @Test
    void everythingIsNewInAnEmptyStoreAndUnchangedAfterIngest() throws IOException {
        IngestPlan first = plan(true);
        assertEquals(Map.of(IngestPlan.Decision.NEW, 2, IngestPlan.Decision.CHANGED, 0,
                IngestPlan.Decision.UNCHANGED, 0), first.counts());
        assertEquals(2, byId(first).get("talk").inputs().size());
        ingest(first, "ok");
        IngestPlan second = plan(true);
        assertEquals(2, second.counts().get(IngestPlan.Decision.UNCHANGED));
        assertTrue(second.gone().isEmpty());
    }

    @Test
    void aChangedFileMakesItsInterviewChangedAndSaysWhich() throws IOException {
        ingest(plan(true), "ok");
        Files.writeString(root.resolve("talk.fr.srt"), SRT.replace("Hello", "Bonjour"));
        IngestPlan.Item talk = byId(plan(true)).get("talk");
        assertEquals(IngestPlan.Decision.CHANGED, talk.decision());
        assertEquals(List.of("talk.fr.srt changed"), talk.reasons());
        assertEquals(IngestPlan.Decision.UNCHANGED, byId(plan(true)).get("other").decision());
    }

    @Test
    void aTouchedFileWithTheSameBytesIsUnchanged() throws IOException {
        ingest(plan(true), "ok");
        Files.setLastModifiedTime(root.resolve("talk.en.srt"), FileTime.fromMillis(946684800000L));
        assertEquals(IngestPlan.Decision.UNCHANGED, byId(plan(true)).get("talk").decision());
    }

    @Test
    void withoutTrustingTimestampsEveryInputIsHashed() throws IOException {
        ingest(plan(true), "ok");
        Path file = root.resolve("other.en.srt");
        FileTime time = Files.getLastModifiedTime(file);
        // same size and time, different bytes: only hashing sees it
        Files.writeString(file, SRT.replace("Hello.", "Howdy."));
        Files.setLastModifiedTime(file, time);
        assertEquals(IngestPlan.Decision.UNCHANGED, byId(plan(true)).get("other").decision());
        assertEquals(IngestPlan.Decision.CHANGED, byId(plan(false)).get("other").decision());
    }

    @Test
    void addedAndRemovedInputsSettingsAndFailuresReingest() throws IOException {
        ingest(plan(true), "ok");
        Files.writeString(root.resolve("talk.de.srt"), SRT);
        Files.delete(root.resolve("talk.fr.srt"));
        assertEquals(List.of("new captions talk.de.srt", "talk.fr.srt is no longer an input"),
                byId(plan(true)).get("talk").reasons());

        DiscoveryResult found = Discovery.scan(List.of(root), DiscoveryOptions.defaults().withReadContent(false));
        IngestPlan otherRecipe = IngestPlan.of(List.of(root), found, store, "sync=off", true);
        assertEquals(List.of("settings changed (sync=on → sync=off)"), byId(otherRecipe).get("other").reasons());

        ingest(plan(true), "failed");
        assertEquals(List.of("failed last time"), byId(plan(true)).get("other").reasons());
    }

    @Test
    void storedInterviewsWhoseFilesAreGoneArePrunable() throws IOException {
        ingest(plan(true), "ok");
        Files.delete(root.resolve("other.en.srt"));
        IngestPlan plan = plan(true);
        assertEquals(List.of(new IngestPlan.Gone("other", "not found in " + root.toAbsolutePath().normalize())),
                plan.gone());
        String dryRun = plan.describe(true);
        assertTrue(dryRun.contains("prune      other: not found in "), dryRun);
        assertTrue(dryRun.endsWith("0 new, 0 changed, 1 unchanged, 1 to prune\n"), dryRun);
    }

    @Test
    void interviewsFromOtherRootsAreNotGone(@TempDir Path elsewhere) throws IOException {
        ingest(plan(true), "ok");
        Files.writeString(elsewhere.resolve("x.en.srt"), SRT);
        DiscoveryResult found = Discovery.scan(List.of(elsewhere), DiscoveryOptions.defaults().withReadContent(false));
        IngestPlan plan = IngestPlan.of(List.of(elsewhere), found, store, RECIPE, true);
        assertTrue(plan.gone().isEmpty(), plan.gone().toString());
        assertTrue(plan.describe(false).startsWith("new        x (" + elsewhere.getFileName() + ", 1 track, captions only)\n"),
                plan.describe(false));
    }
}
