package io.capdex.bench;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated, deterministic test material for the benchmarks: interview-like caption tracks of any size. */
public final class Workloads {
    private static final String[] WORDS = ("the patient remission leukaemia bone marrow treatment doctor "
            + "blood cells chemotherapy we measure residual disease after induction and then consolidation "
            + "most children respond well to it is important that families know what happens next weeks "
            + "transplant donor immune therapy blinatumomab CAR-T cells relapse risk stem cell test results "
            + "a of in to with for on this that you can how why when because every very some").split(" ");

    private Workloads() {}

    /**
     * A track of {@code cueCount} cues of one or two lines (about 42 characters each), back to back with small
     * gaps, like an AI-captioned interview. The same seed gives the same track.
     */
    public static Track interview(int cueCount, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Cue> cues = new ArrayList<>(cueCount);
        long t = 0;
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < cueCount; i++) {
            sb.setLength(0);
            int lines = rnd.nextInt(5) < 2 ? 1 : 2; // 60 % two-line cues: about 90 bytes a cue as SRT
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    sb.append('\n');
                }
                int lineStart = sb.length();
                while (sb.length() - lineStart < 26 + rnd.nextInt(12)) {
                    if (sb.length() > lineStart) {
                        sb.append(' ');
                    }
                    sb.append(WORDS[rnd.nextInt(WORDS.length)]);
                }
            }
            long dur = 1200 + rnd.nextInt(3800);
            cues.add(Cue.of(t, t + dur, sb.toString()));
            t += dur + 40 + rnd.nextInt(400);
        }
        return Track.of(Format.SRT, cues);
    }
}
