package io.capdex.sync;

import io.capdex.caption.Cue;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores cues against the speech on 10 ms frames: the fine offset search and the split dynamic programme.
 *
 * <p>A cue placed at some offset earns +1 for every speech frame it covers and −1 for every silent one, and
 * the same the other way round for a short margin before and after it (up to 300 ms, at most half the gap to
 * its neighbours): a cue that sits exactly on its utterance scores highest, one that also covers a pause or
 * cuts a sentence scores lower. Prefix sums make one cue at one offset O(1), so refining an offset over ±N
 * frames for every cue, or scoring every cue under every candidate offset for the split search, costs
 * microseconds per cue.
 */
final class CueFit {

    /** Score (in frames of agreement) a split must gain before it is worth making: 3 s of clear speech. */
    static final double SPLIT_PENALTY = 300;
    /** Score per cue dropped at a cut, small: dropping is only possible where the timing jumps back anyway. */
    private static final double DROP_COST = 10;
    /** Cues looked back over when a cut drops cues: about a minute of captions. */
    private static final int MAX_DROPPED_RUN = 25;
    /** Overlap tolerated between the last cue before a split and the first after it. */
    private static final long ORDER_TOLERANCE_MS = 500;
    private static final int MAX_MARGIN_FRAMES = 30;

    private final int[] prefix;
    private final int frames;
    private final List<Cue> cues;
    private final double scale;
    private final int[] marginBefore;
    private final int[] marginAfter;

    CueFit(boolean[] speech, List<Cue> cues, double scale) {
        this.frames = speech.length;
        this.prefix = new int[frames + 1];
        for (int i = 0; i < frames; i++) {
            prefix[i + 1] = prefix[i] + (speech[i] ? 1 : -1);
        }
        this.cues = cues;
        this.scale = scale;
        int n = cues.size();
        marginBefore = new int[n];
        marginAfter = new int[n];
        for (int i = 0; i < n; i++) {
            long gapBefore = i == 0 ? Long.MAX_VALUE / 4 : cues.get(i).startMs() - cues.get(i - 1).endMs();
            long gapAfter = i == n - 1 ? Long.MAX_VALUE / 4 : cues.get(i + 1).startMs() - cues.get(i).endMs();
            marginBefore[i] = marginFrames(gapBefore);
            marginAfter[i] = marginFrames(gapAfter);
        }
    }

    private int marginFrames(long gapMs) {
        if (gapMs <= 0) {
            return 0;
        }
        long half = (long) (gapMs * scale / 2 / SpeechActivity.FRAME_MS);
        return (int) Math.min(MAX_MARGIN_FRAMES, half);
    }

    int size() {
        return cues.size();
    }

    /** Sum of ±1 over frames [a, b); frames outside the audio count as silence. */
    private int sum(int a, int b) {
        if (b <= a) {
            return 0;
        }
        int lo = Math.max(0, Math.min(frames, a));
        int hi = Math.max(0, Math.min(frames, b));
        return prefix[hi] - prefix[lo] - ((b - a) - (hi - lo));
    }

    long mappedStartMs(int cue, double offsetMs) {
        return Math.round(cues.get(cue).startMs() * scale + offsetMs);
    }

    long mappedEndMs(int cue, double offsetMs) {
        return Math.round(cues.get(cue).endMs() * scale + offsetMs);
    }

    double cueScore(int cue, double offsetMs) {
        int b = CaptionActivity.frameOf(mappedStartMs(cue, offsetMs));
        int e = CaptionActivity.frameOf(mappedEndMs(cue, offsetMs));
        return sum(b, e) - sum(b - marginBefore[cue], b) - sum(e, e + marginAfter[cue]);
    }

