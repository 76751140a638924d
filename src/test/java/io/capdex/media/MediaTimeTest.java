package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaTimeTest {
    @Test
    void roundsMicrosecondsToNearestMillisecondHalvesUp() {
        assertEquals(0, MediaTime.microsToMillis(0));
        assertEquals(0, MediaTime.microsToMillis(499));
        assertEquals(1, MediaTime.microsToMillis(500));
        assertEquals(2, MediaTime.microsToMillis(1_500));
        assertEquals(10_800_000, MediaTime.microsToMillis(10_800_000_000L));
        assertEquals(-1, MediaTime.microsToMillis(-1_500));
        assertEquals(-2, MediaTime.microsToMillis(-1_501));
    }

    @Test
    void millisecondsSurviveTheRoundTrip() {
        for (long ms : new long[] {0, 1, 999, 83_500, 10_799_999}) {
            assertEquals(ms, MediaTime.microsToMillis(MediaTime.millisToMicros(ms)));
        }
    }
}
