package io.capdex.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionActivityTest {

    private final Track track = Track.of(Format.SRT, List.of(
            Cue.of(2000, 3004, "second"),
            Cue.of(5000, 6000, " "),
            Cue.of(995, 1500, "first")));

    @Test
    void ordersNonEmptyCuesByStart() {
        CaptionActivity a = CaptionActivity.of(track);
        assertEquals(List.of("first", "second"), a.cues().stream().map(Cue::text).toList());
    }

    @Test
    void marksFramesFromStartToEndRoundedToTheNearestFrame() {
        CaptionActivity a = CaptionActivity.of(track);
        assertEquals(300, a.frameCount());
        assertFalse(a.isActive(99));
        assertTrue(a.isActive(100));
        assertTrue(a.isActive(149));
        assertFalse(a.isActive(150));
        assertTrue(a.isActive(299));
        assertFalse(a.isActive(500), "blank cues claim no speech");
    }

    @Test
    void coarseSignalIsTheDecimatedSignal() {
        Track overlapping = Track.of(Format.SRT, List.of(Cue.of(1000, 5000, "a"), Cue.of(3000, 4000, "inside"),
                Cue.of(4500, 9013, "b"), Cue.of(20_000, 20_010, "c")));
        CaptionActivity a = CaptionActivity.of(overlapping);
        for (double scale : OffsetSearch.SCALES) {
            double[] expected = OffsetSearch.decimate(a.signal(scale));
            double[] actual = a.coarseSignal(scale);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-12, "scale " + scale + " frame " + i);
            }
        }
    }

    @Test
    void scalesTheSignal() {
        float[] s = CaptionActivity.of(track).signal(2);
        assertEquals(0f, s[198]);
        assertEquals(1f, s[199], "1990 ms rounds to frame 199");
        assertEquals(1f, s[200]);
        assertEquals(1f, s[299]);
        assertEquals(0f, s[300]);
        assertEquals(1f, s[400]);
    }
}
