package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {
    @Test
    void usesTerminologyCodesForMp4AndBibliographicForMkv() {
        assertEquals("deu", LanguageCodes.forContainer("de", ContainerKind.MP4));
        assertEquals("ger", LanguageCodes.forContainer("de", ContainerKind.MKV));
        assertEquals("fra", LanguageCodes.forContainer("fr-CA", ContainerKind.MP4));
        assertEquals("fre", LanguageCodes.forContainer("fr", ContainerKind.MKV));
        assertEquals("por", LanguageCodes.forContainer("pt-BR", ContainerKind.MKV));
        assertEquals("zho", LanguageCodes.forContainer("zh_Hant", ContainerKind.MP4));
    }

    @Test
    void convertsBetweenForms() {
        assertEquals("ger", LanguageCodes.forContainer("deu", ContainerKind.MKV));
        assertEquals("deu", LanguageCodes.forContainer("ger", ContainerKind.MP4));
        assertEquals("de", LanguageCodes.toBcp47("ger"));
        assertEquals("es", LanguageCodes.toBcp47("spa"));
    }

    @Test
    void keepsUnlistedThreeLetterCodesAndMarksTheRestUndetermined() {
        assertEquals("haw", LanguageCodes.forContainer("haw", ContainerKind.MP4));
        assertEquals("und", LanguageCodes.forContainer("und", ContainerKind.MKV));
        assertEquals("und", LanguageCodes.forContainer("x-klingon", ContainerKind.MP4));
        assertEquals("und", LanguageCodes.forContainer("", ContainerKind.MP4));
    }
}
