package io.capdex.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The word alignment read as links between groups of words: exact matches, the same words said differently
 * ("5" / "five percent"), misheard groups ("leukemia" / "look emia", one to four words a side), plain deletions
 * and insertions. The exact alignment fixes the matches; each stretch between two matches is re-aligned with a
 * small dynamic programme that may join words, which is what finds split and merged mishearings.
 */
final class TermLinks {
    /** What a link says about its words. */
    enum Kind { MATCH, EQUIVALENT, MISHEARD, DELETED, INSERTED }

    /** Reference words [refFrom, refTo) linked with hypothesis words [hypFrom, hypTo); -1, -1 for a missing side. */
    record Link(int refFrom, int refTo, int hypFrom, int hypTo, Kind kind) {}

    /** Stretches above this many cells are left as the exact alignment gives them (one-to-one substitutions). */
    private static final int MAX_STRETCH_CELLS = 2_500;
    private static final int MAX_REF_GROUP = 3;
    private static final int MAX_HYP_GROUP = 4;

    private TermLinks() {
    }

    /** One link per alignment step: matches, one-to-one misheard words, deletions and insertions. */
    static List<Link> plain(WordAlignment al) {
        List<Link> out = new ArrayList<>(al.size());
        for (int k = 0; k < al.size(); k++) {
            out.add(step(al, k));
        }
        return out;
    }

    private static Link step(WordAlignment al, int k) {
        return switch (al.op(k)) {
            case MATCH -> new Link(al.ref(k), al.ref(k) + 1, al.hyp(k), al.hyp(k) + 1, Kind.MATCH);
            case SUBSTITUTION -> new Link(al.ref(k), al.ref(k) + 1, al.hyp(k), al.hyp(k) + 1, Kind.MISHEARD);
            case DELETION -> new Link(al.ref(k), al.ref(k) + 1, -1, -1, Kind.DELETED);
            case INSERTION -> new Link(-1, -1, al.hyp(k), al.hyp(k) + 1, Kind.INSERTED);
        };
    }

    static List<Link> of(WordAlignment al, List<String> ref, List<String> hyp) {
        List<Link> out = new ArrayList<>();
        int k = 0;
        while (k < al.size()) {
            if (al.op(k) == WordAlignment.Op.MATCH) {
                out.add(step(al, k));
                k++;
                continue;
            }
            int start = k;
            int refFrom = -1;
            int hypFrom = -1;
            int refCount = 0;
            int hypCount = 0;
            while (k < al.size() && al.op(k) != WordAlignment.Op.MATCH) {
                if (al.ref(k) >= 0) {
                    refFrom = refFrom < 0 ? al.ref(k) : refFrom;
                    refCount++;
                }
                if (al.hyp(k) >= 0) {
                    hypFrom = hypFrom < 0 ? al.hyp(k) : hypFrom;
                    hypCount++;
                }
                k++;
            }
            int r0 = Math.max(refFrom, 0); // an empty side is never indexed
            int h0 = Math.max(hypFrom, 0);
            stretch(ref, r0, r0 + refCount, hyp, h0, h0 + hypCount, out, al, start, k);
        }
        return out;
    }

    /** Re-aligns one stretch between matches, allowing group links; costs in hundredths. */
    private static void stretch(List<String> ref, int r0, int r1, List<String> hyp, int h0, int h1, List<Link> out,
                                WordAlignment al, int stepFrom, int stepTo) {
        int r = r1 - r0;
        int h = h1 - h0;
        if ((long) (r + 1) * (h + 1) > MAX_STRETCH_CELLS) {
            for (int k = stepFrom; k < stepTo; k++) {
                out.add(step(al, k));
            }
            return;
        }
        int[][] cost = new int[r + 1][h + 1];
        int[][] fromI = new int[r + 1][h + 1];
        int[][] fromJ = new int[r + 1][h + 1];
        byte[][] kind = new byte[r + 1][h + 1];
        for (int[] row : cost) {
            Arrays.fill(row, Integer.MAX_VALUE);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= h; j++) {
                int c = cost[i][j];
                if (c == Integer.MAX_VALUE) {
                    continue;
                }
                relax(cost, fromI, fromJ, kind, i, j, i + 1, j, c + 100, Kind.DELETED, r, h);
                relax(cost, fromI, fromJ, kind, i, j, i, j + 1, c + 100, Kind.INSERTED, r, h);
                for (int p = 1; p <= MAX_REF_GROUP && i + p <= r; p++) {
                    String refJoined = String.join("", ref.subList(r0 + i, r0 + i + p));
                    for (int q = 1; q <= MAX_HYP_GROUP && j + q <= h; q++) {
                        String hypJoined = String.join("", hyp.subList(h0 + j, h0 + j + q));
                        int extra = p + q; // ties go to the smaller groups
                        if (SpokenForms.equivalent(refJoined, hypJoined)) {
                            relax(cost, fromI, fromJ, kind, i, j, i + p, j + q, c + extra, Kind.EQUIVALENT, r, h);
                        } else if (SpokenForms.similar(refJoined, hypJoined)) {
                            relax(cost, fromI, fromJ, kind, i, j, i + p, j + q, c + (p == 1 && q == 1 ? 90 : 50)
                                    + extra, Kind.MISHEARD, r, h);
                        } else if (p == 1 && q == 1) {
                            relax(cost, fromI, fromJ, kind, i, j, i + 1, j + 1, c + 100, Kind.MISHEARD, r, h);
                        }
                    }
                }
            }
        }
        List<Link> reversed = new ArrayList<>();
        int i = r;
        int j = h;
        while (i > 0 || j > 0) {
            int pi = fromI[i][j];
            int pj = fromJ[i][j];
            Kind k = Kind.values()[kind[i][j]];
            reversed.add(switch (k) {
                case DELETED -> new Link(r0 + pi, r0 + i, -1, -1, k);
                case INSERTED -> new Link(-1, -1, h0 + pj, h0 + j, k);
                default -> new Link(r0 + pi, r0 + i, h0 + pj, h0 + j, k);
            });
            i = pi;
            j = pj;
        }
        for (int k = reversed.size() - 1; k >= 0; k--) {
            out.add(reversed.get(k));
        }
    }

    private static void relax(int[][] cost, int[][] fromI, int[][] fromJ, byte[][] kind, int i, int j, int ni,
                              int nj, int c, Kind k, int r, int h) {
        if (ni > r || nj > h || c >= cost[ni][nj]) {
            return;
        }
        cost[ni][nj] = c;
        fromI[ni][nj] = i;
        fromJ[ni][nj] = j;
        kind[ni][nj] = (byte) k.ordinal();
    }
}
