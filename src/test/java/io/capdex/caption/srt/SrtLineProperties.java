package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Origin;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The reader's line table: lines end at LF, CRLF and CR, NULs are removed, and the line endings are named as
 * {@link Origin#lineEndingsOf} names them. The texts mix line ends with characters whose low byte looks like one
 * (U+010A, U+010D, U+0100), which the eight-at-a-time LF scan must check, and reach past its 16,384-character
 * blocks.
 */
class SrtLineProperties {
    /** The plain definition, as the oracle. */
    static List<String> oracle(String text) {
        String t = text.replace("\0", "");
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(t.substring(from, i));
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < t.length()) {
            lines.add(t.substring(from));
        }
        return lines;
    }

    @Property(tries = 3_000)
    void linesAreThoseOfThePlainDefinition(@ForAll("texts") String text) {
        SrtReader.Lines read = SrtReader.lines(text);
        assertEquals(oracle(text), read.lines());
        assertEquals(Origin.lineEndingsOf(text), read.endings());
    }

    @Property(tries = 40)
    void longTextsAcrossScanBlocks(@ForAll("longTexts") String text) {
        SrtReader.Lines read = SrtReader.lines(text);
        assertEquals(oracle(text), read.lines());
        assertEquals(Origin.lineEndingsOf(text), read.endings());
    }

    @Test
    void lookalikesOfLineEndsAreText() {
        // "č" is U+010D and "Ċ" U+010A: their low bytes are CR and LF
        SrtReader.Lines read = SrtReader.lines("1\n00:00:01,000 --> 00:00:02,000\nmáčka Ċ Ā\n");
        assertEquals(List.of("1", "00:00:01,000 --> 00:00:02,000", "máčka Ċ Ā"), read.lines());
        assertEquals("LF", read.endings());
        assertEquals(List.of("a", "b", "c"), SrtReader.lines("a\r\nb\0\nc").lines());
        assertEquals(List.of(), SrtReader.lines("").lines());
        assertEquals("none", SrtReader.lines("abc").endings());
    }

    /**
     * The split also notes which lines have no markup character, so that SrtMarkup skips looking: every line
     * that has one of {@code < { &} must still be looked at. (ļ, Ż and Ħ have the low bytes of '<', '{' and '&'.)
     */
    @Property(tries = 3_000)
    void everyLineWithMarkupIsLookedAt(@ForAll("markupTexts") String text) {
        assertLookedAtWhereMarkupIs(text);
    }

    @Property(tries = 40)
    void everyLineWithMarkupIsLookedAtAcrossScanBlocks(@ForAll("longMarkupTexts") String text) {
        assertLookedAtWhereMarkupIs(text);
    }

    private static void assertLookedAtWhereMarkupIs(String text) {
        List<String> lines = oracle(text);
        boolean[] looked = SrtReader.mayHaveMarkup(text);
        assertEquals(lines.size(), looked.length);
        for (int i = 0; i < looked.length; i++) {
            String line = lines.get(i);
            if (line.indexOf('<') >= 0 || line.indexOf('{') >= 0 || line.indexOf('&') >= 0) {
                assertTrue(looked[i], "line " + (i + 1) + " not looked at: " + line);
            }
        }
    }

    @Test
    void linesWithoutMarkupAreNotLookedAtWhenTheTextHasLfEndsOnly() {
        String text = "1\n00:00:01,000 --> 00:00:02,000\nplain words here\ntom & jerry <i>x</i>\n{\\an8}top ļŻĦ\n";
        assertArrayEquals(new boolean[] {false, false, false, true, true}, SrtReader.mayHaveMarkup(text));
        // a line ending with markup in the same eight characters as the line end, and one right after it
        assertArrayEquals(new boolean[] {true, false, true}, SrtReader.mayHaveMarkup("abc&\nxy\n<\n"));
        // texts with CR ends are split another way, which does not look: every line is looked at
        assertArrayEquals(new boolean[] {true, true}, SrtReader.mayHaveMarkup("plain\r\nwords\r\n"));
    }

    @Provide
    Arbitrary<String> markupTexts() {
        return Arbitraries.strings().withChars("ab \n\n\n\r\0<{&\u013c\u017b\u0126é1").ofMinLength(0).ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> longMarkupTexts() {
        // markup characters rare enough that most lines have none, and lines across the 16,384-character blocks
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz    \n\n\n<&{\u013c\u0126é")
                .ofMinLength(16_000).ofMaxLength(50_000);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab \n\n\n\r\0\u010a\u010d\u0100é1").ofMinLength(0).ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> longTexts() {
        // mostly LF-only texts (the fast scan's whole way), with a rare CR or NUL somewhere in them
        Arbitrary<String> lfOnly = Arbitraries.strings().withChars("abcdefghij \n\u010a\u010dé").ofMinLength(16_000)
                .ofMaxLength(50_000);
        Arbitrary<String> rare = Arbitraries.strings().withChars("abc \n\n\n\n\n\n\n\n\n\n\n\n\n\n\r\0").ofMinLength(16_000)
                .ofMaxLength(40_000);
        return Arbitraries.oneOf(lfOnly, lfOnly, rare);
    }
}
