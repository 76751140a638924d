package io.capdex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.batch.CaptionFileResult;
import io.capdex.batch.CaptionFiles;
import io.capdex.batch.InterviewRecord;
import io.capdex.batch.PageFacts;
import io.capdex.batch.ReadOptions;
import io.capdex.batch.StoredInterview;
import io.capdex.batch.StoredTrack;
import io.capdex.batch.TrackFacts;
import io.capdex.batch.TrackStore;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.caption.srt.SrtReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of a stored interview into every format, proved by verify. */
class ExportCommandIT {
    @TempDir Path dir;
    Path data;
    Path out;

    private static Track read(String path, String lang, Source source) {
        CaptionFileResult r = CaptionFiles.read(Path.of(path), ReadOptions.defaults(CaptionFormats::reader));
        return ((CaptionFileResult.Read) r).track().withLanguage(lang).withSource(source);
    }

    private static StoredTrack stored(Track t, String path) {
        TrackFacts facts = new TrackFacts(t.language(), t.source().id(), path, t.origin().format().id(),
                t.cues().size(), 0, 0, 0, Map.of(), null, null);
        return new StoredTrack(facts, t, List.of());
    }

    @BeforeEach
    void storeASample() throws Exception {
        data = dir.resolve("data");
        out = dir.resolve("exports");
        Track en = read("samples/all-remission.en.srt", "en", Source.ASR);
        Track es = read("samples/all-remission.es.vtt", "es", Source.MT);
        InterviewRecord record = new InterviewRecord(TrackStore.SCHEMA_VERSION, "all-remission",
                "What does remission mean?", "samples", 2025, Path.of("samples/all-remission.mp4").toAbsolutePath()
                .toString(), "en", PageFacts.NONE, List.of(), List.of(), "ok", List.of(), "test",
                "2026-11-26T00:00:00Z");
        List<StoredTrack> tracks = List.of(stored(en, "samples/all-remission.en.srt"),
                stored(es, "samples/all-remission.es.vtt"));
        TrackStore.open(data).put(new StoredInterview(record.withTracks(tracks.stream().map(StoredTrack::facts)
                .toList()), tracks, Map.of()));
    }

    private CliRun export(String... extra) {
        String[] base = {"--data", data.toString(), "export", "all-remission", "--out", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void everyFormatCarriesTheWarningAndVerifyProvesIt() throws Exception {
        CliRun run = export("--format", "srt,vtt,sbv,ttml,txt,html,docx,json,mp4,mkv");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        // 8 text formats × 2 languages + one MP4 + one MKV holding both languages
        assertEquals(18, files.size(), files.toString());
        CliRun verify = CliRun.of("verify", "--json", out.toString());
        assertEquals(ExitCode.OK, verify.exitCode(), verify.err() + verify.out());
        JsonNode report = new ObjectMapper().readTree(verify.out());
        assertEquals(0, report.get("missing").asInt());
        assertEquals(18, report.get("files").size());
        String srt = Files.readString(out.resolve("all-remission.en.srt"));
        assertTrue(srt.startsWith("1\n00:00:00,000 --> "), srt.substring(0, 80));
        assertTrue(srt.contains("{\\an8}Know ALL cannot guarantee"), srt.substring(0, 200));
        String esVtt = Files.readString(out.resolve("all-remission.es.vtt"));
        assertTrue(esVtt.contains("no puede garantizar la exactitud"), esVtt.substring(0, 300));
    }

    @Test
    void theCaptionsAfterTheWarningAreUnchanged() throws Exception {
        assertEquals(ExitCode.OK, export("--format", "srt", "--lang", "en").exitCode());
        List<io.capdex.caption.Cue> exported = new SrtReader().read(Files.readString(out.resolve("all-remission.en.srt")))
                .track().cues();
        List<io.capdex.caption.Cue> source = new SrtReader().read(Files.readString(Path.of("samples/all-remission.en.srt")))
                .track().cues();
        // the warning cues are the ones at the top of the picture ({\an8}, line:0); the captions are not
        List<String> texts = exported.stream().filter(c -> !"0".equals(c.settings().get("line")))
                .map(io.capdex.caption.Cue::text).toList();
        assertTrue(exported.size() > texts.size(), "warning cues present");
        assertEquals(source.stream().map(io.capdex.caption.Cue::text).toList(), texts);
    }

    @Test
    void reExportNeedsForceAndStampsOnce() throws Exception {
        assertEquals(ExitCode.OK, export("--format", "srt", "--lang", "en").exitCode());
        String first = Files.readString(out.resolve("all-remission.en.srt"));
        CliRun again = export("--format", "srt", "--lang", "en");
        assertEquals(ExitCode.INPUT, again.exitCode());
        assertTrue(again.err().contains("exists; use --force"), again.err());
        String[] args = {"--force", "--data", data.toString(), "export", "all-remission", "--format", "srt", "--lang",
                "en", "--out", out.toString()};
        assertEquals(ExitCode.OK, CliRun.of(args).exitCode());
        assertEquals(first, Files.readString(out.resolve("all-remission.en.srt")));
    }

    @Test
    void dryRunWritesNothing() {
        CliRun run = export("--format", "srt,mp4", "--dry-run");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("all-remission.en.srt"), run.out());
        assertTrue(run.out().contains("all-remission.mp4"), run.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownInterviewAndUnstampedFilesFail() throws Exception {
        CliRun run = CliRun.of("--data", data.toString(), "export", "nope", "--out", out.toString());
        assertEquals(ExitCode.INPUT, run.exitCode());
        assertTrue(run.err().startsWith("nope: no such interview"), run.err());
        CliRun verify = CliRun.of("verify", "samples/all-remission.en.srt", "samples/all-remission.mp4");
        assertEquals(ExitCode.INPUT, verify.exitCode());
        assertTrue(verify.out().contains("2 without the warning"), verify.out());
    }
}
