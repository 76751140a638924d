package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CueTextTest {

    @Test
    void countsGraphemeClustersAsOneCharacterEach() {
        assertEquals(5, CueText.characters("hello"));
        assertEquals(4, CueText.characters("cafe\u0301"));            // e + combining acute
        assertEquals(1, CueText.characters("\uD83D\uDC4D\uD83C\uDFFD")); // thumbs up, skin tone
        assertEquals(1, CueText.characters("\uD83D\uDC69\u200D\uD83D\uDD2C")); // woman scientist (ZWJ)
        assertEquals(2, CueText.characters("\uD83C\uDDEC\uD83C\uDDE7\uD83C\uDDEB\uD83C\uDDF7")); // two flags
        assertEquals(1, CueText.characters("\u2764\uFE0F"));          // heart with variation selector
        assertEquals(2, CueText.characters("\u0915\u094D\u0937"));    // ka + virama, ssa (UAX 29 before 15.1)
        assertEquals(1, CueText.characters("\u00a0"));                // a no-break space is a character
        assertEquals(0, CueText.characters(""));
    }

    @Test
    void countsWordsWithALetterOrDigit() {
        assertEquals(0, CueText.words(""));
        assertEquals(3, CueText.words("one two\nthree"));
        assertEquals(2, CueText.words("- Yes. - No."));              // dialogue dashes are no words
        assertEquals(2, CueText.words("  20 kg  "));
    }

    @Test
    void formatsTimesAndLabels() {
        assertEquals("00:00:00,000", CueText.time(0));
        assertEquals("01:02:03,004", CueText.time(3_723_004));
        assertEquals("100:00:00,000", CueText.time(360_000_000));
        assertEquals("cue 12 (00:01:02,000)", CueText.label(11, 62_000));
    }

    @Test
    void namesTheExceptionalValuesAsTheFormatterDoes() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, -0.04, 0.05, 0.15, 0.25, 20.04,
                20.05, 1e20, Double.MIN_VALUE, Double.MAX_VALUE}) {
            assertEquals(CueTextProperties.formatted(v, 20), CueText.rate(v, 20), Double.toString(v));
        }
    }
}
