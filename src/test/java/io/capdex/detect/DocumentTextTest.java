package io.capdex.detect;

import static io.capdex.detect.TestDocuments.document;
import static io.capdex.detect.TestDocuments.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.detect.DocumentException.Reason;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTextTest {
    private static final List<String> TURNS = List.of(
            "Interviewer: Welcome back. Today we talk about measurable residual disease with Dr Hakobyan.",
            "Dr Hakobyan: Thank you. MRD tells us how many leukaemia cells are left after treatment.",
            "Interviewer: How often is it measured?",
            "Dr Hakobyan: After each phase of treatment, and then every few months.");

    @TempDir
    Path dir;

    private static List<String> paragraphs(DocumentResult result) {
        return List.of(result.text().split("\n\n"));
    }

    private static void assertHasTurns(DocumentResult result) {
        List<String> paragraphs = paragraphs(result);
        int at = -1;
        for (String turn : TURNS) {
            int found = -1;
            for (int i = at + 1; i < paragraphs.size(); i++) {
                if (paragraphs.get(i).startsWith(turn)) {
                    found = i;
                    break;
                }
            }
            assertTrue(found > at, "no paragraph starting with \"" + turn + "\" (in order) in:\n" + result.text());
            at = found;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"transcript.docx", "transcript.odt", "transcript.pdf", "transcript.html"})
    void readsEachFormatAsParagraphs(String name) throws IOException {
        DocumentResult result = DocumentText.read(document(name));
        assertHasTurns(result);
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void readsDocxMetadataAndTableRows() throws IOException {
        DocumentResult result = DocumentText.read(document("transcript.docx"));
        assertEquals(DocumentText.DOCX, result.mediaType());
        assertEquals("MRD interview transcript", result.title());
        assertEquals("en-GB", result.language());
        assertTrue(paragraphs(result).contains("Term\tMeaning"), result.text());
        assertTrue(paragraphs(result).contains("MRD\tmeasurable residual disease"), result.text());
    }

    @Test
    void readsOdtMetadata() throws IOException {
        DocumentResult result = DocumentText.read(document("transcript.odt"));
        assertEquals(DocumentText.ODT, result.mediaType());
        assertEquals("MRD interview transcript", result.title());
        assertEquals("en-GB", result.language());
    }

    @Test
    void joinsPdfLinesIntoParagraphsAndDropsPageNumbers() throws IOException {
        DocumentResult result = DocumentText.read(document("transcript.pdf"));
        assertEquals(DocumentText.PDF, result.mediaType());
        assertEquals("MRD interview transcript", result.title());
        assertEquals(List.of(
                "Interviewer: Welcome back. Today we talk about measurable residual disease with Dr Hakobyan.",
                "Dr Hakobyan: Thank you. MRD tells us how many leukaemia cells are left after treatment. A negative "
                        + "result means we found fewer than one in a million.",
                "Interviewer: How often is it measured?",
                "Dr Hakobyan: After each phase of treatment, and then every few months."), paragraphs(result));
    }

    @Test
    void readsOnlyTheArticleOfAWebPage() throws IOException {
        DocumentResult result = DocumentText.read(document("transcript.html"));
        assertEquals(DocumentText.HTML, result.mediaType());
        assertEquals("en-GB", result.language());
        assertEquals("Transcript: MRD explained | Patient Voices", result.title());
        String text = result.text();
        assertTrue(text.startsWith("MRD explained: the full transcript\n\n"), text);
        for (String noise : List.of("cookies", "Home", "Videos", "this script", "injected", "Share this",
                "reader's comment", "Your comment", "pull quote", "Related", "edited by", "©", "p { margin")) {
            assertFalse(text.contains(noise), "\"" + noise + "\" in:\n" + text);
        }
        // a <br> inside a paragraph is a line break; the non-breaking space is a space
        assertTrue(text.contains("after treatment.\nA negative result"), text);
        assertTrue(text.contains("with Dr Hakobyan."), text);
    }

    @Test
    void readsTheSamplePageWithoutNavigationOrFooter() throws IOException {
        DocumentResult result = DocumentText.read(sample("cart-therapy.html"));
        String text = result.text();
        assertTrue(text.startsWith("CAR-T cell therapy explained (Spanish, with English subtitles)"), text);
        assertTrue(text.contains("Servicio de Hematología, Hospital Universitario de Valdemora"), text);
        for (String noise : List.of("We use cookies", "Conditions A–Z", "Search our site", "Home ›", "Facebook",
                "More video interviews", "Was this page helpful", "dataLayer")) {
            assertFalse(text.contains(noise), "\"" + noise + "\" in:\n" + text);
        }
    }

    @Test
    void readsTheSampleTranscriptDocx() throws IOException {
        DocumentResult result = DocumentText.read(sample("cart-therapy.transcript.docx"));
        assertEquals("es-ES", result.language());
        List<String> paragraphs = paragraphs(result);
        assertEquals(9, paragraphs.size(), result.text());
        assertTrue(paragraphs.get(0).startsWith("Entrevistadora: Hola y bienvenidos a Voces de Pacientes."));
        assertTrue(paragraphs.get(3).startsWith("Dr. Álvarez: Primero se recogen los linfocitos"));
        assertEquals("Entrevistadora: ¡Muchas gracias, doctor Álvarez!", paragraphs.get(8));
    }

    @Test
    void readsTextThroughTheCharsetDecoder() throws IOException {
        Path latin = Files.write(dir.resolve("t.txt"),
                "Entrevistadora: ¿Cómo está?\r\n\r\nDr. Álvarez: Muy bien.\r\n".getBytes(Charset.forName("windows-1252")));
        DocumentResult result = DocumentText.read(latin);
        assertEquals("text/plain", result.mediaType());
        assertEquals("Entrevistadora: ¿Cómo está?\n\nDr. Álvarez: Muy bien.", result.text());
        assertNull(result.title());
    }

    @Test
    void warnsAboutInvalidBytesInText() throws IOException {
        byte[] bytes = "Interviewer: caf\u00e9 ol\u00e9 na\u00efve \u00e0 la carte\n\nbad \u00ff here"
                .getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 6] = (byte) 0xFF; // one stray byte in otherwise valid UTF-8
        DocumentResult result = DocumentText.read(Files.write(dir.resolve("bad.txt"), bytes));
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).contains("line 3"), result.warnings().toString());
    }

    @Test
    void readsTheSampleTextTranscript() throws IOException {
        DocumentResult result = DocumentText.read(sample("all-remission.transcript.txt"));
        assertEquals(9, paragraphs(result).size());
        assertEquals("Interviewer: Thank you, Dr Hakobyan.", paragraphs(result).get(8));
    }

    @Test
    void refusesADocxThatIsAZipBomb() throws IOException {
        // 200 MB of text in one paragraph, ~200 KB on disk: Tika's DOCX reader would hold the whole run in memory
        Path bomb = TestDocuments.docx(dir.resolve("bomb.docx"), "a", 200L * 1024 * 1024);
        assertTrue(Files.size(bomb) < 1_100_000, "bomb is " + Files.size(bomb) + " bytes");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(bomb));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(bomb.toString())
                + ": looks like a zip bomb \\(word/document.xml expands from [\\d,]+ bytes to more than [\\d,]+ "
                + "bytes\\); not read"), e.getMessage());
    }

    @Test
    void refusesADocxWithMoreTextThanTheLimit() throws IOException {
        // ordinary, varied text (not a bomb by its ratio), just more of it than allowed
        Path big = TestDocuments.docx(dir.resolve("big.docx"), "The quick brown fox jumps over the lazy dog. ",
                2_000);
        assertEquals(90_000, DocumentText.read(big).text().length() + 1);
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(big, 50_000));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals(big + ": more than 50,000 characters of text; not read (a limit against zip bombs and runaway "
                + "documents)", e.getMessage());
    }

    @Test
    void refusesAZipOfZerosNamedDocx() throws IOException {
        Path zip = TestDocuments.zipOfZeros(dir.resolve("zeros.docx"), 64L * 1024 * 1024);
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(zip));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertEquals(zip + ": named .docx but is not a DOCX document (its content is a ZIP archive without a Word "
                + "document in it)", e.getMessage());
    }

    @Test
    void refusesATextFileNamedDocx() {
        Path path = document("not-a-docx.docx");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(path));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertEquals(path + ": named .docx but is not a DOCX document (its content is plain text)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.pdf", "image-only.pdf"})
    void saysAPdfWithoutTextHasNoText(String name) {
        Path path = document(name);
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(path));
        assertEquals(Reason.NO_TEXT, e.reason());
        assertEquals(path + ": no text found (image-only PDF?)", e.getMessage());
    }

    @Test
    void refusesAnEncryptedPdf() {
        Path path = document("encrypted.pdf");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(path));
        assertEquals(Reason.ENCRYPTED, e.reason());
        assertEquals(path + ": encrypted (password-protected) PDF; capdex cannot read it", e.getMessage());
    }

    @Test
    void refusesAnEncryptedDocx() {
        Path path = document("encrypted.docx");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(path));
        assertEquals(Reason.ENCRYPTED, e.reason());
        assertEquals(path + ": encrypted (password-protected) DOCX; capdex cannot read it", e.getMessage());
    }

    @Test
    void readsAPdfWithOnlyAnOwnerPassword() throws IOException {
        assertEquals("Interviewer: This transcript is protected.",
                DocumentText.read(document("owner-password.pdf")).text());
    }

    @Test
    void saysATruncatedPdfIsNotReadable() {
        Path path = document("truncated.pdf");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(path));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().startsWith(path + ": not a readable PDF file ("), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void reportsMissingEmptyAndDirectoryPaths() throws IOException {
        Path missing = dir.resolve("missing.docx");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertEquals(Reason.UNREADABLE, e.reason());

        Path empty = Files.createFile(dir.resolve("empty.txt"));
        e = assertThrows(DocumentException.class, () -> DocumentText.read(empty));
        assertEquals(empty + ": empty file; no text found", e.getMessage());
        assertEquals(Reason.NO_TEXT, e.reason());

        e = assertThrows(DocumentException.class, () -> DocumentText.read(dir));
        assertEquals(dir + ": is a directory, not a document", e.getMessage());
    }

    @Test
    void saysBlankTextHasNoText() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.txt"), " \n\t\n  \n");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(blank));
        assertEquals(blank + ": no text found (only white space)", e.getMessage());
    }

    @Test
    void readsAnHtmlFragmentByItsName() throws IOException {
        Path fragment = Files.writeString(dir.resolve("fragment.html"),
                "<!-- exported from the CMS -->\n<p>Interviewer: Hello &amp; welcome.</p><nav>Menu</nav>\n");
        DocumentResult result = DocumentText.read(fragment);
        assertEquals("text/html", result.mediaType());
        assertEquals("Interviewer: Hello & welcome.", result.text());
    }

    @Test
    void readsDocumentsFromManyThreadsAtOnce() throws Exception {
        List<Path> paths = List.of(document("transcript.docx"), document("transcript.pdf"),
                document("transcript.odt"), document("transcript.html"), sample("cart-therapy.html"));
        List<String> expected = new java.util.ArrayList<>();
        for (Path path : paths) {
            expected.add(DocumentText.read(path).text());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Path path : paths) {
                    futures.add(pool.submit(() -> DocumentText.read(path).text()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % paths.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesOtherTypes() {
        Path video = sample("cart-therapy.mp4");
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentText.read(video));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertEquals(video + ": unsupported document type video/mp4 (capdex reads TXT, DOCX, PDF, ODT and HTML)",
                e.getMessage());
    }
}
