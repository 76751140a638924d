package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AlignerProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("the", "leukemia", "look", "emia", "5%", "five", "percent", "CD19", "niño", "—",
                        "[laughs]", "Q:", "Dr Ruiz:", "\n\n", "\n", "it's", "?", "...", "twenty-one", "21"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
        return word.list().ofMaxSize(120).map(ws -> String.join(" ", ws));
    }

    @Property(tries = 150)
    void neverThrowsAndNeverGoesBackwards(@ForAll("texts") String transcript, @ForAll("texts") String captionText) {
        List<Cue> cues = new ArrayList<>();
        String[] pieces = captionText.split("\n");
        long t = 0;
        for (String p : pieces) {
            cues.add(Cue.of(t, t + 1000 + p.length() * 50L, p.replace('\r', ' ')));
            t += 1000 + p.length() * 60L;
        }
        AlignResult r = Aligner.align(Track.of(Format.SRT, cues), TranscriptText.parse(transcript),
                AlignOptions.defaults());
        assertFalse(r.aligned() == null && r.messages().isEmpty(), "no track without a message");
        if (r.aligned() != null) {
            long last = 0;
            long lastCueStart = 0;
            for (Cue c : r.aligned().cues()) {
                assertTrue(c.startMs() >= lastCueStart);
                lastCueStart = c.startMs();
                for (Word w : c.words()) {
                    assertTrue(w.startMs() >= last, "word times never go backwards");
                    assertTrue(w.startMs() >= c.startMs() && w.endMs() <= c.endMs(), "words inside their cue");
                    last = w.startMs();
                }
            }
        }
        if (r.report() != null) {
            assertTrue(r.report().wer() >= 0);
            assertTrue(r.report().errors() <= Math.max(r.report().reference(), r.report().hypothesis()));
        }
    }
}
