package io.capdex.sync;

import io.capdex.caption.Cue;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a caption track claims someone speaks: its non-empty cues as 10 ms frames, the caption side of the fit.
 *
 * <p>Frame {@code i} covers {@code 10i .. 10i+10 ms}; a cue marks the frames from its start to its end rounded
 * to the nearest frame, so a cue contributes no bias of its own to the offset. Blank cues (nothing to read)
 * claim no speech and are ignored.
 */
public final class CaptionActivity {

    private final List<Cue> cues;

    private CaptionActivity(List<Cue> cues) {
        this.cues = cues;
    }

    /** The activity of a track's non-empty cues, ordered by start time. */
    public static CaptionActivity of(Track track) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < track.cues().size(); i++) {
            if (!track.cues().get(i).isEmpty()) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingLong((Integer i) -> track.cues().get(i).startMs()).thenComparingInt(i -> i));
        List<Cue> sorted = new ArrayList<>(order.size());
        for (int i : order) {
            sorted.add(track.cues().get(i));
        }
        return new CaptionActivity(List.copyOf(sorted));
    }

    /** The non-empty cues, ordered by start time. */
    public List<Cue> cues() {
        return cues;
    }

    /** Frames up to the end of the last cue. */
    public int frameCount() {
        long end = 0;
        for (Cue c : cues) {
            end = Math.max(end, c.endMs());
        }
        return frameOf(end);
    }

    /** Whether a cue covers {@code frame} at the captions' own timing. O(cues): for tests and diagnostics. */
    public boolean isActive(int frame) {
        long t = (long) frame * SpeechActivity.FRAME_MS;
        for (Cue c : cues) {
            if (frameOf(c.startMs()) <= frame && frame < frameOf(c.endMs())) {
                return true;
            }
            if (c.startMs() > t + SpeechActivity.FRAME_MS) {
                break;
            }
        }
        return false;
    }

    /** The activity as 0/1 samples after mapping every time t to {@code t * scale}. */
    float[] signal(double scale) {
        int n = (int) Math.ceil(frameCount() * scale) + 1;
        float[] s = new float[Math.max(n, 1)];
        for (Cue c : cues) {
            int from = frameOf(Math.round(c.startMs() * scale));
            int to = Math.min(s.length, frameOf(Math.round(c.endMs() * scale)));
            for (int i = from; i < to; i++) {
                s[i] = 1f;
            }
        }
        return s;
    }

    /**
     * The same as {@code OffsetSearch.decimate(signal(scale))}, without the 10 ms array: each search frame holds
     * the covered share of its four activity frames. Saves a timeline-sized array per frame-rate ratio.
     */
    double[] coarseSignal(double scale) {
        int fine = Math.max((int) Math.ceil(frameCount() * scale) + 1, 1);
        double[] s = new double[(fine + OffsetSearch.DECIMATION - 1) / OffsetSearch.DECIMATION];
        int marked = 0;
        for (Cue c : cues) {
            // Cues are ordered by start, so frames below `marked` are already counted (overlapping cues).
            int from = Math.max(marked, frameOf(Math.round(c.startMs() * scale)));
            int to = Math.min(fine, frameOf(Math.round(c.endMs() * scale)));
            for (int f = from; f < to; f++) {
                s[f / OffsetSearch.DECIMATION] += 1.0 / OffsetSearch.DECIMATION;
            }
            marked = Math.max(marked, to);
        }
        return s;
    }

    static int frameOf(long timeMs) {
        return (int) Math.floorDiv(timeMs + SpeechActivity.FRAME_MS / 2, (long) SpeechActivity.FRAME_MS);
    }
}
