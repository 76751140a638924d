package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AsciiBufferTest {
    private static final boolean[] AMPERSAND = new boolean[0x80];

    static {
        AMPERSAND['&'] = true;
    }

    @Test
    void textOfAsciiWithoutStopsIsCopied() {
        AsciiBuffer b = new AsciiBuffer();
        assertTrue(b.appendText("What is remission?", AMPERSAND));
        assertTrue(b.appendText(" ¿no?".substring(2), AMPERSAND));
        assertEquals("What is remission?no?", b.toString());
    }

    @Test
    void textWithAStopOrAWiderCharacterIsRefusedAndNothingAppended() {
        AsciiBuffer b = new AsciiBuffer();
        b.append("x");
        // é is Latin-1 but not ASCII; Ł (U+0141) and Ħ (U+0126) have the low bytes of 'A' and '&'; 日 and the
        // emoji are written as '?' by a Latin-1 encoding, which must not pass for a question mark
        String[] refused = {"tom & jerry", "café", "Łódź", "Ħ", "日本?", "ok \uD83D\uDE00", "?\u0141"};
        for (String text : refused) {
            assertFalse(b.appendText(text, AMPERSAND), text);
            assertEquals("x", b.toString(), text);
        }
    }

    @Test
    void largeTextGrowsTheBuffer() {
        AsciiBuffer b = new AsciiBuffer();
        String text = "word ".repeat(10_000);
        assertTrue(b.appendText(text, AMPERSAND));
        assertTrue(b.appendText(text, AMPERSAND));
        assertEquals(text + text, b.toString());
    }

    @Test
    void numbersTimesAndLiterals() {
        AsciiBuffer b = new AsciiBuffer();
        b.appendNumber(0).append("\n").appendNumber(Integer.MAX_VALUE).append(" ").appendTime(3_723_004, 2, ',');
        b.append("|").appendTime(360_000_000_000L, 1, '.');
        assertEquals("0\n2147483647 01:02:03,004|100000:00:00.000", b.toString());
        assertThrows(IllegalArgumentException.class, () -> b.append("é"));
        assertThrows(IllegalArgumentException.class, () -> b.appendNumber(-1));
        assertThrows(IllegalArgumentException.class, () -> b.appendTime(-1, 2, ','));
        assertThrows(IllegalArgumentException.class, () -> b.appendTime(0, 2, '·'));
    }

    @Test
    void lengthCharAtAndCuttingBack() {
        AsciiBuffer b = new AsciiBuffer();
        b.append("abc");
        assertEquals(3, b.length());
        assertEquals('c', b.charAt(2));
        assertThrows(IndexOutOfBoundsException.class, () -> b.charAt(3));
        b.setLength(1);
        assertEquals("a", b.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> b.setLength(2));
        b.clear();
        assertEquals("", b.toString());
    }

    @Test
    void writtenToAnOutputAsBytes() throws IOException {
        AsciiBuffer b = new AsciiBuffer();
        b.append("1\n");
        RecordingAsciiOutput out = new RecordingAsciiOutput();
        b.writeTo(out);
        assertEquals("1\n", out.text());
        assertEquals(1, out.byteAppends());
    }

    @Test
    void theDefaultByteAppendTakesTheBytesAsText() throws IOException {
        StringBuilder text = new StringBuilder();
        AsciiAppendable out = new AsciiAppendable() {
            @Override
            public void appendAscii(CharSequence s) {
                text.append(s);
            }

            @Override
            public Appendable append(CharSequence s) {
                throw new AssertionError();
            }

            @Override
            public Appendable append(CharSequence s, int start, int end) {
                throw new AssertionError();
            }

            @Override
            public Appendable append(char c) {
                throw new AssertionError();
            }
        };
        out.appendAscii(new byte[] {'x', 'a', 'b', 'y'}, 1, 3);
        assertEquals("ab", text.toString());
    }
}
