package io.capdex.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import io.capdex.caption.json.JsonWriter;
import io.capdex.caption.sbv.SbvWriter;
import io.capdex.caption.srt.SrtWriter;
import io.capdex.caption.ttml.TtmlWriter;
import io.capdex.caption.vtt.VttWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    private static final WarningTexts TEXTS = WarningTexts.shipped();
    private static final Exporter EXPORTER = new Exporter(TEXTS, ExportOptions.defaults());
    private static final Verifier VERIFIER = new Verifier(TEXTS);
    private static final List<ExportFormat> TEXT_FORMATS = List.of(ExportFormat.SRT, ExportFormat.VTT,
            ExportFormat.SBV, ExportFormat.TTML, ExportFormat.TXT, ExportFormat.HTML, ExportFormat.DOCX,
            ExportFormat.JSON);

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyExportedFormatIsStampedAndSaysWhere() throws IOException {
        Map<ExportFormat, List<String>> expected = Map.of(
                ExportFormat.SRT, List.of("cue 1 at 00:00:00"),
                ExportFormat.VTT, List.of("cue 1 at 00:00:00", "NOTE block"),
                ExportFormat.SBV, List.of("cue 1 at 00:00:00"),
                ExportFormat.TTML, List.of("cue 1 at 00:00:00", "ttm:desc"),
                ExportFormat.TXT, List.of("header"),
                ExportFormat.HTML, List.of("header"),
                ExportFormat.DOCX, List.of("first paragraph", "document description"),
                ExportFormat.JSON, List.of("warning field"));
        List<Path> paths = new ArrayList<>();
        for (ExportFormat f : TEXT_FORMATS) {
            Path p = write(SafeNames.exportName("stem-cell-donor", "en", io.capdex.caption.Source.ASR, f),
                    EXPORTER.export(StampTest.interview("en"), f, "A title").content());
            paths.add(p);
            VerifyResult v = VERIFIER.verify(p);
            assertEquals(new VerifyResult(p, f.id(), true, expected.get(f), "warning found"), v);
        }
        VerifyReport report = VERIFIER.verifyAll(paths);
        assertEquals(0, report.missing());
        assertTrue(report.allStamped());
    }

    @Test
    void unstampedFilesOfEveryFormatAreNotStamped() throws IOException {
        Track t = StampTest.interview("en");
        WriteOptions wo = WriteOptions.defaults();
        List<Path> paths = new ArrayList<>(List.of(
                write("a.srt", new SrtWriter().write(t, wo)),
                write("a.vtt", new VttWriter().write(t, List.of("Made with care."), wo)),
                write("a.sbv", new SbvWriter().write(t, wo)),
                write("a.ttml", new TtmlWriter().withDescription("An interview.").write(t, wo)),
                write("a.json", new JsonWriter().write(t, List.of())),
                write("a.txt", "Transcript\n\n[00:00:00] Hello, I am here with Grace.\n"),
                write("a.html", "<!DOCTYPE html><html lang=en><head><title>T</title></head><body><main><p>"
                        + "Hello</p></main></body></html>"),
                write("a.docx", docx("An interview", "[00:00:00] Hello"))));
        VerifyReport report = VERIFIER.verifyAll(paths);
        assertEquals(paths.size(), report.missing());
        assertEquals(List.of("srt", "vtt", "sbv", "ttml", "json", "txt", "html", "docx"),
                report.files().stream().map(VerifyResult::kind).toList());
        for (VerifyResult r : report.files()) {
            assertFalse(r.stamped(), r.toString());
            assertEquals(List.of(), r.where());
            assertTrue(r.detail().startsWith("no accepted warning text in "), r.detail());
        }
        assertEquals("no accepted warning text in the cues from 00:00:00 or a NOTE block",
                report.files().get(1).detail());
    }

    @Test
    void theWarningMustBeWhereReadersSeeIt() throws IOException {
        String en = TEXTS.textFor("en").text();
        // the warning as the last cue of a file is not a stamp
        Track late = StampTest.interview("en").withCues(List.of(Cue.of(0, 2000, "Hello"),
                Cue.of(30_000, 40_000, en)));
        assertFalse(VERIFIER.verify(write("late.srt", new SrtWriter().write(late))).stamped());
        // in a transcript's body, not its header
        assertFalse(VERIFIER.verify(write("late.txt", "Title\n\n[00:00:01] Hello.\n\n[00:00:05] " + en + "\n"))
                .stamped());
        // in an HTML page's invisible head or a script, not the page
        assertFalse(VERIFIER.verify(write("meta.html", "<html><head><meta name=description content=\"" + en
                + "\"></head><body><script>var w = \"" + en + "\";</script><main><p>Hi</p></main></body></html>"))
                .stamped());
        // a NOTE or TTML description alone counts, as the publisher's rule says
        Track plain = StampTest.interview("en");
        VerifyResult note = VERIFIER.verify(write("note.vtt", new VttWriter().write(plain, List.of(en),
                WriteOptions.defaults())));
        assertEquals(List.of("NOTE block"), note.where());
        VerifyResult desc = VERIFIER.verify(write("desc.ttml", new TtmlWriter().withDescription(en).write(plain)));
        assertEquals(List.of("ttm:desc"), desc.where());
        // HTML with entities and line breaks in the warning still matches
        VerifyResult html = VERIFIER.verify(write("e.html", "<body><div>" + en.replace("’", "&rsquo;")
                .replace(" the ", "\n  the ").replace("AI", "&#65;I") + "</div><main></main></body>"));
        assertEquals(List.of("header"), html.where());
    }

    @Test
    void acceptsTheWarningReEncodedAndReWrapped() throws IOException {
        String srt = EXPORTER.export(StampTest.interview("fr"), ExportFormat.SRT).text();
        byte[] utf16 = ("\uFEFF" + srt.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(List.of("cue 1 at 00:00:00"), VERIFIER.verify(write("fr16.srt", utf16)).where());
        // an editor joined the warning into one cue and re-broke its lines, typographic apostrophes made plain
        String fr = TEXTS.textFor("fr").text().replace('’', '\'');
        int at = fr.indexOf(' ', 55);
        String edited = "1\n00:00:00,000 --> 00:00:15,000\n" + fr.substring(0, at) + "\n" + fr.substring(at + 1)
                + "\n\n2\n00:00:15,000 --> 00:00:17,000\nBonjour.\n";
        assertTrue(VERIFIER.verify(write("edited.srt", edited)).stamped());
        // but a cut-short warning is not the warning
        String cut = "1\n00:00:00,000 --> 00:00:15,000\n" + fr.substring(0, at) + "\n\n";
        assertFalse(VERIFIER.verify(write("cut.srt", cut)).stamped());
    }

    @Test
    void theExportSelfCheckTellsStampedFromUnstampedContent() {
        Track t = StampTest.interview("en");
        for (ExportFormat f : TEXT_FORMATS) {
            assertTrue(VERIFIER.verifyExport(f, EXPORTER.export(t, f).content()).stamped(), f.id());
        }
        assertFalse(VERIFIER.verifyExport(ExportFormat.SRT, new SrtWriter().write(t).getBytes(StandardCharsets.UTF_8))
                .stamped());
        assertFalse(VERIFIER.verifyExport(ExportFormat.TXT, "[00:00:01] Hi\n".getBytes(StandardCharsets.UTF_8))
                .stamped());
    }

    @Test
    void everyLanguagesTextIsAccepted() throws IOException {
        for (WarningText w : TEXTS.all()) {
            Track t = StampTest.interview(w.language());
            Path srt = write("x." + w.language() + ".srt", EXPORTER.export(t, ExportFormat.SRT).content());
            Path docx = write("x." + w.language() + ".docx", EXPORTER.export(t, ExportFormat.DOCX).content());
            assertTrue(VERIFIER.verify(srt).stamped(), w.language());
            assertTrue(VERIFIER.verify(docx).stamped(), w.language());
            // a file stamped in one language is accepted whatever its captions' language
            Path mixed = write("y." + w.language() + ".vtt", EXPORTER.export(new Stamp(TEXTS).stamped(
                    StampTest.interview("en"), w, StampStyle.defaults()), ExportFormat.VTT).content());
            assertTrue(VERIFIER.verify(mixed).stamped(), w.language());
        }
    }

    @Test
    void aConfiguredTextIsAcceptedOnlyWhereConfigured() throws IOException {
        WarningTexts nl = WarningTexts.of("Zorg NL", Map.of("nl", "{org}: deze ondertitels zijn door AI gemaakt en "
                + "kunnen fouten bevatten."), Map.of());
        Path p = write("nl.srt", new Exporter(nl, ExportOptions.defaults()).export(StampTest.interview("nl"),
                ExportFormat.SRT).content());
        assertTrue(new Verifier(nl).verify(p).stamped());
        assertFalse(VERIFIER.verify(p).stamped());
    }

    @Test
    void unreadableAndForeignFilesAreResultsNotExceptions() throws IOException {
        VerifyReport r = VERIFIER.verifyAll(List.of(dir.resolve("missing.srt"),
                write("broken.docx", new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2}),
                write("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13})));
        assertEquals(3, r.missing());
        assertEquals("unreadable", r.files().get(0).kind());
        assertTrue(r.files().get(0).detail().startsWith("cannot read the file: "), r.files().get(0).detail());
        assertEquals("docx", r.files().get(1).kind());
        assertTrue(r.files().get(1).detail().startsWith("not a readable DOCX document: "), r.files().get(1).detail());
        assertEquals("image/png", r.files().get(2).kind());
    }

    @Test
    void videosAreVerifiedThroughTheMediaVerifier() throws IOException {
        Path mp4 = Path.of("samples/stem-cell-donor.mp4");
        VerifyResult none = VERIFIER.verify(mp4);
        assertEquals("mp4", none.kind());
        assertFalse(none.stamped());
        Track stamped = new Stamp(TEXTS).stamped(StampTest.interview("es"), StampStyle.mergedStyle());
        Track plain = StampTest.interview("en");
        MediaVerifier good = path -> new MediaSubtitles(Map.of("comment", TEXTS.textFor("en").text() + " Tracks: es"),
                List.of(new MediaSubtitles.SubtitleStream(2, "spa", "Spanish — Subtítulos generados por IA",
                        stamped.cues().stream().map(c -> c.shiftedBy(21)).toList())));
        VerifyResult ok = new Verifier(TEXTS, good).verify(mp4);
        assertEquals(List.of("container comment", "stream 2 (spa) cue 1 at 00:00:00"), ok.where());
        assertTrue(ok.stamped());
        MediaVerifier oneMissing = path -> new MediaSubtitles(Map.of(), List.of(
                new MediaSubtitles.SubtitleStream(2, "spa", null, stamped.cues()),
                new MediaSubtitles.SubtitleStream(3, "eng", null, plain.cues())));
        VerifyResult bad = new Verifier(TEXTS, oneMissing).verify(mp4);
        assertFalse(bad.stamped());
        assertEquals("no warning in the opening cues of subtitle stream 3 (eng)", bad.detail());
        MediaVerifier burned = path -> new MediaSubtitles(Map.of("description", TEXTS.textFor("en").text()),
                List.of());
        assertTrue(new Verifier(TEXTS, burned).verify(mp4).stamped());
    }

    @Test
    void theReportHasTheDesignedJsonShape() {
        VerifyReport r = VerifyReport.of(List.of(
                new VerifyResult(Path.of("out/a.srt"), "srt", true, List.of("cue 1 at 00:00:00"), "warning found"),
                new VerifyResult(Path.of("out/b.txt"), "txt", false, List.of(), "no accepted warning text")));
        assertEquals(1, r.missing());
        assertEquals("""
                {
                  "files" : [ {
                    "path" : "out/a.srt",
                    "kind" : "srt",
                    "stamped" : true,
                    "where" : [ "cue 1 at 00:00:00" ],
                    "detail" : "warning found"
                  }, {
                    "path" : "out/b.txt",
                    "kind" : "txt",
                    "stamped" : false,
                    "where" : [ ],
                    "detail" : "no accepted warning text"
                  } ],
                  "missing" : 1
                }
                """, r.toJson());
    }

    private static byte[] docx(String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write((OutputStream) out);
            return out.toByteArray();
        }
    }
}
