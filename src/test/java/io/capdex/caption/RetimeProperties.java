package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class RetimeProperties {

    @Provide
    Arbitrary<Track> timedTracks() {
        Arbitrary<Cue> cue = Combinators.combine(Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.longs().between(0, 10_000), Arbitraries.longs().between(0, 10_000))
                .as((start, length, wordLength) -> {
                    long wordEnd = start + Math.min(length, wordLength);
                    return new Cue(new TimeSpan(start, start + length), null, Cue.linesOf("w"), null,
                            List.of(new Word(start, wordEnd, "w")), Map.of());
                });
        return cue.list().ofMaxSize(20).map(cues -> Track.of(Format.VTT, cues));
    }

    @Property
    void shiftingTwiceEqualsShiftingByTheSum(@ForAll("timedTracks") Track track,
                                             @ForAll @LongRange(min = -5_000_000, max = 5_000_000) long a,
                                             @ForAll @LongRange(min = -5_000_000, max = 5_000_000) long b) {
        long earliest = track.cues().stream().mapToLong(Cue::startMs).min().orElse(0);
        // only shifts that keep every start at or above zero, so nothing is clamped on the way
        if (earliest + a < 0 || earliest + a + b < 0) {
            a = Math.abs(a);
            b = Math.abs(b);
        }
        RetimeResult twice = Retime.shift(Retime.shift(track, a).track(), b);
        RetimeResult once = Retime.shift(track, a + b);
        assertEquals(once.track(), twice.track());
        assertEquals(List.of(), twice.problems());
    }

    @Property
    void scalingThenScalingBackIsWithinAMillisecond(@ForAll("timedTracks") Track track,
                                                    @ForAll @DoubleRange(min = 0.5, max = 2.0) double factor) {
        Track back = Retime.scale(Retime.scale(track, factor).track(), 1 / factor).track();
        assertEquals(track.cues().size(), back.cues().size());
        for (int i = 0; i < back.cues().size(); i++) {
            Cue in = track.cues().get(i);
            Cue out = back.cues().get(i);
            assertTrue(Math.abs(in.startMs() - out.startMs()) <= 1, in.span() + " -> " + out.span());
            assertTrue(Math.abs(in.endMs() - out.endMs()) <= 1, in.span() + " -> " + out.span());
            Word wi = in.words().get(0);
            Word wo = out.words().get(0);
            assertTrue(Math.abs(wi.startMs() - wo.startMs()) <= 1 && Math.abs(wi.endMs() - wo.endMs()) <= 1);
        }
    }

    @Property
    void shiftingNeverLeavesATimeBelowZero(@ForAll("timedTracks") Track track,
                                           @ForAll @LongRange(min = -20_000_000, max = 0) long delta) {
        RetimeResult r = Retime.shift(track, delta);
        List<Cue> kept = new ArrayList<>(r.track().cues());
        int k = 0;
        for (Cue in : track.cues()) {
            long start = in.startMs() + delta;
            long end = in.endMs() + delta;
            if (end < 0 || end == 0 && start < 0) {
                continue; // dropped: nothing of it is left on screen
            }
            Cue out = kept.get(k++);
            assertEquals(new TimeSpan(Math.max(0, start), end), out.span());
            for (Word w : out.words()) {
                assertTrue(w.startMs() >= 0 && w.endMs() <= end);
            }
        }
        assertEquals(kept.size(), k);
        long dropped = r.problems().stream().filter(p -> p.code().equals("dropped")).count();
        assertEquals(track.cues().size(), kept.size() + dropped);
    }
}
