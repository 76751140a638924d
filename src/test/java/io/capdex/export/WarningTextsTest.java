package io.capdex.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.config.Config;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarningTextsTest {
    private static final String EN = "Know ALL cannot guarantee the accuracy of the automatic subtitles and "
            + "translations as AI is used for their creation. Please be advised to exercise caution when precise "
            + "interpretation is required.";

    @Test
    void shipsSixLanguagesNamingKnowAll() {
        WarningTexts t = WarningTexts.shipped();
        assertEquals("Know ALL", t.organisation());
        assertEquals(Set.of("en", "es", "fr", "de", "it", "pt"), t.languages());
        assertEquals(new WarningText("en", EN, false), t.textFor("en"));
        assertEquals("Know ALL no puede garantizar la exactitud de los subtítulos y las traducciones automáticos, "
                + "ya que se crean con inteligencia artificial (IA). Le recomendamos actuar con precaución cuando se "
                + "requiera una interpretación precisa.", t.textFor("es").text());
        assertTrue(t.textFor("fr").text().startsWith("Know ALL ne peut pas garantir l’exactitude"));
        assertTrue(t.textFor("de").text().contains("künstlicher Intelligenz (KI)"));
        assertTrue(t.textFor("it").text().endsWith("un’interpretazione precisa."));
        assertTrue(t.textFor("pt").text().startsWith("Know ALL não pode garantir a exatidão"));
        for (WarningText w : t.all()) {
            assertFalse(w.text().contains("{org}"), w.language());
            assertFalse(w.fellBack());
        }
        assertEquals(6, t.all().size());
    }

    @Test
    void shipsTheShortLabels() {
        WarningTexts t = WarningTexts.shipped();
        assertEquals("AI-generated subtitles", t.labelFor("en").text());
        assertEquals("Subtítulos generados por IA", t.labelFor("es").text());
        assertEquals("Sous-titres générés par IA", t.labelFor("fr").text());
        assertEquals("KI-generierte Untertitel", t.labelFor("de").text());
        assertEquals("Sottotitoli generati dall’IA", t.labelFor("it").text());
        assertEquals("Legendas geradas por IA", t.labelFor("pt").text());
    }

    @Test
    void regionalTagsUseTheirLanguageAndOthersFallBackToEnglishFlagged() {
        WarningTexts t = WarningTexts.shipped();
        assertEquals(new WarningText("pt", t.textFor("pt").text(), false), t.textFor("pt-BR"));
        assertEquals("es", t.textFor("ES_mx").language());
        assertEquals(new WarningText("en", EN, true), t.textFor("nl"));
        assertEquals(new WarningText("en", EN, true), t.textFor("und"));
        assertEquals(new WarningText("en", "AI-generated subtitles", true), t.labelFor("ja"));
    }

    @Test
    void configuredTextsAddLanguagesReplaceTextsAndNameTheOrganisation() {
        WarningTexts t = WarningTexts.of("Example Health", Map.of("nl", "{org} kan niets garanderen.",
                "EN", "Made by AI at {org}; check before you quote."), Map.of("nl", "AI-ondertitels"));
        assertEquals(new WarningText("nl", "Example Health kan niets garanderen.", false), t.textFor("nl-BE"));
        assertEquals("Made by AI at Example Health; check before you quote.", t.textFor("en").text());
        assertEquals("AI-ondertitels", t.labelFor("nl").text());
        assertTrue(t.textFor("de").text().startsWith("Example Health kann die Richtigkeit"));
        assertEquals(7, t.all().size());
        assertEquals(new WarningText("en", "Made by AI at Example Health; check before you quote.", true),
                t.textFor("ja"));
    }

    @Test
    void theConfigurationFeedsTheTexts() throws Exception {
        Config c = Config.parse("organisation: Example Health\nwarning:\n  texts:\n    nl: \"{org} waarschuwt.\"\n",
                "capdex.yaml");
        WarningTexts t = WarningTexts.of(c.organisation(), c.warningTexts(), c.warningLabels());
        assertEquals("Example Health waarschuwt.", t.textFor("nl").text());
        assertTrue(t.textFor("en").text().startsWith("Example Health cannot guarantee"));
    }

    @Test
    void refusesUnusableConfiguration() {
        assertEquals("the organisation name must be one non-blank line, not ' '",
                assertThrows(IllegalArgumentException.class, () -> WarningTexts.of(" ", Map.of(), Map.of()))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> WarningTexts.of("A\nB", Map.of(), Map.of()));
        assertEquals("'en_GB' is not a language tag (like en, pt-BR) for a warning text", assertThrows(IllegalArgumentException.class,
                () -> WarningTexts.of("X", Map.of("en_GB", "t"), Map.of())).getMessage());
        assertEquals("the warning text for 'nl' is blank", assertThrows(IllegalArgumentException.class,
                () -> WarningTexts.of("X", Map.of("nl", "  "), Map.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WarningTexts.of("X", Map.of("nl", "a --> b"), Map.of()));
        assertEquals("the warning text for 'nl' holds a control character, which caption formats cannot carry",
                assertThrows(IllegalArgumentException.class, () -> WarningTexts.of("X", Map.of("nl", "a\0b"),
                        Map.of())).getMessage());
        assertEquals("a b c", WarningTexts.of("X", Map.of("nl", "a\n b\tc"), Map.of()).textFor("nl").text());
    }

    @Test
    void normalisesWhatPlayersAndEditorsChange() {
        assertEquals("l'exactitude des \"sous-titres\"", WarningTexts.normalise(" l’exactitude\u00A0des\n“Sous-Titres”  "));
        assertEquals(WarningTexts.normalise(EN), WarningTexts.normalise(EN.replace(" the ", "\n the\t")));
        assertEquals("", WarningTexts.normalise(" \n "));
        List<String> all = WarningTexts.shipped().all().stream().map(w -> WarningTexts.normalise(w.text())).toList();
        assertEquals(6, Set.copyOf(all).size());
    }
}
