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

    /** Every pattern of byte marks (the 0x80 bit of each of eight bytes): the lowest marked byte's index. */
    @Test
    void firstMarkedByteIsTheLowestMarkedByte() {
        for (int pattern = 1; pattern < 256; pattern++) {
            long marks = 0;
            for (int k = 0; k < 8; k++) {
                if ((pattern & (1 << k)) != 0) {
                    marks |= 0x80L << (8 * k);
                }
            }
            assertEquals(Integer.numberOfTrailingZeros(pattern), SrtReader.firstMarkedByte(marks), Long.toHexString(marks));
        }
    }
}
