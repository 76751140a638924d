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
    private final int[] sourceIndex;

    private CaptionActivity(List<Cue> cues, int[] sourceIndex) {
        this.cues = cues;
        this.sourceIndex = sourceIndex;
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
        int[] index = new int[order.size()];
        for (int k = 0; k < order.size(); k++) {
            index[k] = order.get(k);
            sorted.add(track.cues().get(index[k]));
        }
        return new CaptionActivity(List.copyOf(sorted), index);
    }

    /** The non-empty cues, ordered by start time. */
    public List<Cue> cues() {
        return cues;
    }

    /** The position in the track's cue list of the {@code k}-th cue of {@link #cues()}. */
    int sourceIndex(int k) {
        return sourceIndex[k];
    }

    /** Frames up to the end of the last cue. */
    public int frameCount() {
        long end = 0;
        for (Cue c : cues) {
            end = Math.max(end, c.endMs());
        }
        return frameOf(end);
    }

    /** Whether a cue covers frame {@code i} at the captions' own timing. */
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

    static int frameOf(long timeMs) {
        return (int) Math.floorDiv(timeMs + SpeechActivity.FRAME_MS / 2, (long) SpeechActivity.FRAME_MS);
    }
}
