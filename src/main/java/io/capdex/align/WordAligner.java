package io.capdex.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact word alignment in linear memory, fast enough for three-hour interviews (27,000 words a side, where the
 * plain dynamic programme would need 729 million cells).
 *
 * <p>How: words and word trigrams that occur exactly once on each side are anchors; the longest chain of them in
 * increasing order on both sides (patience-diff style) splits the problem into small gaps, each aligned by plain
 * dynamic programming, or, when still large, by looking for anchors unique within the gap, then by Hirschberg's
 * divide and conquer. The exact distance is computed separately with Myers' bit-parallel algorithm (64 reference
 * words per machine word); should the anchors have forced a costlier alignment, the whole alignment is redone with
 * Hirschberg, whose column scores also come from the bit-parallel algorithm. The result is therefore always a
 * minimum edit distance alignment. Memory is O(n + m) apart from gaps below {@value #SMALL_CELLS} cells.
 */
public final class WordAligner {
    static final byte MATCH = 0;
    static final byte SUB = 1;
    static final byte DEL = 2;
    static final byte INS = 3;
    /** Gaps up to this many DP cells are aligned by the plain DP with a traceback table. */
    static final long SMALL_CELLS = 262_144;
    private static final int MAX_ANCHOR_DEPTH = 4;

    private final int[] a;
    private final int[] b;
    private final int vocabulary;
    private byte[] out = new byte[64];
    private int size;

    private WordAligner(int[] a, int[] b, int vocabulary) {
        this.a = a;
        this.b = b;
        this.vocabulary = vocabulary;
    }

    /** A minimum edit distance alignment of the two word lists. */
    public static WordAlignment align(List<String> reference, List<String> hypothesis) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = intern(reference, ids);
        int[] b = intern(hypothesis, ids);
        return align(a, b, ids.size());
    }

    /** The word-level Levenshtein distance, computed bit-parallel without building an alignment. */
    public static int distance(List<String> reference, List<String> hypothesis) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = intern(reference, ids);
        int[] b = intern(hypothesis, ids);
        int[] column = lastColumn(a, 0, a.length, false, b, 0, b.length);
        return column[a.length];
    }

    /** The plain O(n·m) dynamic programme, for tests and tiny inputs. */
    static int plainDistance(List<String> reference, List<String> hypothesis) {
        int n = reference.size();
        int m = hypothesis.size();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int diag = prev[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(diag, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    static WordAlignment align(int[] a, int[] b, int vocabulary) {
        WordAligner w = new WordAligner(a, b, vocabulary);
        int exact = lastColumn(a, 0, a.length, false, b, 0, b.length)[a.length];
        int anchors = w.gap(0, a.length, 0, b.length, 0);
        byte[] ops = Arrays.copyOf(w.out, w.size);
        if (cost(ops) == exact) {
            return new WordAlignment(ops, anchors, true);
        }
        w.size = 0;
        w.hirschberg(0, a.length, 0, b.length);
        return new WordAlignment(Arrays.copyOf(w.out, w.size), 0, false);
    }

    private static int[] intern(List<String> words, Map<String, Integer> ids) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(words.get(i));
            if (id == null) {
                id = ids.size();
                ids.put(words.get(i), id);
            }
            out[i] = id;
        }
        return out;
    }

    private static int cost(byte[] ops) {
        int c = 0;
        for (byte op : ops) {
            if (op != MATCH) {
                c++;
            }
        }
        return c;
    }

    private void emit(byte op) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = op;
    }

    /** Aligns a[alo..ahi) with b[blo..bhi); returns the anchors used. */
    private int gap(int alo, int ahi, int blo, int bhi, int depth) {
        int r = ahi - alo;
        int h = bhi - blo;
        if (r == 0 || h == 0 || (long) (r + 1) * (h + 1) <= SMALL_CELLS) {
            fullDp(alo, ahi, blo, bhi);
            return 0;
        }
        int[] chain = depth < MAX_ANCHOR_DEPTH ? anchors(alo, ahi, blo, bhi) : new int[0];
        if (chain.length == 0) {
            hirschberg(alo, ahi, blo, bhi);
            return 0;
        }
        int used = chain.length / 2;
        int pi = alo;
        int pj = blo;
        for (int k = 0; k < chain.length; k += 2) {
            used += gap(pi, chain[k], pj, chain[k + 1], depth + 1);
            emit(MATCH);
            pi = chain[k] + 1;
            pj = chain[k + 1] + 1;
        }
        used += gap(pi, ahi, pj, bhi, depth + 1);
        return used;
    }

    /**
     * The longest chain of anchors in the ranges, as flat (i, j) pairs increasing in both: words that occur once in
     * each range, and each word of a trigram that does.
     */
    private int[] anchors(int alo, int ahi, int blo, int bhi) {
        int[] countA = new int[vocabulary];
        int[] posA = new int[vocabulary];
        int[] countB = new int[vocabulary];
        int[] posB = new int[vocabulary];
        for (int i = alo; i < ahi; i++) {
            countA[a[i]]++;
            posA[a[i]] = i;
        }
        for (int j = blo; j < bhi; j++) {
            countB[b[j]]++;
            posB[b[j]] = j;
        }
        long[] points = new long[16];
        int n = 0;
        for (int i = alo; i < ahi; i++) {
            int c = a[i];
            if (countA[c] == 1 && countB[c] == 1) {
                if (n == points.length) {
                    points = Arrays.copyOf(points, n * 2);
                }
                points[n++] = pack(i, posB[c]);
            }
        }
        Map<Long, long[]> trigrams = new HashMap<>();
        for (int i = alo; i + 2 < ahi; i++) {
            trigrams.computeIfAbsent(trigram(a, i), k -> new long[4])[0]++;
            trigrams.get(trigram(a, i))[1] = i;
        }
        for (int j = blo; j + 2 < bhi; j++) {
            long[] t = trigrams.get(trigram(b, j));
            if (t != null) {
                t[2]++;
                t[3] = j;
            }
        }
        for (long[] t : trigrams.values()) {
            if (t[0] == 1 && t[2] == 1) {
                for (int k = 0; k < 3; k++) {
                    if (n == points.length) {
                        points = Arrays.copyOf(points, n * 2);
                    }
                    points[n++] = pack((int) t[1] + k, (int) t[3] + k);
                }
            }
        }
        if (n == 0) {
            return new int[0];
        }
        long[] sorted = Arrays.copyOf(points, n);
        // by i ascending, then j descending, so that the strict LIS on j takes at most one point per i
        for (int k = 0; k < n; k++) {
            sorted[k] = ((long) unpackI(sorted[k]) << 32) | (0xFFFFFFFFL - unpackJ(sorted[k]));
        }
        Arrays.sort(sorted);
        int[] is = new int[n];
        int[] js = new int[n];
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            int i = (int) (sorted[k] >>> 32);
            int j = (int) (0xFFFFFFFFL - (sorted[k] & 0xFFFFFFFFL));
            if (distinct > 0 && is[distinct - 1] == i && js[distinct - 1] == j) {
                continue;
            }
            is[distinct] = i;
            js[distinct] = j;
            distinct++;
        }
        return longestChain(is, js, distinct);
    }

    private static long pack(int i, int j) {
        return ((long) i << 32) | (j & 0xFFFFFFFFL);
    }

    private static int unpackI(long p) {
        return (int) (p >>> 32);
    }

    private static int unpackJ(long p) {
        return (int) p;
    }

    private long trigram(int[] s, int at) {
        long v = vocabulary;
        return (s[at] * v + s[at + 1]) * v + s[at + 2];
    }

    /** Patience sorting: the longest subsequence strictly increasing in j (i is already increasing). */
    private static int[] longestChain(int[] is, int[] js, int n) {
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (js[tailIndex[mid]] < js[k]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[k] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = k;
            if (lo == length) {
                length++;
            }
        }
        int[] chain = new int[length * 2];
        int k = length > 0 ? tailIndex[length - 1] : -1;
        for (int at = length - 1; at >= 0; at--) {
            chain[2 * at] = is[k];
            chain[2 * at + 1] = js[k];
            k = previous[k];
        }
        return chain;
    }

    /** Plain DP with a traceback table; prefers a diagonal step, then a deletion, then an insertion. */
    private void fullDp(int alo, int ahi, int blo, int bhi) {
        int r = ahi - alo;
        int h = bhi - blo;
        if (r == 0 || h == 0) {
            for (int k = 0; k < r; k++) {
                emit(DEL);
            }
            for (int k = 0; k < h; k++) {
                emit(INS);
            }
            return;
        }
        byte[] dir = new byte[(r + 1) * (h + 1)];
        int[] prev = new int[h + 1];
        int[] cur = new int[h + 1];
        for (int j = 0; j <= h; j++) {
            prev[j] = j;
            dir[j] = INS;
        }
        for (int i = 1; i <= r; i++) {
            cur[0] = i;
            dir[i * (h + 1)] = DEL;
            int ai = a[alo + i - 1];
            for (int j = 1; j <= h; j++) {
                boolean same = ai == b[blo + j - 1];
                int diag = prev[j - 1] + (same ? 0 : 1);
                int del = prev[j] + 1;
                int ins = cur[j - 1] + 1;
                if (diag <= del && diag <= ins) {
                    cur[j] = diag;
                    dir[i * (h + 1) + j] = same ? MATCH : SUB;
                } else if (del <= ins) {
                    cur[j] = del;
                    dir[i * (h + 1) + j] = DEL;
                } else {
                    cur[j] = ins;
                    dir[i * (h + 1) + j] = INS;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int start = size;
        int i = r;
        int j = h;
        while (i > 0 || j > 0) {
            byte d = dir[i * (h + 1) + j];
            emit(d);
            if (d == MATCH || d == SUB) {
                i--;
                j--;
            } else if (d == DEL) {
                i--;
            } else {
                j--;
            }
        }
        for (int lo = start, hi = size - 1; lo < hi; lo++, hi--) {
            byte t = out[lo];
            out[lo] = out[hi];
            out[hi] = t;
        }
    }

    /** Hirschberg's linear-space alignment; the middle-column scores come from the bit-parallel algorithm. */
    private void hirschberg(int alo, int ahi, int blo, int bhi) {
        int r = ahi - alo;
        int h = bhi - blo;
        if (r == 0 || h <= 1 || (long) (r + 1) * (h + 1) <= SMALL_CELLS) {
            fullDp(alo, ahi, blo, bhi); // h <= 1 keeps the table at 2·(r + 1) bytes
            return;
        }
        int mid = blo + h / 2;
        int[] forward = lastColumn(a, alo, ahi, false, b, blo, mid);
        int[] backward = lastColumn(a, alo, ahi, true, b, mid, bhi);
        int best = 0;
        int bestCost = Integer.MAX_VALUE;
        for (int i = 0; i <= r; i++) {
            int c = forward[i] + backward[r - i];
            if (c < bestCost) {
                bestCost = c;
                best = i;
            }
        }
        hirschberg(alo, alo + best, blo, mid);
        hirschberg(alo + best, ahi, mid, bhi);
    }

    /**
     * Myers' bit-parallel edit distance (J. ACM 46(3), 1999, with the block carries of its section 4) run over the
     * columns b[blo..bhi); returns the last column: {@code column[i]} is the distance between the first {@code i}
     * words of a[alo..ahi) and all of b[blo..bhi). With {@code reversed}, both ranges are read backwards, so
     * {@code column[i]} is the distance between the last {@code i} words of the a range and the b range.
     */
    static int[] lastColumn(int[] a, int alo, int ahi, boolean reversed, int[] b, int blo, int bhi) {
        int r = ahi - alo;
        int h = bhi - blo;
        int[] column = new int[r + 1];
        if (r == 0) {
            column[0] = h;
            return column;
        }
        // positions of each word in the pattern, so that a column's match mask is set and cleared in O(hits)
        Map<Integer, int[]> positions = new HashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int k = 0; k < r; k++) {
            counts.merge(a[alo + k], 1, Integer::sum);
        }
        Map<Integer, Integer> fill = new HashMap<>();
        for (int k = 0; k < r; k++) {
            int c = a[reversed ? ahi - 1 - k : alo + k];
            int[] p = positions.computeIfAbsent(c, x -> new int[counts.get(x)]);
            int at = fill.merge(c, 1, Integer::sum) - 1;
            p[at] = k;
        }
        int blocks = (r + 63) >>> 6;
        long[] pv = new long[blocks];
        long[] mv = new long[blocks];
        long[] eq = new long[blocks];
        Arrays.fill(pv, -1L);
        for (int col = 0; col < h; col++) {
            int c = b[reversed ? bhi - 1 - col : blo + col];
            int[] hits = positions.get(c);
            if (hits != null) {
                for (int p : hits) {
                    eq[p >>> 6] |= 1L << (p & 63);
                }
            }
            int hin = 1; // the top row D[0][j] = j grows by one per column
            for (int k = 0; k < blocks; k++) {
                long pvk = pv[k];
                long mvk = mv[k];
                long e = eq[k];
                long xv = e | mvk;
                if (hin < 0) {
                    e |= 1L;
                }
                long xh = (((e & pvk) + pvk) ^ pvk) | e;
                long ph = mvk | ~(xh | pvk);
                long mh = pvk & xh;
                int hout = ph < 0 ? 1 : (mh < 0 ? -1 : 0);
                ph <<= 1;
                mh <<= 1;
                if (hin < 0) {
                    mh |= 1L;
                } else if (hin > 0) {
                    ph |= 1L;
                }
                pv[k] = mh | ~(xv | ph);
                mv[k] = ph & xv;
                hin = hout;
            }
            if (hits != null) {
                for (int p : hits) {
                    eq[p >>> 6] = 0;
                }
            }
        }
        column[0] = h;
        for (int i = 1; i <= r; i++) {
            int bit = i - 1;
            long mask = 1L << (bit & 63);
            int delta = (pv[bit >>> 6] & mask) != 0 ? 1 : ((mv[bit >>> 6] & mask) != 0 ? -1 : 0);
            column[i] = column[i - 1] + delta;
        }
        return column;
    }
}
