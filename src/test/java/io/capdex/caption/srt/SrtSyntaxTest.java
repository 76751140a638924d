package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SrtSyntaxTest {
    /** Every char, against the list: isSpace is written for speed (split in two by range), so check all of them. */
    @Test
    void spaceIsExactlyTheSevenSpaceCharacters() {
        Set<Character> spaces = Set.of(' ', '\t', '\u00A0', '\uFEFF', '\f', '\u000B', '\u3000');
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(spaces.contains((char) c), SrtSyntax.isSpace((char) c), "U+" + Integer.toHexString(c));
        }
    }
}
