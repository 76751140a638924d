package io.capdex.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|eng|Remission means we can no longer see leukaemia cells in the blood or bone marrow.",
            "es|spa|Es un tratamiento que usa los propios linfocitos T del paciente, que se modifican en el laboratorio.",
            "fr|fra|La rémission signifie que nous ne voyons plus de cellules leucémiques dans le sang.",
            "de|deu|Remission bedeutet, dass wir keine Leukämiezellen mehr im Blut oder Knochenmark sehen.",
            "it|ita|La remissione significa che non vediamo più cellule leucemiche nel sangue o nel midollo.",
            "pt|por|Remissão significa que já não vemos células de leucemia no sangue nem na medula óssea.",
            "hy|hye|Ռեմիսիան նշանակում է, որ մենք այլևս չենք տեսնում լեյկեմիայի բջիջներ արյան կամ ոսկրածուծի մեջ։",
    })
    void detectsTheLanguageOfAParagraph(String tag, String iso639Part3, String text) {
        LanguageGuess guess = LanguageDetector.detect(text).orElseThrow();
        assertEquals(tag, guess.tag(), guess.ranked().subList(0, 3).toString());
        assertEquals(iso639Part3, guess.ranked().get(0).iso639Part3());
    }

    @Test
    void ranksAlternativesBestFirstOncePerTag() {
        LanguageGuess guess = LanguageDetector.detect(
                "Primero se recogen los linfocitos de la sangre mediante aféresis, que dura unas horas.").orElseThrow();
        List<LanguageGuess.RankedLanguage> ranked = guess.ranked();
        assertTrue(ranked.size() > 10, ranked.size() + " alternatives");
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < ranked.size(); i++) {
            assertTrue(tags.add(ranked.get(i).tag()), "twice: " + ranked.get(i).tag());
            if (i > 0) {
                assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score(), ranked.subList(i - 1, i + 1).toString());
            }
        }
        assertEquals(guess.score(), ranked.get(0).score());
        assertTrue(guess.score() > ranked.get(1).score());
    }

    @Test
    void detectsTheSampleTranscripts() throws IOException {
        assertEquals("en", LanguageDetector.detect(
                TranscriptSource.read(TestDocuments.sample("all-remission.transcript.txt"))).orElseThrow().tag());
        assertEquals("es", LanguageDetector.detect(
                TranscriptSource.read(TestDocuments.sample("cart-therapy.transcript.docx"))).orElseThrow().tag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Thank you.", "Gracias, doctor.", "00:00:01,000 --> 00:00:02,000 12345 ?!",
            "Շնորհակալություն"})
    void givesNoGuessForTooFewLetters(String text) {
        assertEquals(Optional.empty(), LanguageDetector.detect(text));
    }
}
