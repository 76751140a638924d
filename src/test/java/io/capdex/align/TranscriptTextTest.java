package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

    private static List<String> speakers(TranscriptText t) {
        return t.paragraphs().stream().map(p -> String.valueOf(p.speaker())).toList();
    }

    @Test
    void readsSpeakerLabelsAndKeepsThemOutOfTheWords() {
        TranscriptText t = TranscriptText.parse("""
                Interviewer: How did it start?
                Dr Hakobyan: With a fever.
                It did not go away.

                INTERVIEWER: And then?
                Dr. Ana de la Cruz: Then the test.
                Q: Was it hard?
                A: Yes.
                """);
        assertEquals(List.of("Interviewer", "Dr Hakobyan", "INTERVIEWER", "Dr. Ana de la Cruz", "Q",
                "A"), speakers(t));
        assertEquals(List.of("how", "did", "it", "start", "with", "a", "fever", "it", "did", "not", "go", "away",
                "and", "then", "then", "the", "test", "was", "it", "hard", "yes"), t.words());
        assertEquals(List.of("With", "a", "fever.", "It", "did", "not", "go", "away."),
                t.paragraphs().get(1).tokens().stream().map(TranscriptText.Token::text).toList());
    }

    @Test
    void aSingleCapitalisedWordBeforeAColonIsNotASpeakerUnlessItRecurs() {
        TranscriptText once = TranscriptText.parse("Note: the dose was halved.\nShe slept.");
        assertNull(once.paragraphs().get(0).speaker());
        assertEquals("note", once.words().get(0));
        TranscriptText twice = TranscriptText.parse("Maya: I was scared.\n\nMaya: Now I am not.");
        assertEquals(List.of("Maya", "Maya"), speakers(twice));
        assertEquals(List.of("i", "was", "scared", "now", "i", "am", "not"), twice.words());
    }

    @Test
    void timesAndSentencesWithColonsAreNotLabels() {
        TranscriptText t = TranscriptText.parse("At 10:30 we met.\nSo I said: wait.");
        assertTrue(t.paragraphs().stream().allMatch(p -> p.speaker() == null));
        assertEquals(List.of("at", "10", "30", "we", "met", "so", "i", "said", "wait"), t.words());
    }

    @Test
    void bracketedNotesAreShownButNotSpoken() {
        TranscriptText t = TranscriptText.parse("Entrevistadora: Bueno [se ríe] sí.\r\n\r\nDra. Ruiz: Claro.");
        assertEquals(List.of("bueno", "sí", "claro"), t.words());
        assertEquals(List.of("Entrevistadora", "Dra. Ruiz"), speakers(t));
        assertEquals(4, t.paragraphs().get(0).tokens().size());
    }

    @Test
    void emptyTextHasNoWords() {
        assertTrue(TranscriptText.parse("").isEmpty());
        assertTrue(TranscriptText.parse("\n \n[music]\n").isEmpty());
        assertEquals(0, TranscriptText.parse("   ").paragraphs().size());
    }
}
