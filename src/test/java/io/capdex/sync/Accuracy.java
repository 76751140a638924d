package io.capdex.sync;

import io.capdex.caption.Cue;
import io.capdex.caption.Track;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-cue timing error of a synced track against the truth, matched by cue text. */
record Accuracy(String name, int cues, int within100, int within400, long worstMs, int missing) {

    static Accuracy of(String name, Track synced, List<TestAudio.Utterance> truth) {
        Map<String, Cue> byText = new HashMap<>();
        for (Cue c : synced.cues()) {
            byText.put(c.text(), c);
        }
        int within100 = 0;
        int within400 = 0;
        int missing = 0;
        long worst = 0;
        for (TestAudio.Utterance u : truth) {
            Cue c = byText.get(u.text());
            if (c == null) {
                missing++;
                continue;
            }
            long err = Math.max(Math.abs(c.startMs() - u.startMs()), Math.abs(c.endMs() - u.endMs()));
            worst = Math.max(worst, err);
            if (err <= 100) {
                within100++;
            }
            if (err <= 400) {
                within400++;
            }
        }
        Accuracy a = new Accuracy(name, truth.size(), within100, within400, worst, missing);
        System.out.println(a);
        return a;
    }

    double share100() {
        return cues == 0 ? 0 : (double) within100 / cues;
    }

    double share400() {
        return cues == 0 ? 0 : (double) within400 / cues;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "accuracy %-32s %3d cues: %5.1f%% within 100 ms, %5.1f%% within 400 ms,"
                + " worst %5d ms, missing %d", name, cues, 100 * share100(), 100 * share400(), worstMs, missing);
    }
}
