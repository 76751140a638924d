package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpokenFormsTest {

    @Test
    void spellsNumbersInEnglishAndSpanish() {
        assertEquals("zero", SpokenForms.english(0));
        assertEquals("nineteen", SpokenForms.english(19));
        assertEquals("fortytwo", SpokenForms.english(42));
        assertEquals("onehundred", SpokenForms.english(100));
        assertEquals("veintidós", SpokenForms.spanish(22));
        assertEquals("treintayuno", SpokenForms.spanish(31));
        assertEquals("noventa", SpokenForms.spanish(90));
        assertEquals("cien", SpokenForms.spanish(100));
    }

    @Test
    void knowsNumbersPercentAndCodesSaidAsWords() {
        assertTrue(SpokenForms.equivalent("5", "fivepercent"));
        assertTrue(SpokenForms.equivalent("90", "noventaporciento"));
        assertTrue(SpokenForms.equivalent("cd19", "cdnineteen"));
        assertTrue(SpokenForms.equivalent("twentyone", "21"));
        assertFalse(SpokenForms.equivalent("5", "six"));
        assertFalse(SpokenForms.equivalent("1000", "onethousand")); // above 100: only the digits
    }

    @Test
    void findsMisheardWordsBySpellingOrSound() {
        assertTrue(SpokenForms.similar("leukemia", "lookemia"));
        assertTrue(SpokenForms.similar("blinatumomab", "blinatomomab"));
        assertTrue(SpokenForms.similar("chemotherapy", "keemotherapy"));
        assertEquals(SpokenForms.key("leukemia"), SpokenForms.key("lukemia"));
        assertFalse(SpokenForms.similar("the", "a"));
        assertFalse(SpokenForms.similar("hospital", "morning"));
    }
}
