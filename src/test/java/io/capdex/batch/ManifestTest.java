package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capdex.csv}: the folder's manifest overrides names, and its bad rows are reported by line. */
class ManifestTest {
    private static final String SRT = "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n";
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'm', 'p', '4', '1'};

    @TempDir
    Path dir;

    private DiscoveryResult scan() {
        return Discovery.scan(List.of(dir), DiscoveryOptions.defaults()
                .withProbe(v -> new VideoFacts("eng", null, true)));
    }

    @Test
    void rowsOverrideNamesLanguagesAndSources() throws IOException {
        Files.write(dir.resolve("clip 07.mp4"), MP4);
        Files.writeString(dir.resolve("subs_final.srt"), SRT);
        Files.writeString(dir.resolve("subs_spanish.srt"), SRT);
        Files.writeString(dir.resolve("fixed.srt"), SRT);
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/words.txt"), "Interviewer: Hello.\n");
        Files.writeString(dir.resolve("capdex.csv"), """
                id,path,role,lang,source
                # the video's audio is tagged eng, but the interview is in Spanish
                entrevista,clip 07.mp4,video,es,
                entrevista,subs_spanish.srt,captions,es,
                entrevista,subs_final.srt,captions,en,mt
                entrevista,fixed.srt,captions,es,edited
                entrevista,"docs/words.txt",transcript,es,
                """);
        DiscoveryResult result = scan();
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertEquals(1, result.interviews().size(), result.toString());
        Interview i = result.interviews().get(0);
        assertEquals("entrevista", i.id());
        assertEquals("es", i.spokenLanguage());
        assertEquals("capdex.csv", i.spokenLanguageFrom());
        assertEquals(dir.resolve("capdex.csv"), i.manifest());
        Map<String, Source> sources = i.captions().stream()
                .collect(Collectors.toMap(c -> c.path().getFileName().toString(), CaptionFile::source));
        assertEquals(Map.of("subs_spanish.srt", Source.ASR, "subs_final.srt", Source.MT, "fixed.srt", Source.EDITED),
                sources);
        assertEquals(dir.resolve("docs/words.txt"), i.transcripts().get(0).path());
        assertEquals(5, i.inputs().size() - 1, "the manifest is an input too");
        // the transcript in docs/ was claimed by the row: it is not listed as unpaired in its own folder
        assertTrue(result.unpaired().isEmpty(), result.unpaired().toString());
    }

    @Test
    void reportsBadRowsWithTheirLineAndKeepsTheGoodOnes() throws IOException {
        Files.writeString(dir.resolve("a.srt"), SRT);
        Files.writeString(dir.resolve("b.srt"), SRT);
        Files.writeString(dir.resolve("unlisted.en.srt"), SRT);
        Files.writeString(dir.resolve("capdex.csv"), """
                talk,a.srt,captions,en,
                talk,b.srt,subtitles,en,
                talk,missing.srt,captions,en,
                talk,b.srt,captions,english,
                talk,b.srt,captions,en,robot
                talk,../outside.srt,captions,en,
                ../evil,b.srt,captions,en,
                talk,a.srt,captions,fr,
                talk,b.srt
                talk,"b.srt,captions
                """);
        DiscoveryResult result = scan();
        Path csv = dir.resolve("capdex.csv");
        assertEquals(List.of(
                csv + ":2: unknown role \"subtitles\" (expected video, captions, transcript or page); row skipped",
                csv + ":3: missing file \"missing.srt\"; row skipped",
                csv + ":4: bad lang \"english\" (expected a BCP 47 tag such as en, es, pt-BR, zh-Hant); row skipped",
                csv + ":5: unknown source \"robot\" (expected asr, mt or edited); row skipped",
                csv + ":6: path \"../outside.srt\" is outside the folder of capdex.csv; row skipped",
                csv + ":7: ID contains a path separator (/); row skipped",
                csv + ":8: \"a.srt\" is already listed on line 1; row skipped",
                csv + ":9: 2 columns (expected id,path,role,lang,source); row skipped",
                csv + ":10: unterminated quote; row skipped"),
                result.problems().stream().map(Diagnostic::toString).toList());
        assertEquals(1, result.interviews().size());
        assertEquals(List.of("en"), result.interviews().get(0).captions().stream().map(CaptionFile::lang).toList());
        // the manifest pairs its folder alone: files it does not list are reported
        Map<String, String> unpaired = result.unpaired().stream()
                .collect(Collectors.toMap(f -> f.path().getFileName().toString(), IgnoredFile::reason));
        assertEquals("not listed in capdex.csv, which pairs this folder", unpaired.get("unlisted.en.srt"));
        assertEquals("not listed in capdex.csv, which pairs this folder", unpaired.get("b.srt"));
    }

    @Test
    void aRowWhoseContentContradictsItsRoleIsUnpairedWithTheLine() throws IOException {
        Files.writeString(dir.resolve("talk.mp4"), "this is text, not a video\n");
        Files.writeString(dir.resolve("talk.en.srt"), SRT);
        Files.writeString(dir.resolve("capdex.csv"), "talk,talk.mp4,video,,\ntalk,talk.en.srt,captions,,\n");
        DiscoveryResult result = scan();
        Interview talk = result.interviews().get(0);
        assertNull(talk.video());
        assertEquals("en", talk.captions().get(0).lang(), "the language comes from the name when the row has none");
        assertEquals(dir.resolve("capdex.csv") + ":1: listed as a video but the content is text/plain",
                result.unpaired().get(0).reason());
    }
}
