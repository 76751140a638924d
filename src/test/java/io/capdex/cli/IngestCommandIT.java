package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.search.TranscriptIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest}, {@code list}, {@code show}, {@code reindex} and {@code search} over the bundled samples. */
class IngestCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("samples");

    @TempDir static Path shared;
    private static Path data;
    private static CliRun first;

    @BeforeAll
    static void ingestSamplesOnce() {
        data = shared.resolve("data");
        first = CliRun.of("--data", data.toString(), "ingest", "--json", SAMPLES.toString());
    }

    @Test
    void ingestStoresEveryTrackOfTheThreeSamples() throws IOException {
        assertEquals(0, first.exitCode(), first.err());
        JsonNode report = JSON.readTree(first.out());
        assertEquals(3, report.get("totals").get("ok").asInt(), first.out());
        assertEquals(Set.of("en.asr", "es.mt", "en.aligned"), tracks(report, "all-remission"));
        assertEquals(Set.of("es.asr", "en.mt", "es.aligned"), tracks(report, "cart-therapy"));
        assertEquals(Set.of("en.asr"), tracks(report, "stem-cell-donor"));
        JsonNode remission = interview(report, "all-remission");
        assertTrue(remission.get("video").asText().endsWith("all-remission.mp4"));
        for (JsonNode t : remission.get("tracks")) {
            assertTrue(t.get("cues").asInt() > 10, t.toString());
            assertTrue(t.has("path") && t.has("problems") && t.has("sync") && t.has("wer"), t.toString());
            if (!t.get("source").asText().equals("aligned")) {
                assertTrue(t.get("sync").has("confidence"), "asr and mt tracks were synced: " + t);
            }
        }
        double wer = trackNode(remission, "en", "asr").get("wer").asDouble();
        assertTrue(wer > 0 && wer < 0.6, "the misheard asr track has a WER against the transcript: " + wer);
        assertTrue(first.err().contains("all-remission: ok (3 tracks"), first.err());
        assertTrue(first.err().matches("(?s).*\\[[123]/3] stem-cell-donor: ok \\(1 track.*"), first.err());
        assertTrue(Files.isDirectory(data.resolve("reports")) && Files.list(data.resolve("reports")).count() >= 2);
    }

    @Test
    void searchFindsMishearingsPhrasesAndSoundsLike() throws IOException {
        JsonNode mishearing = search("look emia");
        assertTrue(interviews(mishearing).contains("all-remission"), mishearing.toString());

        JsonNode soundsLike = search("leukemia", "--sounds-like");
        assertTrue(interviews(soundsLike).contains("all-remission"), soundsLike.toString());

        JsonNode phrase = search("\"stem cell donor register\"");
        assertEquals(List.of("stem-cell-donor"), interviews(phrase));
        JsonNode moment = phrase.get("results").get(0).get("moments").get(0);
        assertEquals(7023, moment.get("startMs").asLong(), "the cue 00:00:07,023 holds the phrase: " + moment);
        assertEquals("en", moment.get("lang").asText());
        assertEquals("asr", moment.get("source").asText());
        assertTrue(moment.get("snippet").asText().contains("<mark>"), moment.toString());
        for (String field : List.of("query", "total", "offset", "facets")) {
            assertTrue(phrase.has(field), field);
        }
        for (String facet : List.of("lang", "source", "speaker", "collection", "year")) {
            assertTrue(phrase.get("facets").has(facet), facet);
        }
        assertEquals(1, phrase.get("total").asInt());
    }

    @Test
    void searchPrintsMomentsForPeopleAndRefusesBadQueries() {
        CliRun human = CliRun.of("--data", data.toString(), "search", "stem cell donor register", "--lang", "en");
        assertEquals(0, human.exitCode(), human.err());
        assertTrue(human.out().contains("stem-cell-donor  Becoming a stem cell donor"), human.out());
        assertTrue(human.out().contains("00:00:07.023  en    asr"), human.out());
        assertTrue(human.out().contains("[stem cell donor register]"), "marks become brackets off a terminal: " + human.out());
        assertFalse(human.out().contains("<mark>"), human.out());

        CliRun bad = CliRun.of("--data", data.toString(), "search", "foo AND (");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("parenthes"), bad.err());

        CliRun filtered = CliRun.of("--data", data.toString(), "search", "leukaemia", "--interview", "stem-cell-donor",
                "--json");
        assertEquals(0, filtered.exitCode(), filtered.err());
        assertFalse(filtered.out().contains("\"interview\":\"all-remission\""), filtered.out());
    }

    @Test
    void listAndShowReadTheStore() throws IOException {
        CliRun list = CliRun.of("--data", data.toString(), "list");
        assertEquals(0, list.exitCode(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(3, lines.length, list.out());
        assertTrue(lines[0].startsWith("all-remission") && lines[0].contains("en asr, es mt, en aligned")
                && lines[0].contains("ok"), lines[0]);

        JsonNode listed = JSON.readTree(CliRun.of("--data", data.toString(), "list", "--json").out());
        assertEquals(3, listed.get("interviews").size());
        assertEquals("cart-therapy", listed.get("interviews").get(1).get("id").asText());

        CliRun show = CliRun.of("--data", data.toString(), "show", "cart-therapy");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("CAR-T"), show.out());
        assertTrue(show.out().contains("spoken:     es"), show.out());
        assertTrue(show.out().matches("(?s).*es\\s+aligned.*WER 0\\.\\d{3}.*"), show.out());

        JsonNode shown = JSON.readTree(CliRun.of("--data", data.toString(), "show", "stem-cell-donor", "--json").out());
        assertEquals("stem-cell-donor", shown.get("id").asText());
        assertEquals(1, shown.get("tracks").size());
        assertEquals("samples", shown.get("collection").asText());

        CliRun missing = CliRun.of("--data", data.toString(), "show", "nobody");
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("no interview 'nobody'"), missing.err());
    }

    @Test
    void secondRunIsUnchangedAndTouchesNothing(@TempDir Path tmp) throws IOException {
        Path folder = copySamples(tmp);
        Path d = tmp.resolve("data");
        assertEquals(0, CliRun.of("--data", d.toString(), "ingest", folder.toString()).exitCode());
        Set<String> indexFiles = listing(d.resolve("index"));
        String storedAt = JSON.readTree(CliRun.of("--data", d.toString(), "show", "all-remission", "--json").out())
                .get("ingestedAt").asText();

        CliRun again = CliRun.of("--data", d.toString(), "ingest", "--json", folder.toString());
        assertEquals(0, again.exitCode(), again.err());
        JsonNode report = JSON.readTree(again.out());
        assertEquals(3, report.get("totals").get("unchanged").asInt(), again.out());
        assertEquals(0, report.get("totals").get("ok").asInt());
        assertEquals(indexFiles, listing(d.resolve("index")), "no new index commit");
        assertEquals(storedAt, JSON.readTree(CliRun.of("--data", d.toString(), "show", "all-remission", "--json")
                .out()).get("ingestedAt").asText());

        // a caption whose content changes re-ingests only its interview, and the index holds it once
        Path srt = folder.resolve("stem-cell-donor.en.srt");
        Files.writeString(srt, Files.readString(srt).replace("stem cell donor register", "stem cell donor registry"));
        JsonNode third = JSON.readTree(CliRun.of("--data", d.toString(), "ingest", "--json", folder.toString()).out());
        assertEquals("ok", interview(third, "stem-cell-donor").get("status").asText());
        assertEquals("unchanged", interview(third, "all-remission").get("status").asText());
        assertEquals("unchanged", interview(third, "cart-therapy").get("status").asText());
        JsonNode found = JSON.readTree(CliRun.of("--data", d.toString(), "search", "registry", "--json").out());
        assertEquals(List.of("stem-cell-donor"), interviews(found));
        JsonNode donor = JSON.readTree(CliRun.of("--data", d.toString(), "search", "donor", "--json").out());
        List<String> ids = interviews(donor);
        assertEquals(new HashSet<>(ids).size(), ids.size(), "one result per interview: " + ids);
        JsonNode hit = donor.get("results").get(ids.indexOf("stem-cell-donor"));
        Set<String> moments = new HashSet<>();
        for (JsonNode m : hit.get("moments")) {
            assertTrue(moments.add(m.get("lang").asText() + m.get("source").asText() + m.get("startMs").asLong()),
                    "duplicate moment " + m);
        }
        JsonNode old = JSON.readTree(CliRun.of("--data", d.toString(), "search", "register", "--json").out());
        List<Long> starts = new ArrayList<>();
        old.get("results").get(interviews(old).indexOf("stem-cell-donor")).get("moments")
                .forEach(m -> starts.add(m.get("startMs").asLong()));
        assertTrue(starts.contains(66155L), "the other cue still says register: " + old);
        assertFalse(starts.contains(7023L), "the old text of the changed cue is gone from the index: " + old);
    }

    @Test
    void aLostIndexIsRebuiltOnTheNextRunAndByReindex(@TempDir Path tmp) throws IOException {
        Path folder = copySamples(tmp);
        Path d = tmp.resolve("data");
        assertEquals(0, CliRun.of("--data", d.toString(), "ingest", "--no-sync", folder.toString()).exitCode());
        // as if killed before the first commit: the store has the interviews, the index has nothing
        deleteTree(d.resolve("index"));
        CliRun dry = CliRun.of("--data", d.toString(), "ingest", "--no-sync", "--json", folder.toString());
        assertEquals(0, dry.exitCode(), dry.err());
        JsonNode redone = JSON.readTree(dry.out());
        assertEquals(3, redone.get("totals").get("unchanged").asInt(), "nothing changed: " + dry.out());
        for (JsonNode i : redone.get("interviews")) {
            assertTrue(i.get("messages").get(0).asText().startsWith("re-indexed from its stored tracks (the "),
                    "indexed again from the store, not skipped: " + i);
        }
        assertEquals(List.of("all-remission"), interviews(JSON.readTree(CliRun.of("--data", d.toString(), "search",
                "blinatumomab", "--json").out())));

        deleteTree(d.resolve("index"));
        CliRun reindex = CliRun.of("--data", d.toString(), "reindex");
        assertEquals(0, reindex.exitCode(), reindex.err());
        assertEquals("indexed 7 tracks of 3 interviews\n", reindex.out());
        assertEquals(List.of("all-remission"), interviews(JSON.readTree(CliRun.of("--data", d.toString(), "search",
                "blinatumomab", "--json").out())));
        JsonNode noSync = JSON.readTree(CliRun.of("--data", d.toString(), "show", "all-remission", "--json").out());
        assertEquals("sync=off", noSync.get("recipe").asText());
        assertTrue(noSync.get("tracks").get(0).get("sync").isNull(), noSync.toString());
    }

    @Test
    void anIndexOfAnotherSchemaIsRebuiltFromTheStore(@TempDir Path tmp) throws IOException {
        Path d = tmp.resolve("data");
        assertEquals(0, CliRun.of("--data", d.toString(), "ingest", "--no-sync", SAMPLES.toString()).exitCode());
        // what an older capdex would have left: the same index with another schema version in its commit data
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(d.resolve("index"));
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(dir,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of(TranscriptIndex.SCHEMA_KEY, "0").entrySet());
            w.commit();
        }
        assertTrue(TranscriptIndex.needsRebuild(d.resolve("index")));
        // searched as it is until then, with a word on what it may miss (serve prints the same note at start)
        assertTrue(CommandContext.otherSchemaNote(d.resolve("index")).startsWith(d.resolve("index") + " was built"));
        CliRun stale = CliRun.of("--data", d.toString(), "search", "blinatumomab", "--json");
        assertEquals(0, stale.exitCode(), stale.err());
        assertEquals(List.of("all-remission"), interviews(JSON.readTree(stale.out())));
        assertTrue(stale.err().contains("built by another capdex version (index schema 0, this one writes "
                + TranscriptIndex.SCHEMA_VERSION + ")") && stale.err().contains("'capdex reindex'"), stale.err());
        CliRun run = CliRun.of("--data", d.toString(), "ingest", "--no-sync", SAMPLES.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("rebuilt it from 7 stored tracks"), run.err());
        assertTrue(run.out().startsWith("3 interviews: 0 ok, 0 warning, 0 failed, 3 unchanged"), run.out());
        assertEquals(TranscriptIndex.SCHEMA_VERSION, TranscriptIndex.schemaVersion(d.resolve("index")).getAsInt());
        CliRun fresh = CliRun.of("--data", d.toString(), "search", "blinatumomab", "--json");
        assertEquals(List.of("all-remission"), interviews(JSON.readTree(fresh.out())));
        assertEquals("", fresh.err(), "the rebuilt index needs no word");
        assertEquals(null, CommandContext.otherSchemaNote(d.resolve("index")));
        assertEquals(null, CommandContext.otherSchemaNote(tmp.resolve("no-index")), "no index: the search says so");
    }

    @Test
    void dryRunWritesNothing(@TempDir Path tmp) {
        Path d = tmp.resolve("data");
        CliRun dry = CliRun.of("--data", d.toString(), "ingest", "--dry-run", SAMPLES.toString());
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("new        all-remission (samples, 2 tracks)"), dry.out());
        assertTrue(dry.out().endsWith("3 new, 0 changed, 0 unchanged, 0 gone\n"), dry.out());
        assertFalse(Files.exists(d), "the data folder was not created");
    }

    @Test
    void pruneRemovesAnInterviewWhoseFilesAreGone(@TempDir Path tmp) throws IOException {
        Path folder = copySamples(tmp);
        Path d = tmp.resolve("data");
        assertEquals(0, CliRun.of("--data", d.toString(), "ingest", "--no-sync", folder.toString()).exitCode());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("stem-cell-donor.")).toList()) {
                Files.delete(p);
            }
        }
        CliRun kept = CliRun.of("--data", d.toString(), "ingest", "--no-sync", "--json", folder.toString());
        assertEquals(2, JSON.readTree(kept.out()).get("interviews").size(), "without --prune it stays");
        assertTrue(CliRun.of("--data", d.toString(), "list").out().contains("stem-cell-donor"));

        // a track whose file is gone leaves the store and the index with it
        JsonNode spanish = JSON.readTree(CliRun.of("--data", d.toString(), "search", "hematóloga", "--lang", "es",
                "--interview", "all-remission", "--json").out());
        assertEquals(List.of("all-remission"), interviews(spanish));
        Files.delete(folder.resolve("all-remission.es.vtt"));
        CliRun lost = CliRun.of("--data", d.toString(), "ingest", "--no-sync", "--json", folder.toString());
        assertEquals(Set.of("en.asr", "en.aligned"), tracks(JSON.readTree(lost.out()), "all-remission"));
        spanish = JSON.readTree(CliRun.of("--data", d.toString(), "search", "hematóloga", "--lang", "es",
                "--interview", "all-remission", "--json").out());
        assertEquals(0, spanish.get("total").asInt(), spanish.toString());

        CliRun pruned = CliRun.of("--data", d.toString(), "ingest", "--no-sync", "--prune", "--json", folder.toString());
        assertEquals(0, pruned.exitCode(), pruned.err());
        assertEquals("pruned", interview(JSON.readTree(pruned.out()), "stem-cell-donor").get("status").asText());
        assertFalse(CliRun.of("--data", d.toString(), "list").out().contains("stem-cell-donor"));
        JsonNode search = JSON.readTree(CliRun.of("--data", d.toString(), "search", "apheresis", "--json").out());
        assertFalse(interviews(search).contains("stem-cell-donor"), search.toString());
    }

    @Test
    void aSecondWriterFailsNamingTheHolder(@TempDir Path tmp) throws IOException {
        Path d = tmp.resolve("data");
        try (TranscriptIndex holder = TranscriptIndex.open(d.resolve("index"), "capdex ingest by the test")) {
            CliRun second = CliRun.of("--data", d.toString(), "ingest", "--no-sync", SAMPLES.toString());
            assertEquals(3, second.exitCode(), second.err());
            assertTrue(second.err().contains("capdex ingest by the test"), second.err());
            assertNotNull(holder);
        }
    }

    @Test
    void aBrokenCaptionFailsItsInterviewOnly(@TempDir Path tmp) throws IOException {
        Path folder = copySamples(tmp);
        Files.writeString(folder.resolve("cart-therapy.es.srt"), "1\nthis is not a caption at all\nnothing here\n");
        Path d = tmp.resolve("data");
        CliRun run = CliRun.of("--data", d.toString(), "ingest", "--no-sync", "--jobs", "2", "--json", folder.toString());
        assertEquals(3, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        JsonNode failed = interview(report, "cart-therapy");
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("messages").get(0).asText().contains("cart-therapy.es.srt"), failed.toString());
        assertEquals("ok", interview(report, "all-remission").get("status").asText());
        assertEquals("ok", interview(report, "stem-cell-donor").get("status").asText());
        assertTrue(run.err().contains("cart-therapy: failed: "), run.err());
    }

    @Test
    void aTranslationThatCoversHalfTheInterviewIsReported(@TempDir Path tmp) throws IOException {
        Path folder = copySamples(tmp);
        // keep only the first 10 of the 24 cues of the Spanish translation: it stops at about a third of the talk
        String vtt = Files.readString(folder.resolve("all-remission.es.vtt"));
        String[] blocks = vtt.split("\n\n");
        Files.writeString(folder.resolve("all-remission.es.vtt"),
                String.join("\n\n", java.util.Arrays.copyOf(blocks, 11)) + "\n");
        Path d = tmp.resolve("data");
        CliRun run = CliRun.of("--data", d.toString(), "ingest", "--no-sync", "--json", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode remission = interview(JSON.readTree(run.out()), "all-remission");
        assertTrue(remission.get("messages").toString().contains("all-remission.es.vtt: "), remission.toString());
        JsonNode donor = interview(JSON.readTree(run.out()), "cart-therapy");
        assertFalse(donor.get("messages").toString().contains(".en.srt: "), "a full translation is not reported: " + donor);
    }

    @Test
    void aCaptionWithoutLanguageInItsNameIsDetectedAndReportsAreWritten(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("one");
        Files.createDirectories(folder);
        Files.copy(SAMPLES.resolve("stem-cell-donor.en.srt"), folder.resolve("donor-talk.srt"));
        Path d = tmp.resolve("data");
        Path html = tmp.resolve("out/report.html");
        Files.createDirectories(html.getParent());
        CliRun run = CliRun.of("--data", d.toString(), "ingest", "--report", html.toString(), "--json",
                folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode talk = interview(JSON.readTree(run.out()), "donor-talk");
        assertEquals(Set.of("en.asr"), tracks(JSON.readTree(run.out()), "donor-talk"));
        assertTrue(talk.get("messages").toString().contains("language detected as en"), talk.toString());
        assertTrue(talk.get("video").isNull(), "captions only: " + talk);
        assertTrue(talk.get("tracks").get(0).get("sync").isNull(), "no video, no sync: " + talk);
        assertTrue(Files.readString(html).contains("donor-talk"), "the --report page names the interview");
        assertTrue(Files.readString(html).toLowerCase(java.util.Locale.ROOT).contains("<html"));
        JsonNode found = JSON.readTree(CliRun.of("--data", d.toString(), "search", "apheresis", "--sounds-like",
                "--json").out());
        assertEquals(List.of("donor-talk"), interviews(found));
    }

    private static JsonNode search(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "search", "--json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    private static List<String> interviews(JsonNode search) {
        List<String> ids = new ArrayList<>();
        search.get("results").forEach(r -> ids.add(r.get("interview").asText()));
        return ids;
    }

    private static JsonNode interview(JsonNode report, String id) {
        for (JsonNode i : report.get("interviews")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no " + id + " in " + report);
    }

    private static JsonNode trackNode(JsonNode interview, String lang, String source) {
        for (JsonNode t : interview.get("tracks")) {
            if (t.get("lang").asText().equals(lang) && t.get("source").asText().equals(source)) {
                return t;
            }
        }
        throw new AssertionError("no " + lang + " " + source + " in " + interview);
    }

    private static Set<String> tracks(JsonNode report, String id) {
        Set<String> tracks = new TreeSet<>();
        interview(report, id).get("tracks").forEach(t -> tracks.add(t.get("lang").asText() + "." + t.get("source").asText()));
        return tracks;
    }

    private static Path copySamples(Path tmp) throws IOException {
        Path folder = tmp.resolve("interviews");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path p : files.toList()) {
                Files.copy(p, folder.resolve(p.getFileName().toString()));
            }
        }
        return folder;
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
