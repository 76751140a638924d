package io.capdex.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncResultTest {

    private static SyncResult applied(double scale, List<SyncResult.Segment> segments, List<SyncResult.Span> cuts) {
        return new SyncResult(true, 0.94, scale, segments, 0, "test", cuts, 0.3, 0.9);
    }

    @Test
    void mapsEachCueBySegmentAndMovesItsWords() {
        Cue first = Cue.of(1000, 2000, "one").withWords(List.of(new Word(1000, 1400, "o"), new Word(1500, 2000, "ne")));
        Cue second = Cue.of(72_000, 73_000, "two");
        Track track = Track.of(Format.VTT, List.of(first, second));
        SyncResult r = applied(1, List.of(new SyncResult.Segment(0, 2750), new SyncResult.Segment(72_000, 10_750)),
                List.of());
        Track out = r.apply(track);
        assertEquals(3750, out.cues().get(0).startMs());
        assertEquals(4750, out.cues().get(0).endMs());
        assertEquals(List.of(new Word(3750, 4150, "o"), new Word(4250, 4750, "ne")), out.cues().get(0).words());
        assertEquals(82_750, out.cues().get(1).startMs());
        assertEquals("one", out.cues().get(0).text());
    }

    @Test
    void scalesBeforeOffsetting() {
        Track track = Track.of(Format.SRT, List.of(Cue.of(100_000, 101_000, "x")));
        SyncResult r = applied(0.96, List.of(new SyncResult.Segment(0, -500)), List.of());
        assertEquals(95_500, r.apply(track).cues().get(0).startMs());
        assertEquals(96_460, r.apply(track).cues().get(0).endMs());
        assertEquals(95_500, r.mapMs(100_000));
    }

    @Test
    void dropsCuesInCutSpansAndBeforeZeroAndClampsStraddlers() {
        Track track = Track.of(Format.SRT, List.of(
                Cue.of(500, 1500, "gone before zero"),
                Cue.of(1500, 4000, "straddles zero"),
                Cue.of(10_000, 11_000, "kept"),
                Cue.of(20_000, 21_000, "cut"),
                Cue.of(30_000, 31_000, "after cut")));
        SyncResult r = applied(1, List.of(new SyncResult.Segment(0, -2000), new SyncResult.Segment(30_000, -12_000)),
                List.of(new SyncResult.Span(20_000, 30_000)));
        Track out = r.apply(track);
        assertEquals(List.of("straddles zero", "kept", "after cut"), out.cues().stream().map(Cue::text).toList());
        assertEquals(0, out.cues().get(0).startMs());
        assertEquals(2000, out.cues().get(0).endMs());
        assertEquals(18_000, out.cues().get(2).startMs());
        assertEquals(2, r.droppedCount(track));
    }

    @Test
    void leavesTheTrackAloneWhenNotApplied() {
        Track track = Track.of(Format.SRT, List.of(Cue.of(500, 1500, "x")));
        SyncResult r = new SyncResult(false, 0.2, 1, List.of(new SyncResult.Segment(0, 4000)), 0, "low", List.of(),
                0.1, 0.2);
        assertSame(track, r.apply(track));
    }

    @Test
    void summarisesForPeople() {
        SyncResult r = applied(1, List.of(new SyncResult.Segment(0, 2750), new SyncResult.Segment(72_000, 10_750)),
                List.of());
        assertEquals("offset +2.750 s from 00:00:00; split at 00:01:12: +10.750 s; confidence 0.94", r.summary());
        SyncResult refused = new SyncResult(false, 0.12, 25 / (24000.0 / 1001),
                List.of(new SyncResult.Segment(0, -800)),
                3, "confidence 0.12 is below the minimum 0.50", List.of(), 0.1, 0.2);
        assertEquals("not applied: confidence 0.12 is below the minimum 0.50; scale 1.04271; offset -0.800 s from"
                + " 00:00:00; 3 cues dropped; confidence 0.12", refused.summary());
    }

    @Test
    void requiresASegment() {
        assertThrows(IllegalArgumentException.class,
                () -> new SyncResult(true, 1, 1, List.of(), 0, "", List.of(), 0, 0));
    }

    @Test
    void optionsHaveDefaultsAndValidate() {
        SyncOptions d = SyncOptions.defaults();
        assertEquals(60_000, d.maxOffsetMs());
        assertEquals(true, d.split());
        assertEquals(0.5, d.minConfidence());
        assertEquals(new SyncOptions(5000, false, 0.7),
                d.withMaxOffsetMs(5000).withSplit(false).withMinConfidence(0.7));
        assertThrows(IllegalArgumentException.class, () -> d.withMinConfidence(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxOffsetMs(-1));
    }
}
