package io.capdex.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Qc;
import io.capdex.caption.Track;
import io.capdex.caption.json.JsonReader;
import io.capdex.caption.sbv.SbvReader;
import io.capdex.caption.srt.SrtReader;
import io.capdex.caption.ttml.TtmlReader;
import io.capdex.caption.vtt.VttReader;
import io.capdex.config.Config;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class ExporterTest {
    private static final WarningTexts TEXTS = WarningTexts.shipped();
    private static final Exporter EXPORTER = new Exporter(TEXTS, ExportOptions.defaults());
    private static final Verifier VERIFIER = new Verifier(TEXTS);
    private static final List<ExportFormat> CAPTIONS = List.of(ExportFormat.SRT, ExportFormat.VTT, ExportFormat.SBV,
            ExportFormat.TTML);

    private static CaptionReader reader(ExportFormat f) {
        return switch (f) {
            case SRT -> new SrtReader();
            case VTT -> new VttReader();
            case SBV -> new SbvReader();
            case TTML -> new TtmlReader();
            default -> new JsonReader();
        };
    }

    private static ParseResult readBack(Exported e) {
        ParseResult r = reader(e.format()).read(e.text());
        assertTrue(r.problems().isEmpty(), e.format() + ": " + r.problems());
        return r;
    }

    private static List<String> timedTexts(List<Cue> cues) {
        return cues.stream().map(c -> c.startMs() + "-" + c.endMs() + " " + c.text()).toList();
    }

    @Test
    void captionFormatsCarryAReadableStampAndKeepTheCaptions() {
        Track t = StampTest.interview("en");
        for (ExportFormat f : CAPTIONS) {
            Exported e = EXPORTER.export(t, f);
            List<Cue> cues = readBack(e).track().cues();
            assertEquals("Know ALL cannot guarantee the\naccuracy of the automatic", cues.get(0).text(), f.id());
            assertEquals(0, cues.get(0).startMs(), f.id());
            VerifyResult v = VERIFIER.verify(Path.of("x." + f.extension()), e.content());
            assertTrue(v.stamped(), f + " " + v);
            assertEquals(f.id(), v.kind());
            assertEquals("cue 1 at 00:00:00", v.where().get(0));
            if (f != ExportFormat.SBV) {
                // separate warning cues: removing them gives the captions exactly (SRT drops the speaker)
                List<Cue> captions = new Stamp(TEXTS).unstamped(Track.of(Format.SRT, cues)).cues();
                assertEquals(timedTexts(t.cues()), timedTexts(captions), f.id());
                assertEquals("Know ALL cannot guarantee the\naccuracy of the automatic", cues.get(0).text());
            }
        }
    }

    @Test
    void placesTheStampWhereEachFormatShowsTheTop() {
        Track t = StampTest.interview("en");
        assertTrue(EXPORTER.export(t, ExportFormat.SRT).text().startsWith(
                "1\n00:00:00,000 --> 00:00:03,667\n{\\an8}Know ALL cannot guarantee the\n"));
        String noTag = new Exporter(TEXTS, ExportOptions.defaults().withSrtAn8(false)).export(t, ExportFormat.SRT)
                .text();
        assertTrue(noTag.startsWith("1\n00:00:00,000 --> 00:00:03,667\nKnow ALL cannot guarantee the\n"), noTag);
        assertTrue(VERIFIER.verify(Path.of("a.srt"), noTag.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .stamped());
        String vtt = EXPORTER.export(t, ExportFormat.VTT).text();
        assertTrue(vtt.startsWith("WEBVTT\n\nNOTE AI-generated subtitles: Know ALL cannot guarantee"), vtt);
        assertTrue(vtt.contains("capdex-warning-1\n00:00:00.000 --> 00:00:03.667 line:0\n"), vtt);
        String ttml = EXPORTER.export(t, ExportFormat.TTML).text();
        assertTrue(ttml.contains("<ttm:desc>Know ALL cannot guarantee the accuracy"), ttml);
        assertTrue(ttml.contains("<p begin=\"00:00:00.000\" end=\"00:00:03.667\" region=\"top\">Know ALL"), ttml);
        assertEquals(List.of("line", "0"), List.of("line", new VttReader().read(vtt).track().cues().get(0)
                .settings().get("line")));
        assertEquals(Map.of("line", "0"), new SrtReader().read(EXPORTER.export(t, ExportFormat.SRT).text()).track()
                .cues().get(0).settings());
    }

    @Test
    void reExportingAnExportDoesNotStampTwice() {
        Track t = StampTest.interview("en");
        for (ExportFormat f : CAPTIONS) {
            Exported once = EXPORTER.export(t, f);
            Track back = readBack(once).track().withLanguage("en");
            Exported twice = EXPORTER.export(back, f);
            assertEquals(once.text(), twice.text(), f.id());
            // and in a different language's export the English stamp is still recognised and kept
            Exported asGerman = EXPORTER.export(back.withLanguage("de"), f);
            assertEquals(once.text().replace("xml:lang=\"en\"", "xml:lang=\"de\""), asGerman.text(), f.id());
            assertEquals(new WarningText("en", TEXTS.textFor("en").text(), true), asGerman.warning());
            assertEquals(TEXTS.textFor("en"), EXPORTER.export(back, f).warning());
        }
        Exported json = EXPORTER.export(t, ExportFormat.JSON);
        Track fromJson = new JsonReader().read(json.text()).track();
        assertEquals(json.text(), EXPORTER.export(fromJson, ExportFormat.JSON).text());
    }

    @Test
    void sbvMergesTheWarningAboveOverlappingCaptions() {
        Exported e = EXPORTER.export(StampTest.interview("en"), ExportFormat.SBV);
        assertTrue(e.text().startsWith("""
                0:00:00.000,0:00:00.800
                Know ALL cannot guarantee the
                accuracy of the automatic

                0:00:00.800,0:00:03.667
                Know ALL cannot guarantee the
                accuracy of the automatic
                Ann: Hello, I am here with Grace,
                a nurse who looks after donors.

                0:00:03.667,0:00:04.200
                subtitles and translations as
                AI is used for their creation.
                Ann: Hello, I am here with Grace,
                a nurse who looks after donors.
                """), e.text());
        List<Cue> cues = readBack(e).track().cues();
        for (int i = 1; i < cues.size(); i++) {
            assertTrue(cues.get(i - 1).endMs() <= cues.get(i).startMs(), "SBV cues never overlap");
        }
        assertEquals("21000-24000 What happens if you match?", timedTexts(cues).get(cues.size() - 1));
    }

    @Test
    void transcriptsCarryTheWarningInTheirHeader() throws Exception {
        Track t = StampTest.interview("en");
        String txt = EXPORTER.export(t, ExportFormat.TXT, "Joining the register").text();
        assertTrue(txt.startsWith("Joining the register\n\nAI-generated subtitles\nKnow ALL cannot guarantee"), txt);
        assertTrue(txt.contains("\n[00:00:00] Ann: Hello, I am here with Grace, a nurse who looks after donors.\n"),
                txt);
        String json = EXPORTER.export(t, ExportFormat.JSON).text();
        assertTrue(json.startsWith("{\n  \"warning\": \"Know ALL cannot guarantee"), json);
        Track back = new JsonReader().read(json).track();
        assertEquals(t.cues(), back.cues(), "the JSON export's cues read back unchanged");
        Exported docx = EXPORTER.export(t, ExportFormat.DOCX, "Joining the register");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.content()))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("AI-generated subtitles: " + TEXTS.textFor("en").text(), paragraphs.get(0));
            assertEquals("Joining the register", paragraphs.get(1));
            assertTrue(paragraphs.contains("[00:00:00] Ann: Hello, I am here with Grace, a nurse who looks after "
                    + "donors."), paragraphs.toString());
            assertEquals(TEXTS.textFor("en").text(), doc.getProperties().getCoreProperties().getDescription());
        }
        for (ExportFormat f : List.of(ExportFormat.TXT, ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.JSON)) {
            Exported e = EXPORTER.export(t, f);
            VerifyResult v = VERIFIER.verify(Path.of("x." + f.extension()), e.content());
            assertTrue(v.stamped(), f + " " + v);
            assertEquals(f.id(), v.kind());
            // a stamped track exported as a transcript gets the header only, not the warning cues as text
            Exported fromStamped = EXPORTER.export(new Stamp(TEXTS).stamped(t, StampStyle.defaults()), f);
            if (f != ExportFormat.DOCX) {
                assertEquals(e.text(), fromStamped.text(), f.id());
            }
        }
    }

    @Test
    void htmlEscapesTheSampleCuesThatTryToRunScripts() throws Exception {
        ParseResult r = new SrtReader().read(Files.readString(Path.of("samples/stem-cell-donor.en.srt")));
        Track t = r.track().withLanguage("en");
        assertTrue(t.cues().stream().anyMatch(c -> c.text().contains("<script>alert(1)</script>")));
        String html = EXPORTER.export(t, ExportFormat.HTML, "<b>Stem cell</b> \"donor\"").text();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;"), html);
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("<title>&lt;b&gt;Stem cell&lt;/b&gt; &quot;donor&quot;</title>"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        // a hostile language tag cannot break out of the attribute
        String odd = EXPORTER.export(t.withLanguage("en\"><script>x"), ExportFormat.HTML).text();
        assertTrue(odd.contains("<html lang=\"und\">"), odd);
        assertFalse(odd.contains("<script"), odd);
    }

    @Test
    void everyLanguageGetsItsOwnTextAndOthersAreFlaggedAsFallingBack() {
        for (String lang : List.of("en", "es", "fr", "de", "it", "pt")) {
            for (ExportFormat f : List.of(ExportFormat.SRT, ExportFormat.VTT, ExportFormat.HTML, ExportFormat.TXT)) {
                Exported e = EXPORTER.export(StampTest.interview(lang), f);
                assertEquals(TEXTS.textFor(lang), e.warning());
                assertFalse(e.warning().fellBack());
                assertTrue(VERIFIER.verify(Path.of("x." + f.extension()), e.content()).stamped(), lang + " " + f);
            }
        }
        Exported nl = EXPORTER.export(StampTest.interview("nl"), ExportFormat.VTT);
        assertTrue(nl.warning().fellBack());
        assertEquals("en", nl.warning().language());
        assertTrue(nl.text().contains("Know ALL cannot guarantee"));
    }

    @Test
    void theConfiguredOrganisationIsNamedAndVerifiedOnlyByItsOwnConfiguration() throws Exception {
        Config c = Config.parse("organisation: Example Health\nstamp:\n  srt-position: none\n", "capdex.yaml");
        WarningTexts texts = WarningTexts.of(c.organisation(), c.warningTexts(), c.warningLabels());
        Exporter exporter = new Exporter(texts, ExportOptions.defaults()
                .withSrtAn8(c.srtPosition() == Config.SrtPosition.AN8));
        Exported e = exporter.export(StampTest.interview("en"), ExportFormat.SRT);
        assertTrue(e.text().startsWith("1\n00:00:00,000 --> 00:00:04,067\nExample Health cannot guarantee\n"),
                e.text());
        assertTrue(new Verifier(texts).verify(Path.of("a.srt"), e.content()).stamped());
        assertFalse(VERIFIER.verify(Path.of("a.srt"), e.content()).stamped(), "Know ALL's texts do not match");
    }

    @Test
    void crlfOptionEndsEveryLineWithCrLf() {
        Exporter crlf = new Exporter(TEXTS, ExportOptions.defaults().withCrlf(true));
        for (ExportFormat f : List.of(ExportFormat.SRT, ExportFormat.VTT, ExportFormat.TXT, ExportFormat.HTML,
                ExportFormat.JSON)) {
            String text = crlf.export(StampTest.interview("en"), f).text();
            assertFalse(text.replace("\r\n", "").contains("\n"), f.id());
            assertTrue(VERIFIER.verify(Path.of("x." + f.extension()), text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).stamped(), f.id());
        }
    }

    @Test
    void videoFormatsGoThroughTheWiredMediaExport() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> EXPORTER.export(StampTest.interview("en"),
                ExportFormat.MP4));
        assertThrows(IllegalStateException.class, () -> EXPORTER.exportMedia(Path.of("in.mp4"),
                List.of(StampTest.interview("en")), ExportFormat.MKV, Path.of("out.mkv")));
        List<MediaExportRequest> seen = new ArrayList<>();
        Exporter withMedia = new Exporter(TEXTS, ExportOptions.defaults(), seen::add);
        List<WarningText> used = withMedia.exportMedia(Path.of("in.mp4"), List.of(StampTest.interview("en"),
                StampTest.interview("es"), StampTest.interview("nl")), ExportFormat.MP4, Path.of("out.mp4.tmp"));
        assertEquals(List.of(false, false, true), used.stream().map(WarningText::fellBack).toList());
        MediaExportRequest r = seen.get(0);
        assertEquals(List.of("English — AI-generated subtitles", "Spanish — Subtítulos generados por IA",
                "Dutch — AI-generated subtitles"), r.tracks().stream().map(SubtitleTrack::title).toList());
        assertTrue(r.comment().startsWith(TEXTS.textFor("en").text()));
        assertTrue(r.comment().endsWith("Subtitle tracks (AI-generated): en, es, nl."), r.comment());
        // MP4's mov_text shows one sample at a time: the warning is merged, so no two cues overlap
        for (SubtitleTrack st : r.tracks()) {
            List<Cue> cues = st.track().cues();
            for (int i = 1; i < cues.size(); i++) {
                assertTrue(cues.get(i - 1).endMs() <= cues.get(i).startMs());
            }
            assertTrue(new Stamp(TEXTS).isStamped(st.track()));
        }
        MediaExportRequest mkv = withMedia.mediaRequest(Path.of("in.mp4"), List.of(StampTest.interview("de")),
                ExportFormat.MKV, Path.of("o.mkv"));
        assertEquals(Map.of("line", "0"), mkv.tracks().get(0).track().cues().get(0).settings());
        assertTrue(Qc.isWarningCue(mkv.tracks().get(0).track().cues().get(0)));
        assertThrows(IllegalArgumentException.class, () -> withMedia.mediaRequest(Path.of("in.mp4"),
                List.of(StampTest.interview("de"), StampTest.interview("en")), ExportFormat.MP4_BURNED,
                Path.of("o.mp4")));
    }

    @Test
    void formatsHaveStableIds() {
        assertEquals(List.of("srt", "vtt", "sbv", "ttml", "txt", "html", "docx", "json", "mp4", "mkv", "mp4-burned"),
                java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList());
        assertEquals(ExportFormat.MP4_BURNED, ExportFormat.fromId("MP4-burned").orElseThrow());
        assertTrue(ExportFormat.fromId("avi").isEmpty());
        assertEquals(ExportFormat.Kind.VIDEO, ExportFormat.MP4_BURNED.kind());
        assertEquals("mp4", ExportFormat.MP4_BURNED.extension());
    }

    @Test
    void anEmptyTrackStillCarriesTheWarning() {
        Track empty = Track.of(Format.SRT, List.of()).withLanguage("it");
        for (ExportFormat f : List.of(ExportFormat.SRT, ExportFormat.VTT, ExportFormat.SBV, ExportFormat.TTML,
                ExportFormat.TXT, ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.JSON)) {
            Exported e = EXPORTER.export(empty, f);
            assertTrue(VERIFIER.verify(Path.of("e." + f.extension()), e.content()).stamped(), f.id());
            assertEquals("it", e.warning().language());
        }
    }
}
