package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks cue text into the fewest balanced lines that fit a limit, keeping each word's style. Breaks only at
 * spaces (never at no-break spaces); a single word longer than the limit gets a line of its own.
 */
final class LineBreaker {
    private static final double INFEASIBLE = Double.POSITIVE_INFINITY;
    /** Big enough to beat any balance gain: a one-word line is taken only when nothing else fits. */
    private static final double ORPHAN_PENALTY = 100_000;
    /** A line starting with a dash reads as a new speaker. */
    private static final double DASH_PENALTY = 1_000_000;

    private LineBreaker() {
    }

    /** The lines re-flowed; a line starting with a dash (a speaker's turn) starts a part re-flowed on its own. */
    static List<Line> reflow(List<Line> lines, int maxChars) {
        List<List<StyledText>> segments = new ArrayList<>();
        for (Line line : lines) {
            StyledText t = StyledText.of(line);
            if (segments.isEmpty() || startsWithDash(t.text())) {
                segments.add(new ArrayList<>());
            }
            segments.get(segments.size() - 1).add(t);
        }
        List<Line> out = new ArrayList<>();
        for (List<StyledText> segment : segments) {
            out.addAll(breakInto(StyledText.join(segment), maxChars));
        }
        return out;
    }

    static boolean startsWithDash(String s) {
        return !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '\u2013' || s.charAt(0) == '\u2014');
    }

    private static List<Line> breakInto(StyledText text, int maxChars) {
        String s = text.text();
        List<int[]> tokens = new ArrayList<>(); // [start, end) in chars
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ' ') {
                if (i > from) {
                    tokens.add(new int[] {from, i});
                }
                from = i + 1;
            }
        }
        int count = tokens.size();
        if (count == 0) {
            return List.of();
        }
        int[] widths = new int[count];
        int total = count - 1;
        for (int t = 0; t < count; t++) {
            widths[t] = CueText.characters(s.substring(tokens.get(t)[0], tokens.get(t)[1]));
            total += widths[t];
        }
        // a word longer than the limit can make the estimate exceed the word count
        int first = Math.min(count, Math.max(1, (total + maxChars - 1) / maxChars));
        for (int n = first; n <= count; n++) {
            int[] breaks = best(s, tokens, widths, total, n, maxChars);
            if (breaks != null) {
                List<Line> out = new ArrayList<>(n);
                int start = 0;
                for (int end : breaks) {
                    out.add(text.sub(tokens.get(start)[0], tokens.get(end - 1)[1]).toLine());
                    start = end;
                }
                return out;
            }
        }
        throw new IllegalStateException("one token per line always fits"); // n == count never returns null
    }

    /** The ends (exclusive token indexes) of the n lines with the least cost, or null when n lines cannot fit. */
    private static int[] best(String s, List<int[]> tokens, int[] widths, int total, int n, int maxChars) {
        int count = tokens.size();
        double target = (double) total / n;
        double[][] cost = new double[n + 1][count + 1];
        int[][] from = new int[n + 1][count + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, INFEASIBLE);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= n; k++) {
            for (int j = k; j <= count; j++) {
                int width = -1;
                for (int i = j - 1; i >= k - 1; i--) {
                    width += widths[i] + 1;
                    if (width > maxChars && j - i > 1) {
                        break; // longer lines only get wider
                    }
                    if (cost[k - 1][i] == INFEASIBLE) {
                        continue;
                    }
                    double c = cost[k - 1][i] + lineCost(s, tokens, i, j, width, target, k, n, count);
                    if (c < cost[k][j]) {
                        cost[k][j] = c;
                        from[k][j] = i;
                    }
                }
            }
        }
        if (cost[n][count] == INFEASIBLE) {
            return null;
        }
        int[] ends = new int[n];
        int j = count;
        for (int k = n; k >= 1; k--) {
            ends[k - 1] = j;
            j = from[k][j];
        }
        return ends;
    }

    private static double lineCost(String s, List<int[]> tokens, int i, int j, int width, double target, int k,
                                   int n, int count) {
        double c = (width - target) * (width - target);
        if (j - i == 1 && count > n) {
            c += ORPHAN_PENALTY;
        }
        if (i > 0 && startsWithDash(s.substring(tokens.get(i)[0]))) {
            c += DASH_PENALTY;
        }
        if (k < n) {
            char last = s.charAt(tokens.get(j - 1)[1] - 1);
            if (".!?\u2026".indexOf(last) >= 0) {
                c -= 4 * target; // a break after a sentence reads best
            } else if (",;:".indexOf(last) >= 0) {
                c -= 2 * target;
            }
            if (k == 1 && width > target) {
                c += 0.5; // on a tie, the top line is the shorter (Netflix's bottom-heavy pyramid)
            }
        }
        return c;
    }
}
