package io.capdex.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the warning text into cue-sized blocks of lines: the fewest blocks that fit the line limits, then breaks
 * at sentence ends, then blocks of even length; inside a block, lines as balanced as the limit allows.
 */
final class WarningLayout {
    private static final double PER_BLOCK = 1_000_000;
    private static final double MID_SENTENCE = 10_000;

    private WarningLayout() {
    }

    static List<List<String>> blocks(String text, int maxChars, int maxLines) {
        String[] words = text.strip().split("\\s+");
        int n = words.length;
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = words[i].codePointCount(0, words[i].length());
        }
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        int capacity = maxChars * maxLines;
        for (int j = 1; j <= n; j++) {
            for (int i = j - 1; i >= 0; i--) {
                if (best[i] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                List<String> lines = lines(words, width, i, j, maxChars);
                if (lines.size() > maxLines && j - i > 1) {
                    break; // more words only need more lines
                }
                int used = String.join(" ", lines).length();
                double slack = Math.max(0, capacity - used);
                double cost = best[i] + PER_BLOCK + (j == n || endsSentence(words[j - 1]) ? 0 : MID_SENTENCE)
                        + slack * slack;
                if (cost < best[j]) {
                    best[j] = cost;
                    from[j] = i;
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            out.add(0, lines(words, width, from[j], j, maxChars));
        }
        return out;
    }

    private static boolean endsSentence(String word) {
        char c = word.charAt(word.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == ';' || c == ':';
    }

    /**
     * Words [from, to) as lines of at most maxChars (a longer word alone on its line): the fewest lines, and among
     * layouts with that many, the one whose longest line is shortest.
     */
    static List<String> lines(String[] words, int[] width, int from, int to, int maxChars) {
        int needed = greedyCount(width, from, to, maxChars);
        // the smallest line width that still needs no more lines than greedy filling at maxChars
        int lo = 1;
        int hi = maxChars;
        for (int k = from; k < to; k++) {
            lo = Math.max(lo, Math.min(width[k], maxChars));
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (greedyCount(width, from, to, mid) <= needed) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int w = 0;
        for (int k = from; k < to; k++) {
            if (w > 0 && w + 1 + width[k] > lo) {
                out.add(line.toString());
                line.setLength(0);
                w = 0;
            }
            if (w > 0) {
                line.append(' ');
                w++;
            }
            line.append(words[k]);
            w += width[k];
        }
        out.add(line.toString());
        return out;
    }

    private static int greedyCount(int[] width, int from, int to, int limit) {
        int lines = 1;
        int w = 0;
        for (int k = from; k < to; k++) {
            if (w > 0 && w + 1 + width[k] > limit) {
                lines++;
                w = 0;
            }
            w += (w > 0 ? 1 : 0) + width[k];
        }
        return lines;
    }
}
