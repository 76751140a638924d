package io.capdex.align;

import io.capdex.caption.Cue;
import io.capdex.caption.Qc;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Cross-language cue mapping: each cue of a translated ({@code mt}) track linked to the spoken-language cues it
 * overlaps in time, and warnings when the two tracks do not cover the same time.
 *
 * <p>Thresholds (a translation made from the source keeps its timing, so larger differences mean a wrong pairing,
 * a truncated file or an offset): the target should cover at least {@value #MIN_SHARED_SHARE} of the time the
 * source has captions and have at most {@value #MAX_EXTRA_SHARE} of its own caption time where the source has
 * none; first start and last end should agree within {@value #MAX_EDGE_DIFFERENCE_MS} ms or
 * {@value #MAX_EDGE_DIFFERENCE_SHARE} of the source's duration, whichever is larger; at most
 * {@value #MAX_UNLINKED_SHARE} of the target's cues may overlap no source cue.
 *
 * @param links one per target cue, in the target's cue order
 * @param warnings what disagrees, in words; empty when the tracks fit
 */
public record TrackMapping(List<Link> links, Coverage source, Coverage target, double sharedShare,
                           double extraShare, List<String> warnings) {

    public static final double MIN_SHARED_SHARE = 0.85;
    public static final double MAX_EXTRA_SHARE = 0.15;
    public static final long MAX_EDGE_DIFFERENCE_MS = 5000;
    public static final double MAX_EDGE_DIFFERENCE_SHARE = 0.02;
    public static final double MAX_UNLINKED_SHARE = 0.05;

    /**
     * A target cue and the source cues it overlaps.
     *
     * @param sourceCues indexes into the source track's cues, in time order; empty when it overlaps none
     * @param bestSourceCue the source cue it overlaps longest, or -1
     */
    public record Link(int targetCue, List<Integer> sourceCues, int bestSourceCue) {
        public Link {
            sourceCues = List.copyOf(sourceCues);
        }
    }

    /**
     * The time a track's cues span and cover.
     *
     * @param coveredMs the length of the union of its cue spans
     */
    public record Coverage(long firstStartMs, long lastEndMs, long coveredMs, int cues) {
        /** The share of its span that captions cover, 0 for an empty track. */
        public double share() {
            long span = lastEndMs - firstStartMs;
            return span <= 0 ? 0 : (double) coveredMs / span;
        }
    }

    public TrackMapping {
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }

    /** Maps a target (translated) track onto its source (spoken-language) track; warning cues are ignored. */
    public static TrackMapping map(Track source, Track target) {
        List<Cue> sourceCues = source.cues();
        Integer[] order = new Integer[sourceCues.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> sourceCues.get(i).startMs()));
        long[] starts = new long[order.length];
        long[] maxEndSoFar = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            Cue c = sourceCues.get(order[k]);
            starts[k] = c.startMs();
            maxEndSoFar[k] = Math.max(c.endMs(), k > 0 ? maxEndSoFar[k - 1] : 0);
        }
        List<Link> links = new ArrayList<>();
        int unlinked = 0;
        int targetCues = 0;
        for (int t = 0; t < target.cues().size(); t++) {
            Cue cue = target.cues().get(t);
            if (Qc.isWarningCue(cue)) {
                links.add(new Link(t, List.of(), -1));
                continue;
            }
            targetCues++;
            int upper = upperBound(starts, cue.endMs() - 1); // sources starting before the cue ends
            List<Integer> hits = new ArrayList<>();
            int best = -1;
            long bestOverlap = 0;
            for (int k = upper - 1; k >= 0 && maxEndSoFar[k] > cue.startMs(); k--) {
                Cue s = sourceCues.get(order[k]);
                if (Qc.isWarningCue(s)) {
                    continue;
                }
                long overlap = Math.min(s.endMs(), cue.endMs()) - Math.max(s.startMs(), cue.startMs());
                if (overlap > 0 || (overlap == 0 && cue.span().durationMs() == 0 && s.span().contains(cue.startMs()))) {
                    hits.add(order[k]);
                    if (overlap > bestOverlap || best < 0) {
                        bestOverlap = overlap;
                        best = order[k];
                    }
                }
            }
            hits.sort(Comparator.comparingLong((Integer i) -> sourceCues.get(i).startMs()).thenComparing(i -> i));
            if (hits.isEmpty()) {
                unlinked++;
            }
            links.add(new Link(t, hits, best));
        }
        List<long[]> sourceUnion = union(source);
        List<long[]> targetUnion = union(target);
        Coverage sc = coverage(sourceUnion, countCues(source));
        Coverage tc = coverage(targetUnion, countCues(target));
        long shared = intersection(sourceUnion, targetUnion);
        double sharedShare = sc.coveredMs() == 0 ? 0 : (double) shared / sc.coveredMs();
        double extraShare = tc.coveredMs() == 0 ? 0 : (double) (tc.coveredMs() - shared) / tc.coveredMs();
        List<String> warnings = new ArrayList<>();
        if (sc.cues() == 0 || tc.cues() == 0) {
            warnings.add(sc.cues() == 0 ? "the source track has no cues" : "the target track has no cues");
        } else {
            if (sharedShare < MIN_SHARED_SHARE) {
                warnings.add(String.format(Locale.ROOT, "covers only %.0f %% of the time the source has captions",
                        sharedShare * 100));
            }
            if (extraShare > MAX_EXTRA_SHARE) {
                warnings.add(String.format(Locale.ROOT, "%.0f %% of its caption time is where the source has none",
                        extraShare * 100));
            }
            long tolerance = Math.max(MAX_EDGE_DIFFERENCE_MS,
                    (long) ((sc.lastEndMs() - sc.firstStartMs()) * MAX_EDGE_DIFFERENCE_SHARE));
            if (Math.abs(tc.lastEndMs() - sc.lastEndMs()) > tolerance
                    || Math.abs(tc.firstStartMs() - sc.firstStartMs()) > tolerance) {
                warnings.add(String.format(Locale.ROOT, "runs %s to %s but the source runs %s to %s",
                        seconds(tc.firstStartMs()), seconds(tc.lastEndMs()), seconds(sc.firstStartMs()),
                        seconds(sc.lastEndMs())));
            }
            if (unlinked > targetCues * MAX_UNLINKED_SHARE) {
                warnings.add(unlinked + " of " + targetCues + " cues overlap no source cue");
            }
        }
        return new TrackMapping(links, sc, tc, sharedShare, extraShare, warnings);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static int countCues(Track track) {
        int n = 0;
        for (Cue c : track.cues()) {
            n += Qc.isWarningCue(c) ? 0 : 1;
        }
        return n;
    }

    /** The first index whose value is above {@code value}. */
    private static int upperBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The union of a track's cue spans as sorted, disjoint [start, end) intervals. */
    private static List<long[]> union(Track track) {
        List<long[]> spans = new ArrayList<>();
        for (Cue c : track.cues()) {
            if (!Qc.isWarningCue(c) && c.span().durationMs() > 0) {
                spans.add(new long[] {c.startMs(), c.endMs()});
            }
        }
        spans.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] s : spans) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new long[] {s[0], s[1]});
            }
        }
        return out;
    }

    private static Coverage coverage(List<long[]> union, int cues) {
        long covered = 0;
        for (long[] s : union) {
            covered += s[1] - s[0];
        }
        return union.isEmpty() ? new Coverage(0, 0, 0, cues)
                : new Coverage(union.get(0)[0], union.get(union.size() - 1)[1], covered, cues);
    }

    private static long intersection(List<long[]> a, List<long[]> b) {
        long total = 0;
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long lo = Math.max(a.get(i)[0], b.get(j)[0]);
            long hi = Math.min(a.get(i)[1], b.get(j)[1]);
            total += Math.max(0, hi - lo);
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return total;
    }
}
