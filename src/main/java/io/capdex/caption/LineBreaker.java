package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /** The words of a text: their char spans, their widths in characters, and the width of them all. */
    private record Tokens(StyledText text, List<int[]> spans, int[] widths, int total) {
        static Tokens of(StyledText text) {
            String s = text.text();
            List<int[]> spans = new ArrayList<>(); // [start, end) in chars
            int from = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == ' ') {
                    if (i > from) {
                        spans.add(new int[] {from, i});
                    }
                    from = i + 1;
                }
            }
            int[] widths = new int[spans.size()];
            int total = spans.size() - 1;
            for (int t = 0; t < widths.length; t++) {
                widths[t] = CueText.characters(s.substring(spans.get(t)[0], spans.get(t)[1]));
                total += widths[t];
            }
            return new Tokens(text, spans, widths, Math.max(0, total));
        }

        int count() {
            return widths.length;
        }

        /** Width of tokens [from, to) on one line. */
        int width(int from, int to) {
            int w = to - from - 1;
            for (int t = from; t < to; t++) {
                w += widths[t];
            }
            return w; // words per cue are few: a prefix sum would not pay for its array
        }

        /** The fewest lines tokens [from, to) fit in; filling greedily is optimal for a fixed order. */
        int linesNeeded(int from, int to, int maxChars) {
            int lines = 0;
            int current = -1;
            for (int t = from; t < to; t++) {
                if (current >= 0 && current + 1 + widths[t] <= maxChars) {
                    current += 1 + widths[t];
                } else {
                    lines++;
                    current = widths[t];
                }
            }
            return lines;
        }

        StyledText sub(int from, int to) {
            return text.sub(spans.get(from)[0], spans.get(to - 1)[1]);
        }

        char lastChar(int to) {
            return text.text().charAt(spans.get(to - 1)[1] - 1);
        }
    }

    /**
     * The lines of a cue whose text needs more than maxLines lines, split into the fewest consecutive parts that
     * each fit maxLines lines, balanced in length and preferring to end a part at the end of a sentence; each part
     * re-flowed. One part when the text fits, and always for dialogue (several speakers' turns), which a split
     * would tear apart.
     */
    static List<List<Line>> splitIntoParts(List<Line> lines, int maxChars, int maxLines) {
        for (int i = 1; i < lines.size(); i++) {
            if (startsWithDash(lines.get(i).text())) {
                return List.of(reflow(lines, maxChars));
            }
        }
        Tokens tokens = Tokens.of(StyledText.join(lines.stream().map(StyledText::of).toList()));
        int count = tokens.count();
        if (count == 0 || tokens.linesNeeded(0, count, maxChars) <= maxLines) {
            return List.of(reflow(lines, maxChars));
        }
        for (int parts = 2; parts <= count; parts++) {
            int[] ends = bestParts(tokens, parts, maxChars, maxLines);
            if (ends != null) {
                List<List<Line>> out = new ArrayList<>(parts);
                int start = 0;
                for (int end : ends) {
                    out.add(breakInto(tokens.sub(start, end), maxChars));
                    start = end;
                }
                return out;
            }
        }
        return List.of(reflow(lines, maxChars)); // unreachable: one word per part always fits
    }

    private static int @Nullable [] bestParts(Tokens tokens, int parts, int maxChars, int maxLines) {
        int count = tokens.count();
        double target = (double) tokens.total() / parts;
        double[][] cost = new double[parts + 1][count + 1];
        int[][] from = new int[parts + 1][count + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, INFEASIBLE);
        }
        cost[0][0] = 0;
        for (int k = 1; k <= parts; k++) {
            for (int j = k; j <= count; j++) {
                for (int i = j - 1; i >= k - 1; i--) {
                    if (tokens.linesNeeded(i, j, maxChars) > maxLines) {
                        break; // more words only need more lines
                    }
                    if (cost[k - 1][i] == INFEASIBLE) {
                        continue;
                    }
                    double w = tokens.width(i, j);
                    double c = (w - target) * (w - target);
                    if (k < parts) {
                        char last = tokens.lastChar(j);
                        c -= ".!?\u2026".indexOf(last) >= 0 ? 8 * target : ",;:".indexOf(last) >= 0 ? 3 * target : 0;
                    }
                    if (cost[k - 1][i] + c < cost[k][j]) {
                        cost[k][j] = cost[k - 1][i] + c;
                        from[k][j] = i;
                    }
                }
            }
        }
        if (cost[parts][count] == INFEASIBLE) {
            return null;
        }
        int[] ends = new int[parts];
        int j = count;
        for (int k = parts; k >= 1; k--) {
            ends[k - 1] = j;
            j = from[k][j];
        }
        return ends;
    }

    private static List<Line> breakInto(StyledText text, int maxChars) {
        Tokens tokens = Tokens.of(text);
        String s = text.text();
        int count = tokens.count();
        if (count == 0) {
            return List.of();
        }
        int[] widths = tokens.widths();
        int total = tokens.total();
        // a word longer than the limit can make the estimate exceed the word count
        int first = Math.min(count, Math.max(1, (total + maxChars - 1) / maxChars));
        for (int n = first; n <= count; n++) {
            int[] breaks = best(s, tokens.spans(), widths, total, n, maxChars);
            if (breaks != null) {
                List<Line> out = new ArrayList<>(n);
                int start = 0;
                for (int end : breaks) {
                    out.add(tokens.sub(start, end).toLine());
                    start = end;
                }
                return out;
            }
        }
        throw new IllegalStateException("one token per line always fits"); // n == count never returns null
    }

    /** The ends (exclusive token indexes) of the n lines with the least cost, or null when n lines cannot fit. */
    private static int @Nullable [] best(String s, List<int[]> tokens, int[] widths, int total, int n, int maxChars) {
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
        char firstChar = s.charAt(tokens.get(i)[0]);
        if (i > 0 && (firstChar == '-' || firstChar == '\u2013' || firstChar == '\u2014')) {
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
