package io.capdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CueTableProperties {

    /** Every cue's times, speaker and text come back from the varint table unchanged, in any order of start times. */
    @Property(tries = 500)
    void roundTripsEveryCue(@ForAll("cues") List<TrackDocument.Cue> cues, @ForAll("counts") List<Integer> counts) {
        int[] tokenCounts = tokenCounts(cues.size(), counts);
        CueTable t = CueTable.decode(CueTable.encode(cues, tokenCounts));
        assertEquals(cues.size(), t.size());
        for (int i = 0; i < cues.size(); i++) {
            assertEquals(cues.get(i).startMs(), t.startMs(i));
            assertEquals(cues.get(i).endMs(), t.endMs(i));
            assertEquals(cues.get(i).speaker(), t.speaker(i));
            assertEquals(cues.get(i).text(), t.text(i));
        }
    }

    /** A token position maps to the cue whose tokens hold it (cues without tokens hold no position). */
    @Property(tries = 500)
    void mapsEachPositionToItsCue(@ForAll("cues") List<TrackDocument.Cue> cues, @ForAll("counts") List<Integer> counts) {
        int[] tokenCounts = tokenCounts(cues.size(), counts);
        CueTable t = CueTable.decode(CueTable.encode(cues, tokenCounts));
        int pos = 0;
        for (int i = 0; i < cues.size(); i++) {
            assertEquals(pos, t.firstPos(i));
            for (int k = 0; k < tokenCounts[i]; k++) {
                assertEquals(i, t.cueAt(pos++), "position " + (pos - 1));
            }
        }
    }

    private static int[] tokenCounts(int n, List<Integer> counts) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = counts.isEmpty() ? 1 : counts.get(i % counts.size());
        }
        return out;
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        return Arbitraries.integers().between(0, 12).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<TrackDocument.Cue>> cues() {
        Arbitrary<Long> start = Arbitraries.longs().between(0, 400_000_000_000L);
        Arbitrary<Long> length = Arbitraries.longs().between(0, 100_000);
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '\n', '中', 'ß').ofMaxLength(60);
        Arbitrary<String> speaker = Arbitraries.of("Ana", "Dr Ümit", "Interviewer").injectNull(0.3);
        return Combinators.combine(start, length, text, speaker)
                .as((s, l, x, sp) -> new TrackDocument.Cue(s, s + l, x, sp))
                .list().ofMaxSize(40).map(ArrayList::new);
    }
}
