package io.capdex.sync;

import io.capdex.caption.Cue;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a caption track to speech activity (or to a reference track) and decides whether to correct it.
 *
 * <p>The fit, in order:
 * <ol>
 *   <li><b>Global</b> ({@link OffsetSearch}): FFT cross-correlation of speech and caption activity on 40 ms
 *       frames, every offset within ±maxOffset, for scale 1 and the common frame-rate ratios.</li>
 *   <li><b>Fine</b> ({@link CueFit#refine}): the three best scales (and always 1) are refined on 10 ms frames
 *       over ±60 ms around their peak with the per-cue score, with parabolic interpolation to the millisecond;
 *       the best total score wins, and a non-unit scale must beat scale 1 clearly.</li>
 *   <li><b>Splits</b> ({@link CueFit#split}): 60 s windows of captions vote for candidate offsets; a
 *       Viterbi pass over cues picks one candidate per cue, paying {@link CueFit#SPLIT_PENALTY} per change
 *       so noise never splits, and may drop the cues of material cut from the video. Each piece's offset is
 *       then refined like the global one.</li>
 *   <li><b>Confidence</b>: the product of two measures, each scaled to 0–1. <em>Distinctness</em>: for each
 *       piece, how far its own correlation peak stands out from the best offset more than a second away
 *       ({@code 1 − runnerUp/peak}; 0.7 or more counts as fully distinct), weighted by piece length.
 *       <em>Explained</em>: the intersection over union of caption and speech frames after the fit, rescaled
 *       so that what two unrelated signals of the same density would overlap is 0 and a perfect match is 1
 *       (0.8 or more counts as fully explained). Unrelated or musical audio gives weak, ambiguous peaks and
 *       chance overlap; a patchwork of splits fitted to noise has sharp peaks but explains little.</li>
 *   <li><b>Decision</b>: apply only when confidence ≥ {@link SyncOptions#minConfidence()} and the overlap
 *       improves. A single offset within ±{@value #IN_SYNC_TOLERANCE_MS} ms of zero at scale 1 that improves
 *       the overlap by less than {@value #NEGLIGIBLE_GAIN} is reported as exactly 0 and not applied, so a
 *       correct file comes out byte-identical rather than jittered by a few ms.</li>
 * </ol>
 * Stateless and thread-safe. A one-hour interview fits in about 0.1 s of CPU (see the package notes).
 */
public final class Synchronizer {

    static final long IN_SYNC_TOLERANCE_MS = 100;
    static final double NEGLIGIBLE_GAIN = 0.03;
    private static final double FULLY_DISTINCT = 0.7;
    private static final double FULLY_EXPLAINED = 0.8;
    /** Less speech than this (in total, or as a share of the audio) is no basis for a fit. */
    private static final long MIN_SPEECH_MS = 5_000;
    private static final double MIN_SPEECH_SHARE = 0.01;
    private static final int FINE_RADIUS_FRAMES = 6;
    private static final int MAX_CANDIDATES = 8;
    private static final long CANDIDATE_SEPARATION_MS = 100;
    private static final int WINDOW_MS = 60_000;

    private Synchronizer() {
    }

    /** Fits captions to the speech found in the audio. */
    public static SyncResult syncToSpeech(SpeechActivity.Result activity, Track captions, SyncOptions options) {
        boolean[] speech = new boolean[activity.frameCount()];
        long speechMs = 0;
        for (int i = 0; i < speech.length; i++) {
            speech[i] = activity.isSpeech(i);
            if (speech[i]) {
                speechMs += SpeechActivity.FRAME_MS;
            }
        }
        if (speech.length == 0) {
            return SyncResult.unchanged("no audio", 0, 0);
        }
        if (speechMs < MIN_SPEECH_MS || speechMs < MIN_SPEECH_SHARE * activity.durationMs()) {
            return SyncResult.unchanged(String.format(Locale.ROOT, "no speech found in the audio (%.1f s of %.1f s)",
                    speechMs / 1000.0, activity.durationMs() / 1000.0), 0, 0);
        }
        return fit(speech, captions, options);
    }

    /**
     * Fits captions to another track's timing, its cues standing in for speech: used for translations
     * ({@code mt}) against the spoken-language track.
     */
    public static SyncResult syncToReference(Track reference, Track captions, SyncOptions options) {
        CaptionActivity ref = CaptionActivity.of(reference);
        if (ref.cues().isEmpty()) {
            return SyncResult.unchanged("the reference track has no cues", 0, 0);
        }
        float[] signal = ref.signal(1);
        boolean[] speech = new boolean[signal.length];
        for (int i = 0; i < signal.length; i++) {
            speech[i] = signal[i] > 0;
        }
        return fit(speech, captions, options);
    }

    private static SyncResult fit(boolean[] speech, Track captions, SyncOptions options) {
        CaptionActivity activity = CaptionActivity.of(captions);
        List<Cue> cues = activity.cues();
        if (cues.isEmpty()) {
            return SyncResult.unchanged("the captions have no cues", 0, 0);
        }
        OffsetSearch search = new OffsetSearch();
        float[] speechSignal = new float[speech.length];
        for (int i = 0; i < speech.length; i++) {
            speechSignal[i] = speech[i] ? 1f : 0f;
        }
        double[] speechCoarse = OffsetSearch.decimate(speechSignal);
        int maxLag = (int) Math.min(Integer.MAX_VALUE / 4, options.maxOffsetMs() / OffsetSearch.SEARCH_FRAME_MS);
        List<double[]> captionCoarse = new ArrayList<>();
        for (double scale : OffsetSearch.SCALES) {
            captionCoarse.add(activity.coarseSignal(scale));
        }
        List<OffsetSearch.Peak> peaks = search.global(speechCoarse, captionCoarse, OffsetSearch.SCALES, maxLag);

        // Fine stage: refine the three best scales and scale 1; pick by the 10 ms cue score.
        double bestScale = 1;
        double bestOffset = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double unitScore = Double.NEGATIVE_INFINITY;
        CueFit bestFit = null;
        for (int p = 0; p < peaks.size(); p++) {
            OffsetSearch.Peak peak = peaks.get(p);
            if (p >= 3 && peak.scale() != 1) {
                continue;
            }
            CueFit fit = new CueFit(speech, cues, peak.scale());
            double offset = clampOffset(fit.refine(0, cues.size(), peak.offsetMs(), FINE_RADIUS_FRAMES), options);
            double score = fit.score(0, cues.size(), offset);
            if (peak.scale() == 1) {
                unitScore = score;
            }
            if (score > bestScore) {
                bestScore = score;
                bestScale = peak.scale();
                bestOffset = offset;
                bestFit = fit;
            }
        }
        if (bestScale != 1 && bestScore < unitScore + Math.max(50, 0.02 * Math.abs(unitScore))) {
            // A frame-rate change must earn its place: near-ties stay at scale 1.
            OffsetSearch.Peak unit = peaks.stream().filter(pk -> pk.scale() == 1).findFirst().orElseThrow();
            bestScale = 1;
            bestFit = new CueFit(speech, cues, 1);
            bestOffset = clampOffset(bestFit.refine(0, cues.size(), unit.offsetMs(), FINE_RADIUS_FRAMES), options);
        }
        CueFit fit = bestFit;
        double scale = bestScale;

        List<CueFit.Piece> pieces = List.of(new CueFit.Piece(0, cues.size(), bestOffset, 0));
        if (options.split() && cues.size() >= 4) {
            double[] candidates = candidates(search, speechCoarse, activity.coarseSignal(scale),
                    maxLag, bestOffset);
            if (candidates.length > 1) {
                pieces = refinePieces(fit, fit.split(candidates), options);
            }
        }

        List<SyncResult.Segment> segments = new ArrayList<>();
        List<SyncResult.Span> droppedSpans = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            CueFit.Piece piece = pieces.get(p);
            long from = p == 0 ? 0 : cues.get(piece.firstCue()).startMs();
            segments.add(new SyncResult.Segment(from, Math.round(piece.offsetMs())));
            if (piece.droppedBefore() > 0) {
                droppedSpans.add(new SyncResult.Span(cues.get(piece.firstCue() - piece.droppedBefore()).startMs(),
                        from));
            }
        }

        double distinct = distinctness(search, speechCoarse, cues, pieces, scale, maxLag);
        double before = overlap(speech, cues, 1, List.of(new CueFit.Piece(0, cues.size(), 0, 0)));
        double after = overlap(speech, cues, scale, pieces);
        double explained = aboveChance(speech, cues, scale, pieces, after);
        // A product, not a mean: a patchwork of pieces fitted to unrelated audio can have sharp peaks each, and a
        // broad fit can overlap by chance; only a fit that is both distinct and explanatory is trusted.
        double confidence = clamp01(distinct / FULLY_DISTINCT) * clamp01(explained / FULLY_EXPLAINED);
        confidence = Math.round(confidence * 1000) / 1000.0;

        SyncResult found = new SyncResult(true, confidence, scale, segments, 0, "", droppedSpans, before, after);
        int dropped = found.droppedCount(captions);
        if (segments.size() == 1 && scale == 1 && Math.abs(segments.get(0).offsetMs()) <= IN_SYNC_TOLERANCE_MS
                && after - before < NEGLIGIBLE_GAIN) {
            return new SyncResult(false, confidence, 1, List.of(new SyncResult.Segment(0, 0)), 0,
                    String.format(Locale.ROOT, "captions already match the speech (best offset %+d ms is within"
                            + " ±%d ms)", segments.get(0).offsetMs(), IN_SYNC_TOLERANCE_MS),
                    List.of(), before, before);
        }
        // Not applied, nothing is dropped: `dropped` always counts what apply() removes.
        if (confidence < options.minConfidence()) {
            return new SyncResult(false, confidence, scale, segments, 0,
                    String.format(Locale.ROOT, "confidence %.2f is below the minimum %.2f (overlap %.2f → %.2f)",
                            confidence, options.minConfidence(), before, after),
                    droppedSpans, before, after);
        }
        if (after <= before + 0.01) {
            return new SyncResult(false, confidence, scale, segments, 0,
                    String.format(Locale.ROOT, "the fit would not improve the overlap with the speech (%.2f → %.2f)",
                            before, after),
                    droppedSpans, before, after);
        }
        return new SyncResult(true, confidence, scale, segments, dropped,
                String.format(Locale.ROOT, "overlap with the speech improved from %.2f to %.2f", before, after),
                droppedSpans, before, after);
    }

    private static double clampOffset(double offsetMs, SyncOptions options) {
        return Math.max(-options.maxOffsetMs(), Math.min(options.maxOffsetMs(), offsetMs));
    }

    /** The global offset first, then window votes at least 100 ms from every one already taken. */
    private static double[] candidates(OffsetSearch search, double[] speechCoarse, double[] captionCoarse,
                                       int maxLag, double globalMs) {
        int window = WINDOW_MS / OffsetSearch.SEARCH_FRAME_MS;
        List<double[]> votes = search.windowCandidates(speechCoarse, captionCoarse, maxLag, window);
        List<Double> taken = new ArrayList<>();
        taken.add(globalMs);
        for (double[] v : votes) {
            double ms = v[0] * OffsetSearch.SEARCH_FRAME_MS;
            boolean far = true;
            for (double t : taken) {
                far &= Math.abs(t - ms) >= CANDIDATE_SEPARATION_MS;
            }
            if (far) {
                taken.add(ms);
            }
            if (taken.size() == MAX_CANDIDATES) {
                break;
            }
        }
        return taken.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Refines each piece's offset; neighbours that end up within 100 ms without drops become one piece. */
    private static List<CueFit.Piece> refinePieces(CueFit fit, List<CueFit.Piece> raw, SyncOptions options) {
        List<CueFit.Piece> merged = new ArrayList<>();
        for (CueFit.Piece p : raw) {
            double offset = clampOffset(fit.refine(p.firstCue(), p.endCue(), p.offsetMs(), FINE_RADIUS_FRAMES),
                    options);
            CueFit.Piece refined = new CueFit.Piece(p.firstCue(), p.endCue(), offset, p.droppedBefore());
            if (!merged.isEmpty()) {
                CueFit.Piece last = merged.get(merged.size() - 1);
                if (refined.droppedBefore() == 0
                        && Math.abs(last.offsetMs() - offset) < CANDIDATE_SEPARATION_MS) {
                    double both = fit.refine(last.firstCue(), refined.endCue(), last.offsetMs(),
                            FINE_RADIUS_FRAMES);
                    merged.set(merged.size() - 1,
                            new CueFit.Piece(last.firstCue(), refined.endCue(), clampOffset(both, options),
                                    last.droppedBefore()));
                    continue;
                }
            }
            merged.add(refined);
        }
        return merged;
    }

    /**
     * Length-weighted distinctness of each piece's own correlation peak; a piece whose peak disagrees with
     * its fitted offset by more than a second counts as not distinct at all.
     */
    private static double distinctness(OffsetSearch search, double[] speechCoarse, List<Cue> cues,
                                       List<CueFit.Piece> pieces, double scale, int maxLag) {
        double weighted = 0;
        double total = 0;
        for (CueFit.Piece piece : pieces) {
            float[] signal = new float[(int) Math.ceil(cues.get(cues.size() - 1).endMs() * scale / 10.0) + 2];
            double length = 0;
            for (int i = piece.firstCue(); i < piece.endCue(); i++) {
                int from = CaptionActivity.frameOf(Math.round(cues.get(i).startMs() * scale));
                int to = Math.min(signal.length, CaptionActivity.frameOf(Math.round(cues.get(i).endMs() * scale)));
                for (int f = Math.max(0, from); f < to; f++) {
                    if (signal[f] == 0) {
                        signal[f] = 1;
                        length++;
                    }
                }
            }
            OffsetSearch.Peak peak = search.local(speechCoarse, OffsetSearch.decimate(signal), scale, maxLag);
            double d = Math.abs(peak.offsetMs() - piece.offsetMs()) <= 1000 ? peak.distinctness() : 0;
            weighted += d * length;
            total += length;
        }
        return total == 0 ? 0 : weighted / total;
    }

    /** Intersection over union of speech frames and the frames the kept cues cover after mapping. */
    private static double overlap(boolean[] speech, List<Cue> cues, double scale, List<CueFit.Piece> pieces) {
        int n = speech.length;
        boolean[] covered = new boolean[n];
        int outside = 0;
        for (CueFit.Piece piece : pieces) {
            for (int i = piece.firstCue(); i < piece.endCue(); i++) {
                int from = CaptionActivity.frameOf(Math.round(cues.get(i).startMs() * scale + piece.offsetMs()));
                int to = CaptionActivity.frameOf(Math.round(cues.get(i).endMs() * scale + piece.offsetMs()));
                for (int f = from; f < to; f++) {
                    if (f < 0 || f >= n) {
                        outside++;
                    } else {
                        covered[f] = true;
                    }
                }
            }
        }
        long inter = 0;
        long union = outside;
        for (int f = 0; f < n; f++) {
            if (speech[f] && covered[f]) {
                inter++;
            }
            if (speech[f] || covered[f]) {
                union++;
            }
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    /**
     * How far an overlap is above what chance gives for the same amounts of speech and captions:
     * (IoU − IoU_chance) / (1 − IoU_chance), with IoU_chance = pq / (p + q − pq) for independent frames with
     * speech share p and caption share q. Half an interview being speech, chance alone gives an IoU near 0.4.
     */
    private static double aboveChance(boolean[] speech, List<Cue> cues, double scale, List<CueFit.Piece> pieces,
                                      double iou) {
        int n = speech.length;
        long speechFrames = 0;
        for (boolean b : speech) {
            if (b) {
                speechFrames++;
            }
        }
        long captionFrames = 0;
        for (CueFit.Piece piece : pieces) {
            for (int i = piece.firstCue(); i < piece.endCue(); i++) {
                captionFrames += Math.max(0, CaptionActivity.frameOf(Math.round(cues.get(i).endMs() * scale))
                        - CaptionActivity.frameOf(Math.round(cues.get(i).startMs() * scale)));
            }
        }
        double p = (double) speechFrames / n;
        double q = Math.min(1, (double) captionFrames / n);
        double chance = p + q - p * q == 0 ? 0 : p * q / (p + q - p * q);
        return chance >= 1 ? 0 : (iou - chance) / (1 - chance);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
