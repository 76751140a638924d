package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Format;
import io.capdex.caption.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
    private static final String SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n2\n00:00:03,000 --> 00:00:04,000\nAgain.\n";
    private static final String VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there.\n";
    private static final String VTT_WORDS = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<00:00:01.000><c>Hello</c><00:00:01.500><c> there.</c>\n";
    private static final String SBV = "0:00:01.000,0:00:02.000\nHello there.\n";
    private static final String TTML = "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div>"
            + "<p begin=\"00:00:01.000\" end=\"00:00:02.000\">Hello there.</p></div></body></tt>\n";
    // an ISO BMFF header: enough for the type detection to call it video/mp4; the fake probe never reads it
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'm', 'p', '4', '1'};

    @TempDir
    Path dir;

    private static DiscoveryOptions probing(Map<String, String> audioLanguageByFileName) {
        return DiscoveryOptions.defaults().withProbe(video -> new VideoFacts(
                audioLanguageByFileName.get(video.getFileName().toString()), "2025-03-14T09:30:00.000000Z", true));
    }

    private static DiscoveryOptions noTags() {
        return probing(Map.of());
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path video(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, MP4);
    }

    private static Map<String, CaptionFile> tracks(Interview interview) {
        return interview.captions().stream().collect(Collectors.toMap(
                c -> c.lang() + "." + (c.source() == null ? "?" : c.source().id()), c -> c));
    }

    private static Interview only(DiscoveryResult result) {
        assertEquals(1, result.interviews().size(), () -> result.toString());
        return result.interviews().get(0);
    }

    @Test
    void pairsTheBundledSamplesIntoThreeInterviews() {
        Path samples = Path.of("samples");
        DiscoveryResult result = Discovery.scan(List.of(samples),
                probing(Map.of("all-remission.mp4", "eng", "cart-therapy.mp4", "spa", "stem-cell-donor.mp4", "eng")));

        assertEquals(List.of("all-remission", "cart-therapy", "stem-cell-donor"),
                result.interviews().stream().map(Interview::id).toList());
        Interview remission = result.interviews().get(0);
        assertEquals("samples", remission.collection());
        assertEquals(samples.resolve("all-remission.mp4"), remission.video());
        assertEquals("en", remission.spokenLanguage());
        assertEquals("video", remission.spokenLanguageFrom());
        Map<String, CaptionFile> remissionTracks = tracks(remission);
        assertEquals(List.of("en.asr", "es.mt"), remissionTracks.keySet().stream().sorted().toList());
        assertEquals(Format.SRT, remissionTracks.get("en.asr").format());
        assertEquals(Format.VTT, remissionTracks.get("es.mt").format());
        assertEquals(List.of(samples.resolve("all-remission.transcript.txt")),
                remission.transcripts().stream().map(TranscriptFile::path).toList());
        assertEquals(samples.resolve("all-remission.html"), remission.page());
        assertEquals("2025-03-14T09:30:00.000000Z", remission.videoFacts().creationTime());

        Interview cart = result.interviews().get(1);
        assertEquals("es", cart.spokenLanguage());
        assertEquals(List.of("en.mt", "es.asr"), tracks(cart).keySet().stream().sorted().toList());
        assertEquals("docx", cart.transcripts().get(0).extension());
        assertEquals(samples.resolve("cart-therapy.html"), cart.page());

        Interview donor = result.interviews().get(2);
        assertEquals(List.of("en.asr"), tracks(donor).keySet().stream().toList());
        assertTrue(donor.transcripts().isEmpty());
        assertEquals(samples.resolve("stem-cell-donor.html"), donor.page());

        // the truth files, the README and the script are listed, not fatal
        List<String> unpaired = result.unpaired().stream().map(f -> f.path().getFileName().toString()).toList();
        assertEquals(List.of("README.md", "all-remission.truth.json", "cart-therapy.truth.json", "make-samples.sh",
                "stem-cell-donor.truth.json"), unpaired);
        assertTrue(result.conflicts().isEmpty());
        assertTrue(result.problems().isEmpty(), () -> result.problems().toString());
    }

    @Test
    void keepsDotsInsideIdsAndReadsTheLanguageFromTheLastSegment() throws IOException {
        write("my.talk.en.srt", SRT);
        write("my.talk.srt", SRT);
        video("my.talk.mp4");
        Interview talk = only(Discovery.scan(List.of(dir), probing(Map.of("my.talk.mp4", "eng"))));
        assertEquals("my.talk", talk.id());
        // my.talk.srt names no language: kept apart, its source decided once the language is detected
        assertEquals(List.of("", "en"), talk.captions().stream().map(CaptionFile::lang).toList());
        assertNull(talk.captions().get(0).source());
        assertFalse(talk.captions().get(0).languageKnown());
        assertEquals(Source.ASR, talk.sourceFor("en-GB", false));
        assertEquals(Source.MT, talk.sourceFor("fr", false));
    }

    @Test
    void readsBcp47LanguageFormsAndTheEditedMark() throws IOException {
        video("talk.mp4");
        write("talk.pt-br.srt", SRT);
        write("talk.zh-hant.vtt", VTT);
        write("talk.en.edited.srt", SRT);
        write("talk.en.srt", SRT);
        write("talk.es.transcript.txt", "Hola.\n");
        Interview talk = only(Discovery.scan(List.of(dir), probing(Map.of("talk.mp4", "eng"))));
        assertEquals(List.of("en.asr", "en.edited", "pt-BR.mt", "zh-Hant.mt"),
                tracks(talk).keySet().stream().sorted().toList());
        assertTrue(tracks(talk).get("en.edited").edited());
        assertEquals("es", talk.transcripts().get(0).lang());
    }

    @Test
    void theRicherOfTwoFilesForOneTrackWinsAndTheOtherIsReported() throws IOException {
        video("talk.mp4");
        write("talk.en.srt", SRT);
        write("talk.en.vtt", VTT_WORDS);
        write("talk.en.sbv", SBV);
        write("talk.es.sbv", SBV);
        write("talk.es.ttml", TTML);
        Interview talk = only(Discovery.scan(List.of(dir), probing(Map.of("talk.mp4", "eng"))));
        Map<String, CaptionFile> tracks = tracks(talk);
        assertEquals(dir.resolve("talk.en.vtt"), tracks.get("en.asr").path());
        assertTrue(tracks.get("en.asr").wordTimings());
        assertEquals(dir.resolve("talk.es.ttml"), tracks.get("es.mt").path());
        assertEquals(List.of(dir.resolve("talk.en.sbv"), dir.resolve("talk.en.srt"), dir.resolve("talk.es.sbv")),
                talk.ignored().stream().map(IgnoredFile::path).toList());
        String srtReason = talk.ignored().get(1).reason();
        assertEquals("the same track (en, asr) as talk.en.vtt, which is used: WebVTT with word timings is richer "
                + "than SRT", srtReason);
    }

    @Test
    void plainVttBeatsSrtAndSrtBeatsSbv() throws IOException {
        write("a.en.srt", SRT);
        write("a.en.vtt", VTT);
        write("b.en.srt", SRT);
        write("b.en.sbv", SBV);
        DiscoveryResult result = Discovery.scan(List.of(dir), noTags());
        assertEquals(Format.VTT, result.interviews().get(0).captions().get(0).format());
        assertEquals(Format.SRT, result.interviews().get(1).captions().get(0).format());
    }

    @Test
    void captionsWithoutVideoAreACaptionOnlyInterview() throws IOException {
        write("solo.en.srt", SRT);
        write("solo.fr.srt", SRT);
        write("solo.html", "<html><head><title>Solo</title></head><body>Hi</body></html>");
        DiscoveryResult result = Discovery.scan(List.of(dir), noTags());
        Interview solo = only(result);
        assertTrue(solo.captionOnly());
        assertNull(solo.videoFacts());
        // no audio tag and two languages: all asr, and the report says why
        assertEquals("", solo.spokenLanguage());
        assertEquals(List.of(Source.ASR, Source.ASR), solo.captions().stream().map(CaptionFile::source).toList());
        assertTrue(solo.notes().get(0).startsWith("spoken language unknown"), solo.notes().toString());
    }

    @Test
    void theOnlyCaptionLanguageIsTheSpokenOneWhenTheVideoHasNoTag() throws IOException {
        video("talk.mp4");
        write("talk.de.srt", SRT);
        write("talk.de.edited.srt", SRT);
        Interview talk = only(Discovery.scan(List.of(dir), noTags()));
        assertEquals("de", talk.spokenLanguage());
        assertEquals("captions", talk.spokenLanguageFrom());
        assertEquals(List.of("de.asr", "de.edited"), tracks(talk).keySet().stream().sorted().toList());
    }

    @Test
    void aCaptionFileWithoutLanguageAloneIsTheAsrTrack() throws IOException {
        video("talk.mp4");
        write("talk.srt", SRT);
        Interview talk = only(Discovery.scan(List.of(dir), noTags()));
        CaptionFile only = talk.captions().get(0);
        assertEquals("", only.lang());
        assertEquals(Source.ASR, only.source());
        assertTrue(talk.notes().contains("talk.srt names no language; it is detected from the text"));
    }

    @Test
    void anIdInTwoFoldersIsAConflictAndNeitherIsIngested() throws IOException {
        video("2024/talk.mp4");
        write("2024/talk.en.srt", SRT);
        write("2025/Talk.en.srt", SRT);
        write("2025/other.en.srt", SRT);
        DiscoveryResult result = Discovery.scan(List.of(dir), noTags());
        assertEquals(List.of("other"), result.interviews().stream().map(Interview::id).toList());
        assertEquals("2025", result.interviews().get(0).collection());
        assertEquals(1, result.conflicts().size());
        Conflict conflict = result.conflicts().get(0);
        assertEquals("talk", conflict.id());
        assertEquals(List.of(dir.resolve("2024"), dir.resolve("2025")), conflict.folders());
        assertEquals(List.of(dir.resolve("2024/talk.en.srt"), dir.resolve("2024/talk.mp4"),
                dir.resolve("2025/Talk.en.srt")), conflict.paths());
        assertTrue(conflict.message().contains("neither is ingested"));
    }

    @Test
    void contentBeatsTheExtension() throws IOException {
        write("a.en.srt", VTT); // WebVTT named .srt
        write("b.en.txt", SRT); // SRT named .txt: captions, not an unknown file
        write("c.en.srt", "");
        Files.write(dir.resolve("d.en.srt"), MP4); // a video named as captions
        write("e.mp4", "not a video\n");
        write("f.transcript.txt", SRT);
        DiscoveryResult result = Discovery.scan(List.of(dir), noTags());
        Map<String, Interview> byId = result.interviews().stream().collect(Collectors.toMap(Interview::id, i -> i));
        assertEquals(Format.VTT, byId.get("a").captions().get(0).format());
        assertEquals(Format.SRT, byId.get("b").captions().get(0).format());
        assertEquals("en", byId.get("b").captions().get(0).lang());
        assertEquals(Format.SRT, byId.get("f").captions().get(0).format());
        Map<String, String> reasons = result.unpaired().stream()
                .collect(Collectors.toMap(f -> f.path().getFileName().toString(), IgnoredFile::reason));
        assertEquals("empty file", reasons.get("c.en.srt"));
        assertTrue(reasons.get("d.en.srt").startsWith("named as captions but the content is video/"),
                reasons.get("d.en.srt"));
        assertEquals("named as a video but the content is text/plain", reasons.get("e.mp4"));
    }

    @Test
    void listsUnknownFilesAndLonePagesWithAReason() throws IOException {
        write("notes.md", "# notes\n");
        write("lonely.html", "<html><body>page</body></html>");
        write("talk.en.srt", SRT);
        DiscoveryResult result = Discovery.scan(List.of(dir), noTags());
        assertEquals(1, result.interviews().size());
        Map<String, String> reasons = result.unpaired().stream()
                .collect(Collectors.toMap(f -> f.path().getFileName().toString(), IgnoredFile::reason));
        assertEquals("no video or captions for ID lonely in this folder; nothing to ingest", reasons.get("lonely.html"));
        assertTrue(reasons.get("notes.md").startsWith("not a video, caption, transcript or page file"),
                reasons.get("notes.md"));
    }

    @Test
    void skipsHiddenFilesTheDataFolderAndLinkLoops() throws IOException {
        write("talk.en.srt", SRT);
        write(".hidden.en.srt", SRT);
        write("capdex-data/tracks/x/x.en.srt", SRT);
        write("elsewhere/data/y.en.srt", SRT);
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        DiscoveryResult result = Discovery.scan(List.of(dir),
                noTags().withDataFolder(dir.resolve("elsewhere/data")));
        assertEquals(List.of("talk"), result.interviews().stream().map(Interview::id).toList());
        assertTrue(result.conflicts().isEmpty());
        assertTrue(result.unpaired().isEmpty(), result.unpaired().toString());
    }

    @Test
    void reportsARootThatDoesNotExist() {
        DiscoveryResult result = Discovery.scan(List.of(dir.resolve("missing")), noTags());
        assertEquals(dir.resolve("missing") + ": no such file or folder", result.problems().get(0).toString());
    }

    @Test
    void aProbeFailureIsANoteNotAnError() throws IOException {
        video("talk.mp4");
        write("talk.en.srt", SRT);
        Interview talk = only(Discovery.scan(List.of(dir), DiscoveryOptions.defaults().withProbe(v -> {
            throw new Exception("moov atom not found");
        })));
        assertNull(talk.videoFacts());
        assertEquals("en", talk.spokenLanguage());
        assertTrue(talk.notes().get(0).contains("moov atom not found"));
    }

    @Test
    void aLinkToAFileElsewhereInTheScanIsPairedOnceNotAConflict() throws IOException {
        write("a/talk.en.srt", SRT);
        Files.createDirectories(dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b/talk.en.srt"), dir.resolve("a/talk.en.srt"));
        DiscoveryResult result = Discovery.scan(List.of(dir), noTags());
        assertTrue(result.conflicts().isEmpty(), result.conflicts().toString());
        assertEquals(dir.resolve("a/talk.en.srt"), only(result).captions().get(0).path());
    }

    @Test
    void findsWordTimingsInTtmlSpans() throws IOException {
        write("talk.en.ttml", TTML.replace("Hello there.",
                "<span begin=\"00:00:01.000\" end=\"00:00:01.400\">Hello</span> there."));
        write("talk.en.srt", SRT);
        CaptionFile kept = only(Discovery.scan(List.of(dir), noTags())).captions().get(0);
        assertEquals(Format.TTML, kept.format());
        assertTrue(kept.wordTimings());
        assertEquals("TTML with word timings", kept.describe());
    }

    @Test
    void twoVideosForOneIdKeepTheOneWithAPicture() throws IOException {
        video("talk.mp4");
        video("talk.m4a");
        write("talk.en.srt", SRT);
        Interview talk = only(Discovery.scan(List.of(dir), noTags()));
        assertEquals(dir.resolve("talk.mp4"), talk.video());
        assertEquals(List.of(new IgnoredFile(dir.resolve("talk.m4a"), "a second video for talk; talk.mp4 is used")),
                talk.ignored());
        ReportInterview failed = ReportInterview.failed(talk, "the video has no audio");
        assertEquals(IngestStatus.FAILED, failed.status());
        assertEquals(List.of("the video has no audio", dir.resolve("talk.m4a") + ": a second video for talk; talk.mp4 is used"),
                failed.messages());
    }
}
