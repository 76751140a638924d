package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTagsTest {
    @Test
    void normalisesBcp47Forms() {
        assertEquals(Optional.of("en"), LanguageTags.parse("en"));
        assertEquals(Optional.of("en"), LanguageTags.parse("EN"));
        assertEquals(Optional.of("pt-BR"), LanguageTags.parse("pt-br"));
        assertEquals(Optional.of("pt-BR"), LanguageTags.parse("pt_BR"));
        assertEquals(Optional.of("zh-Hant"), LanguageTags.parse("zh-hant"));
        assertEquals(Optional.of("zh-Hant-TW"), LanguageTags.parse("zh-Hant-TW"));
        assertEquals(Optional.of("es-419"), LanguageTags.parse("es-419"));
        assertEquals(Optional.of("fil"), LanguageTags.parse("fil"));
    }

    @Test
    void foldsContainerCodesToBcp47() {
        assertEquals(Optional.of("en"), LanguageTags.fromContainer("eng"));
        assertEquals(Optional.of("es"), LanguageTags.fromContainer("spa"));
        assertEquals(Optional.of("de"), LanguageTags.fromContainer("ger"));
        assertEquals(Optional.of("de"), LanguageTags.fromContainer("deu"));
        assertEquals(Optional.of("fr"), LanguageTags.fromContainer("fre"));
        assertEquals(Optional.of("hy"), LanguageTags.fromContainer("hye"));
        assertEquals(Optional.empty(), LanguageTags.fromContainer("und"));
        assertEquals(Optional.empty(), LanguageTags.fromContainer("xyz"));
    }

    @Test
    void refusesWordsThatAreNoLanguage() {
        for (String word : new String[] {"talk", "final", "english", "one", "x", "en-", "e1", "mul", "zxx", ""}) {
            assertEquals(Optional.empty(), LanguageTags.parse(word), word);
        }
    }

    @Test
    void comparesSpokenLanguagesByPrimarySubtag() {
        assertTrue(LanguageTags.sameLanguage("en", "en-GB"));
        assertTrue(LanguageTags.sameLanguage("zh-Hant", "zh"));
        assertFalse(LanguageTags.sameLanguage("en", "es"));
        assertFalse(LanguageTags.sameLanguage("", "en"));
    }
}
