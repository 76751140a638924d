package io.capdex.detect;

import static io.capdex.detect.TestDocuments.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptSourceTest {
    private static final List<String> TURNS = List.of(
            "Interviewer: Welcome back. Today we talk about measurable residual disease with Dr Hakobyan.",
            "Dr Hakobyan: Thank you. MRD tells us how many leukaemia cells are left after treatment. A negative "
                    + "result means we found fewer than one in a million.",
            "Interviewer: How often is it measured?",
            "Dr Hakobyan: After each phase of treatment, and then every few months.");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"transcript.docx", "transcript.odt", "transcript.pdf", "transcript.html"})
    void givesTheSameTurnsFromEveryFormat(String name) throws IOException {
        List<String> paragraphs = List.of(TranscriptSource.read(document(name)).split("\n\n"));
        int first = paragraphs.indexOf(TURNS.get(0));
        assertEquals(TURNS, paragraphs.subList(first, first + TURNS.size()), String.join("\n\n", paragraphs));
    }

    @Test
    void readsATwoColumnTableAsSpeakerTurns() throws IOException {
        List<String> paragraphs = List.of(TranscriptSource.read(document("transcript.docx")).split("\n\n"));
        assertEquals("MRD: measurable residual disease", paragraphs.get(paragraphs.size() - 1));
    }

    @Test
    void joinsHardWrappedLinesAndStartsAParagraphAtEachSpeaker() throws IOException {
        Path txt = Files.writeString(dir.resolve("t.txt"), "Interviewer: Welcome to the\nprogramme.\n"
                + "Dr. Álvarez: Gracias por\r\ninvitarme.\n\n\n  Interviewer:   Thank\u00A0you.  \n");
        assertEquals("Interviewer: Welcome to the programme.\n\nDr. Álvarez: Gracias por invitarme.\n\n"
                + "Interviewer: Thank you.", TranscriptSource.read(txt));
    }

    @Test
    void removesSoftHyphensAndZeroWidthCharactersAndComposesAccents() {
        assertEquals("Dr Álvarez: leucemia linfoblástica",
                TranscriptSource.normalise("Dr A\u0301lvarez: leu\u00ADcemia\u200B linfobla\u0301stica"));
    }

    @Test
    void keepsTabsOfWiderTablesAsSpaces() {
        assertEquals("00:01:02 Interviewer Hello.", TranscriptSource.normalise("00:01:02\tInterviewer\tHello."));
    }

    @Test
    void failsLikeDocumentText() {
        Path path = document("image-only.pdf");
        DocumentException e = assertThrows(DocumentException.class, () -> TranscriptSource.read(path));
        assertEquals(path + ": no text found (image-only PDF?)", e.getMessage());
    }
}
