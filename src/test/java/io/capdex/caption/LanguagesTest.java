package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {
    @Test
    void everyCodeOfEveryLanguageLeadsBackToIt() {
        for (Language language : Languages.all()) {
            for (String code : new String[] {language.tag(), language.iso639Part3(), language.iso639Part2T(),
                    language.iso639Part2B(), language.tag().toUpperCase(java.util.Locale.ROOT)}) {
                Language found = Languages.byCode(code).orElseThrow(() -> new AssertionError("no " + code));
                // Cantonese shares Chinese's ISO 639-2 codes (639-2 has no Cantonese); those lead to Chinese
                if (!language.tag().equals("yue") || code.equals("yue") || code.equals("YUE")) {
                    assertEquals(language, found, code);
                }
            }
            assertEquals(language.tag(), Languages.toTag(language.iso639Part3()));
            assertEquals(language.iso639Part2T(), Languages.mp4Code(language.tag()));
            assertEquals(language.iso639Part2B(), Languages.mkvCode(language.tag()));
        }
    }

    @Test
    void coversTheCommonLanguagesOnceEach() {
        assertTrue(Languages.all().size() >= 41, Languages.all().size() + " languages");
        Set<String> tags = new HashSet<>();
        Set<String> part3 = new HashSet<>();
        for (Language language : Languages.all()) {
            assertTrue(tags.add(language.tag()), "twice: " + language.tag());
            assertTrue(part3.add(language.iso639Part3()), "twice: " + language.iso639Part3());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "hy, hye, hye, arm",
            "de, deu, deu, ger",
            "fr, fra, fra, fre",
            "en, eng, eng, eng",
            "es, spa, spa, spa",
            "nl, nld, nld, dut",
            "zh, zho, zho, chi",
            "el, ell, ell, gre",
    })
    void mapsTheCodesContainersUse(String tag, String part3, String mp4, String mkv) {
        Language language = Languages.byCode(tag).orElseThrow();
        assertEquals(part3, language.iso639Part3());
        assertEquals(mp4, Languages.mp4Code(tag));
        assertEquals(mkv, Languages.mkvCode(tag));
        assertEquals(tag, Languages.toTag(mkv));
        assertEquals(tag, Languages.toTag(mp4));
    }

    @ParameterizedTest
    @CsvSource({
            "cmn, zh",
            "pes, fa",
            "zsm, ms",
            "lvs, lv",
            "ekk, et",
            "swh, sw",
            "arb, ar",
            "arm, hy",
            "HYE, hy",
            "pt_br, pt-BR",
            "por-BR, pt-BR",
            "es-419, es-419",
            "zh-Hant-TW, zh-Hant-TW",
            "ger-AT, de-AT",
            "haw, haw",
            "und, und",
            "'', und",
            "x, und",
            "123, und",
            "en-GB-oxendict, en-GB",
    })
    void foldsAnyCodeIntoATag(String code, String tag) {
        assertEquals(tag, Languages.toTag(code));
    }

    @Test
    void knowsNothingOfUnknownCodes() {
        assertEquals(Optional.empty(), Languages.byCode("und"));
        assertEquals(Optional.empty(), Languages.byCode("xx"));
        assertEquals("und", Languages.mp4Code("tlh"));
        assertEquals("und", Languages.mkvCode(""));
    }

    @Test
    void readsTheRegionOfATagAsItsLanguage() {
        assertEquals("por", Languages.mp4Code("pt-BR"));
        assertEquals("ger", Languages.mkvCode("de-CH"));
        assertEquals("spa", Languages.mkvCode("es_419"));
    }
}