    double score(int from, int to, double offsetMs) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += cueScore(i, offsetMs);
        }
        return s;
    }

    /**
     * The best offset for cues [from, to) within ±radius frames of {@code centerMs}, to the millisecond: the
     * best 10 ms step, then a parabola through it and its neighbours.
     */
    double refine(int from, int to, double centerMs, int radius) {
        double[] s = new double[2 * radius + 1];
        int best = radius;
        for (int k = -radius; k <= radius; k++) {
            s[k + radius] = score(from, to, centerMs + k * SpeechActivity.FRAME_MS);
            double cur = s[k + radius];
            // Ties go towards the centre, so equally good offsets do not wander.
            if (cur > s[best] || (cur == s[best] && Math.abs(k) < Math.abs(best - radius))) {
                best = k + radius;
            }
        }
        double delta = 0;
        if (best > 0 && best < s.length - 1) {
            double l = s[best - 1];
            double c = s[best];
            double r = s[best + 1];
            double curvature = l - 2 * c + r;
            if (curvature < 0) {
                delta = Math.max(-0.5, Math.min(0.5, 0.5 * (l - r) / curvature));
            }
        }
        return centerMs + (best - radius + delta) * SpeechActivity.FRAME_MS;
    }

    /** A run of cues [firstCue, endCue) sharing one offset, and the cues dropped just before it. */
    record Piece(int firstCue, int endCue, double offsetMs, int droppedBefore) {
    }

    /**
     * The best piecewise assignment of the candidate offsets to cues in time order: each cue takes one
     * candidate; changing candidate costs {@link #SPLIT_PENALTY}; where the timing jumps, up to
     * {@link #MAX_DROPPED_RUN} cues may be dropped (material cut from the video) so that no two kept cues
     * end up out of order. Viterbi over cues × candidates, O(cues × K² × run).
     */
    List<Piece> split(double[] candidatesMs) {
        int n = cues.size();
        int k = candidatesMs.length;
        double[][] score = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                score[i][c] = cueScore(i, candidatesMs[c]);
            }
        }
        double[][] best = new double[n][k];
        int[][] fromCue = new int[n][k];
        int[][] fromCand = new int[n][k];
        for (int c = 0; c < k; c++) {
            best[0][c] = score[0][c];
            fromCue[0][c] = -1;
            fromCand[0][c] = -1;
        }
        for (int i = 1; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double top = best[i - 1][c];
                int topCue = i - 1;
                int topCand = c;
                long start = mappedStartMs(i, candidatesMs[c]);
                for (int p = 0; p < k; p++) {
                    if (p == c) {
                        continue;
                    }
                    // Only a jump back in time (material cut from the video) can orphan cues; an insert cannot.
                    int lowest = candidatesMs[c] < candidatesMs[p] ? Math.max(0, i - 1 - MAX_DROPPED_RUN) : i - 1;
                    for (int j = i - 1; j >= lowest; j--) {
                        if (mappedStartMs(j, candidatesMs[p]) > start
                                || mappedEndMs(j, candidatesMs[p]) > start + ORDER_TOLERANCE_MS) {
                            continue;
                        }
                        double v = best[j][p] - SPLIT_PENALTY - DROP_COST * (i - 1 - j);
                        if (v > top) {
                            top = v;
                            topCue = j;
                            topCand = p;
                        }
                    }
                }
                best[i][c] = top + score[i][c];
                fromCue[i][c] = topCue;
                fromCand[i][c] = topCand;
            }
        }
        int c = 0;
        for (int p = 1; p < k; p++) {
            if (best[n - 1][p] > best[n - 1][c]) {
                c = p;
            }
        }
        List<Piece> reversed = new ArrayList<>();
        int i = n - 1;
        int end = n;
        while (i >= 0) {
            int j = i;
            int cand = c;
            // Walk back along the same candidate to the first cue of this piece.
            while (j > 0 && fromCue[j][cand] == j - 1 && fromCand[j][cand] == cand) {
                j--;
            }
            int prevCue = fromCue[j][cand];
            int prevCand = prevCue < 0 ? cand : fromCand[j][cand];
            int dropped = prevCue < 0 ? 0 : j - 1 - prevCue;
            reversed.add(new Piece(j, end, candidatesMs[cand], dropped));
            end = prevCue + 1;
            i = prevCue;
            c = prevCand;
        }
        List<Piece> pieces = new ArrayList<>(reversed.size());
        for (int p = reversed.size() - 1; p >= 0; p--) {
            pieces.add(reversed.get(p));
        }
        return pieces;
    }
}
