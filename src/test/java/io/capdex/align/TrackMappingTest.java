package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackMappingTest {

    private static Track track(long... startEnd) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < startEnd.length; i += 2) {
            cues.add(Cue.of(startEnd[i], startEnd[i + 1], "cue " + i / 2));
        }
        return Track.of(Format.SRT, cues);
    }

    @Test
    void mapsEachTargetCueToTheSourceCuesItOverlaps() {
        Track source = track(0, 2000, 2000, 4000, 4500, 6000, 7000, 9000);
        Track target = track(0, 3000, 3000, 6000, 7000, 9000);
        TrackMapping m = TrackMapping.map(source, target);
        assertEquals(List.of(0, 1), m.links().get(0).sourceCues());
        assertEquals(0, m.links().get(0).bestSourceCue());
        assertEquals(List.of(1, 2), m.links().get(1).sourceCues());
        assertEquals(2, m.links().get(1).bestSourceCue());
        assertEquals(List.of(3), m.links().get(2).sourceCues());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
        assertEquals(1.0, m.sharedShare(), 1e-9);
    }

    @Test
    void aLongCueOverlapsSeveralLaterOnes() {
        Track source = track(0, 10_000, 1000, 2000, 3000, 4000);
        TrackMapping m = TrackMapping.map(source, track(3500, 3600));
        assertEquals(List.of(0, 2), m.links().get(0).sourceCues());
    }

    @Test
    void warnsAboutATruncatedTranslation() {
        long[] full = new long[200];
        for (int i = 0; i < 100; i++) {
            full[2 * i] = i * 3000L;
            full[2 * i + 1] = i * 3000L + 2500;
        }
        long[] half = java.util.Arrays.copyOf(full, 100);
        TrackMapping m = TrackMapping.map(track(full), track(half));
        assertEquals(List.of("covers only 50 % of the time the source has captions",
                "runs 0.0 s to 149.5 s but the source runs 0.0 s to 299.5 s"), m.warnings());
    }

    @Test
    void warnsAboutAnOffsetTranslation() {
        long[] source = new long[100];
        long[] shifted = new long[100];
        for (int i = 0; i < 50; i++) {
            source[2 * i] = i * 4000L;
            source[2 * i + 1] = i * 4000L + 2000;
            shifted[2 * i] = source[2 * i] + 2000;
            shifted[2 * i + 1] = source[2 * i + 1] + 2000;
        }
        TrackMapping m = TrackMapping.map(track(source), track(shifted));
        assertEquals(0.0, m.sharedShare(), 1e-9);
        assertTrue(m.warnings().contains("50 of 50 cues overlap no source cue"), m.warnings().toString());
        assertTrue(m.warnings().contains("100 % of its caption time is where the source has none"));
    }

    @Test
    void emptyTracksAreReportedNotFailed() {
        TrackMapping m = TrackMapping.map(track(), track(0, 1000));
        assertEquals(List.of("the source track has no cues"), m.warnings());
        assertEquals(List.of(), m.links().get(0).sourceCues());
        assertEquals(-1, m.links().get(0).bestSourceCue());
    }
}
