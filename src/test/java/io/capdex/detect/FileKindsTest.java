package io.capdex.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Format;
import io.capdex.detect.FileKind.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileKindsTest {
    private static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\nHello.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n";
    private static final String SRT_DOTS = "1\n00:00:01.000 --> 00:00:02.500\nHello.\n";
    private static final String VTT = "WEBVTT\n\n00:01.000 --> 00:02.500 align:start\nHello.\n";
    private static final String VTT_WITH_TEXT = "WEBVTT - interview 12\n\n00:01.000 --> 00:02.500\nHello.\n";
    private static final String SBV = "0:00:01.000,0:00:02.500\nHello.\n\n0:00:03.000,0:00:04.000\nBye.\n";
    private static final String ASS = "[Script Info]\nTitle: x\nScriptType: v4.00+\n\n[Events]\n"
            + "Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Hello.\n";
    private static final String JSON = "{\"format\":\"srt\",\"encoding\":\"UTF-8\",\"language\":\"en\",\"cues\":[]}";

    private static byte[] resource(String name) {
        try (InputStream in = FileKindsTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ttml(String namespace) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tt xmlns=\"" + namespace + "\" xml:lang=\"en\"><body><div>"
                + "<p begin=\"00:00:01.000\" end=\"00:00:02.000\">Hello.</p></div></body></tt>\n";
    }

    private static FileKind detect(String name, String text) {
        return FileKinds.detect(Path.of(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "filekinds/tiny.mp4, video/mp4, VIDEO",
        "filekinds/tiny.mp3, audio/mpeg, AUDIO",
        "filekinds/tiny.pdf, application/pdf, DOCUMENT",
        "filekinds/tiny.png, image/png, OTHER"})
    void detectsMediaAndDocumentsByContentAndName(String file, String mediaType, Kind kind) {
        FileKind k = FileKinds.detect(Path.of(file), resource(file));
        assertEquals(mediaType, k.mediaType());
        assertEquals(kind, k.kind());
        assertFalse(k.isText());
    }

    @Test
    void seesAVideoBehindACaptionExtension() {
        FileKind k = FileKinds.detect(Path.of("interview.srt"), resource("filekinds/tiny.mp4"));
        assertEquals(Kind.VIDEO, k.kind());
        assertTrue(k.mediaType().startsWith("video/"), k.mediaType());
    }

    @Test
    void readsTheHeadOfAFileOnDisk() throws IOException, URISyntaxException {
        Path pdf = Path.of(FileKindsTest.class.getResource("/filekinds/tiny.pdf").toURI());
        assertEquals(new FileKind("application/pdf", Kind.DOCUMENT, null), FileKinds.kindOf(pdf));
    }

    @ParameterizedTest
    @CsvSource({
        "a.srt, VTT", "a.vtt, VTT", "captions, VTT",
        "b.srt, VTT_WITH_TEXT",
        "a.txt, SBV", "a.srt, SBV", "a.sbv, SBV",
        "a.vtt, SRT", "a.txt, SRT", "noextension, SRT", "a.sbv, SRT",
        "a.srt, TTML", "a.txt, TTML", "a.xml, TTML",
        "a.txt, JSON", "a.srt, JSON"})
    void sniffsCaptionFormatFromContentWhateverTheExtension(String name, String sample) {
        String text = switch (sample) {
            case "VTT" -> VTT;
            case "VTT_WITH_TEXT" -> VTT_WITH_TEXT;
            case "SBV" -> SBV;
            case "SRT" -> SRT;
            case "TTML" -> ttml("http://www.w3.org/ns/ttml");
            case "JSON" -> JSON;
            default -> throw new IllegalArgumentException(sample);
        };
        Format expected = Format.valueOf(sample.replace("_WITH_TEXT", ""));
        assertEquals(Optional.of(expected), FileKinds.sniffCaptionFormat(name, text));
        FileKind kind = detect(name, text);
        assertEquals(Kind.CAPTION, kind.kind());
        assertEquals(CaptionSyntax.of(expected), kind.caption());
    }

    @ParameterizedTest
    @CsvSource({"http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1"})
    void recognisesEveryTtmlNamespace(String namespace) {
        assertEquals(Optional.of(Format.TTML), FileKinds.sniffCaptionFormat("captions.xml", ttml(namespace)));
        assertEquals(Kind.CAPTION, detect("captions.dfxp", ttml(namespace)).kind());
    }

    @Test
    void recognisesATtRootWithoutANamespaceAsTtml() {
        String text = "<tt><body><p begin=\"1s\" end=\"2s\">Hi</p></body></tt>";
        assertEquals(Optional.of(Format.TTML), FileKinds.sniffCaptionFormat("x", text));
    }

    @Test
    void otherXmlIsNotCaptions() {
        String text = "<?xml version=\"1.0\"?>\n<catalog><item>1</item></catalog>\n";
        assertEquals(Optional.empty(), FileKinds.sniffCaption("catalog.xml", text));
        assertEquals(Kind.TEXT, detect("catalog.xml", text).kind());
    }

    @Test
    void otherXmlNamedTtmlIsLeftToTheTtmlReader() {
        String text = "<?xml version=\"1.0\"?>\n<catalog/>\n";
        assertEquals(Optional.of(Format.TTML), FileKinds.sniffCaptionFormat("captions.ttml", text));
        assertEquals(Optional.of(Format.TTML), FileKinds.sniffCaptionFormat("captions.dfxp", text));
        assertEquals(Optional.empty(), FileKinds.sniffCaptionFormat("captions.srt", text));
    }

    @Test
    void dotMillisecondsWithoutHeaderAreVttOnlyWhenNamedSo() {
        assertEquals(Optional.of(Format.VTT), FileKinds.sniffCaptionFormat("a.vtt", SRT_DOTS));
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("a.srt", SRT_DOTS));
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("a", SRT_DOTS));
    }

    @Test
    void recognisesAssAsUnsupported() {
        assertEquals(Optional.of(CaptionSyntax.ASS), FileKinds.sniffCaption("a.srt", ASS));
        assertEquals(Optional.empty(), FileKinds.sniffCaptionFormat("a.srt", ASS));
        assertFalse(CaptionSyntax.ASS.isSupported());
        assertEquals("ASS/SSA", CaptionSyntax.ASS.displayName());
        FileKind k = detect("a.txt", ASS);
        assertEquals(Kind.CAPTION, k.kind());
        assertEquals(CaptionSyntax.ASS, k.caption());
    }

    @Test
    void timingFarDownAFileIsLeftToTikaFirst() {
        // a PDF (or anything Tika knows) that happens to hold a timing line is still what Tika says it is
        String pdfLike = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n2 0 obj\n(00:00:01,000 --> 00:00:02,000)\n";
        FileKind k = FileKinds.detect(Path.of("doc.pdf"), pdfLike.getBytes(StandardCharsets.US_ASCII));
        assertEquals("application/pdf", k.mediaType());
        assertEquals(Kind.DOCUMENT, k.kind());
        // CRLF and a leading blank line still count as an SRT opening
        FileKind srt = detect("notes.pdf", "\r\n" + SRT.replace("\n", "\r\n"));
        assertEquals(Kind.CAPTION, srt.kind());
    }

    @Test
    void bracketsOpenTextAsWellAsJson() {
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("a.txt", "[MUSIC]\n" + SRT));
        assertEquals(Optional.empty(), FileKinds.sniffCaptionFormat("a.txt", "{\"name\": \"not captions\"}"));
    }

    @Test
    void skipsBomAndBlankLinesBeforeTheSignature() {
        assertEquals(Optional.of(Format.VTT), FileKinds.sniffCaptionFormat("a", "\uFEFF\n\n" + VTT));
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("a", "\r\n\r\n" + SRT));
    }

    @Test
    void fallsBackToTheExtensionOnlyWhenContentSaysNothing() {
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("broken.srt", "no timing at all\n"));
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("empty.srt", ""));
        assertEquals(Optional.empty(), FileKinds.sniffCaptionFormat("notes.txt", "no timing at all\n"));
        assertEquals(Optional.of(CaptionSyntax.ASS), FileKinds.sniffCaption("x.ssa", "garbage"));
    }

    @Test
    void plainTextAndHtmlAreNotCaptions() {
        FileKind text = detect("notes.txt", "Interview notes.\nNothing timed here.\n");
        assertEquals(new FileKind("text/plain", Kind.TEXT, null), text);
        FileKind html = detect("page.html", "<!DOCTYPE html>\n<html><head><title>Dr. A</title></head>"
                + "<body><!-- 00:00:01,000 --> <p>Hi</p></body></html>\n");
        assertEquals(Kind.DOCUMENT, html.kind());
        assertEquals("text/html", html.mediaType());
    }

    @Test
    void recognisesUtf16SrtWithoutBomWhateverItsName() {
        byte[] utf16 = resource("encodings/es-utf-16le.srt");
        for (String name : new String[] {"captions", "captions.txt", "captions.srt"}) {
            FileKind k = FileKinds.detect(Path.of(name), utf16);
            assertEquals(Kind.CAPTION, k.kind(), name);
            assertEquals(CaptionSyntax.SRT, k.caption(), name);
            assertEquals("application/x-subrip", k.mediaType(), name);
        }
    }

    @Test
    void callsRandomBytesBinaryEvenWithACaptionName() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        FileKind k = FileKinds.detect(Path.of("x.srt"), noise);
        assertEquals(new FileKind("application/octet-stream", Kind.OTHER, null), k);
        assertTrue(FileKinds.looksBinary(noise));
    }

    @Test
    void callsNulsOnlyBinaryButKeepsTextWithNulPadding() {
        assertTrue(FileKinds.looksBinary(new byte[1024]));
        byte[] srt = SRT.getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(srt, srt.length + 4096);
        assertFalse(FileKinds.looksBinary(padded));
        assertEquals(Kind.CAPTION, FileKinds.detect(Path.of("x.srt"), padded).kind());
        byte[] sprinkled = SRT.replace("Hello", "Hel\0lo").getBytes(StandardCharsets.UTF_8);
        assertFalse(FileKinds.looksBinary(sprinkled));
    }

    @Test
    void sniffingLooksOnlyAtAPrefixOfHugeLines() {
        String line = "x".repeat(1_000_000);
        assertEquals(Optional.empty(), FileKinds.sniffCaption("a", line + "\n" + SRT));
        assertEquals(Optional.of(Format.SRT), FileKinds.sniffCaptionFormat("a", "x".repeat(300) + "\n" + SRT));
    }
}
