package io.capdex.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static ByteRange part(String header, long total) {
        return assertInstanceOf(ByteRange.Part.class, ByteRange.parse(header, total)).range();
    }

    @Test
    void readsFirstBytesMiddleAndOpenEndedRanges() {
        assertEquals(new ByteRange(0, 99), part("bytes=0-99", 1000));
        assertEquals(new ByteRange(500, 599), part("bytes=500-599", 1000));
        assertEquals(new ByteRange(500, 999), part("bytes=500-", 1000));
        assertEquals(new ByteRange(0, 0), part("bytes=0-0", 1000));
        assertEquals(100, part("bytes=0-99", 1000).length());
        assertEquals("bytes 500-599/1000", part("bytes=500-599", 1000).contentRange(1000));
    }

    @Test
    void clampsTheLastByteToTheFile() {
        assertEquals(new ByteRange(900, 999), part("bytes=900-5000", 1000));
    }

    @Test
    void readsSuffixRangesAsTheLastBytes() {
        assertEquals(new ByteRange(900, 999), part("bytes=-100", 1000));
        assertEquals(new ByteRange(0, 999), part("bytes=-5000", 1000), "a suffix longer than the file is all of it");
    }

    @Test
    void answersUnsatisfiableForRangesPastTheEnd() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=1000-", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=2000-3000", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=-0", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.parse("bytes=0-", 0));
    }

    @Test
    void ignoresMalformedOtherUnitAndMultipleRanges() {
        for (String h : new String[] {"bytes=abc", "bytes=5-2", "items=0-5", "bytes=0-1,5-6", "bytes=", "bytes=-",
                "bytes=1-2-3", "bytes=99999999999999999999-", "bytes= -x"}) {
            assertInstanceOf(ByteRange.Whole.class, ByteRange.parse(h, 1000), h);
        }
        assertInstanceOf(ByteRange.Whole.class, ByteRange.parse(null, 1000));
    }

    @Test
    void acceptsCaseAndSpacesAroundTheSpec() {
        assertEquals(new ByteRange(1, 2), part("Bytes= 1-2 ", 1000));
    }
}
