package io.capdex.align;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.QcProfile;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts timed transcript tokens into cues a style guide accepts: never across a change of speaker, preferably at
 * the end of a sentence, then of a clause, then at a pause; each cue at most the profile's lines and characters a
 * line, at most its longest duration, held long enough for its reading speed and least duration where the next
 * cue leaves time. The cut is the cheapest over the whole speaker turn (dynamic programming over token positions,
 * linear in the number of tokens).
 */
public final class Segmenter {
    private static final int MAX_TOKENS_PER_CUE = 40;
    private static final long PAUSE_MS = 500;

    private Segmenter() {
    }

    /** The cues for these tokens, in time order, with per-token {@link Word} timings and speakers. */
    public static List<Cue> segment(List<TimedToken> tokens, QcProfile profile, double fps, String language) {
        int maxChars = profile.maxCharsPerLine() > 0 ? profile.maxCharsPerLine() : 42;
        int maxLines = profile.maxLines() > 0 ? profile.maxLines() : 2;
        long maxDurationMs = profile.maxDurationMs() > 0 ? profile.maxDurationMs() : 7000;
        long minDurationMs = profile.minDurationMs();
        double cps = profile.maxCharsPerSecondFor(language);
        List<int[]> cuts = new ArrayList<>();
        int turnStart = 0;
        for (int k = 1; k <= tokens.size(); k++) {
            if (k == tokens.size() || !Objects.equals(tokens.get(k).speaker(), tokens.get(turnStart).speaker())) {
                cut(tokens, turnStart, k, maxChars, maxLines, maxDurationMs, minDurationMs, cps, cuts);
                turnStart = k;
            }
        }
        long gapMs = profile.minGapFrames() > 0 ? profile.minGapMs(fps) : 0;
        List<Cue> cues = new ArrayList<>(cuts.size());
        for (int c = 0; c < cuts.size(); c++) {
            int from = cuts.get(c)[0];
            int to = cuts.get(c)[1];
            long startMs = tokens.get(from).startMs();
            long lastWordEndMs = tokens.get(to - 1).endMs();
            String text = join(tokens, from, to);
            long wantedMs = Math.max(profile.minDurationMs(to - from),
                    cps > 0 ? (long) Math.ceil(text.length() * 1000.0 / cps) : 0);
            long endMs = Math.max(lastWordEndMs, startMs + wantedMs);
            if (c + 1 < cuts.size()) {
                // the least gap before the next cue wins over the last word's tail: it is at most a few frames
                long nextStartMs = tokens.get(cuts.get(c + 1)[0]).startMs();
                endMs = Math.min(endMs, nextStartMs - gapMs > startMs ? nextStartMs - gapMs : nextStartMs);
            }
            endMs = Math.min(endMs, Math.max(lastWordEndMs, startMs + maxDurationMs));
            endMs = Math.max(endMs, startMs + 1);
            List<Word> words = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                TimedToken t = tokens.get(k);
                long ws = Math.min(Math.max(t.startMs(), startMs), endMs);
                words.add(new Word(ws, Math.min(Math.max(t.endMs(), ws), endMs), t.text()));
            }
            cues.add(new Cue(new TimeSpan(startMs, endMs), null, lines(tokens, from, to, maxChars),
                    tokens.get(from).speaker(), words, Map.of()));
        }
        return cues;
    }

    /** The cheapest cut of tokens [from, to) of one speaker, appended as [start, end) pairs. */
    private static void cut(List<TimedToken> tokens, int from, int to, int maxChars, int maxLines, long maxDurationMs,
                            long minDurationMs, double cps, List<int[]> out) {
        int n = to - from;
        double[] best = new double[n + 1];
        int[] back = new int[n + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int k = 1; k <= n; k++) {
            int chars = -1;
            for (int i = k - 1; i >= 0 && k - i <= MAX_TOKENS_PER_CUE; i--) {
                chars += 1 + width(tokens.get(from + i).text());
                boolean single = k - i == 1;
                long spanMs = tokens.get(from + k - 1).endMs() - tokens.get(from + i).startMs();
                if (!single && (chars > maxChars * maxLines || spanMs > maxDurationMs
                        || linesNeeded(tokens, from + i, from + k, maxChars) > maxLines)) {
                    break;
                }
                if (best[i] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double cost = best[i] + 10 + breakCost(tokens, from + k - 1, k == n)
                        + shortCost(chars)
                        + speedCost(tokens, from + i, from + k, to, chars, cps)
                        + durationCost(tokens, from + i, from + k, to, minDurationMs);
                if (cost < best[k]) {
                    best[k] = cost;
                    back[k] = i;
                }
            }
        }
        List<int[]> reversed = new ArrayList<>();
        for (int k = n; k > 0; k = back[k]) {
            reversed.add(new int[] {from + back[k], from + k});
        }
        for (int r = reversed.size() - 1; r >= 0; r--) {
            out.add(reversed.get(r));
        }
    }

    /** Ending a cue after this token: free after a sentence, cheap after a clause or before a pause. */
    private static double breakCost(List<TimedToken> tokens, int last, boolean turnEnd) {
        if (turnEnd) {
            return 0;
        }
        String t = tokens.get(last).text();
        char end = lastSignificant(t);
        if (end == '.' || end == '?' || end == '!' || end == '\u2026') {
            return 0;
        }
        boolean pause = tokens.get(last + 1).startMs() - tokens.get(last).endMs() >= PAUSE_MS;
        if (tokens.get(last + 1).paragraphStart()) {
            return 0;
        }
        if (end == ',' || end == ';' || end == ':' || end == '\u2014' || end == '\u2013') {
            return pause ? 4 : 8;
        }
        return pause ? 12 : 30;
    }

    private static double shortCost(int chars) {
        return chars < 16 ? 12 : 0;
    }

    /** Penalises cues whose text cannot be read in the time until the next speech, so they are cut fuller. */
    private static double speedCost(List<TimedToken> tokens, int from, int to, int turnEnd, int chars, double cps) {
        if (cps <= 0) {
            return 0;
        }
        long availableMs = (to < turnEnd ? tokens.get(to).startMs() : tokens.get(to - 1).endMs() + 2000)
                - tokens.get(from).startMs();
        double neededMs = chars * 1000.0 / cps;
        return availableMs >= neededMs ? 0 : 40 * (neededMs - availableMs) / neededMs;
    }

    /** Penalises a cue that cannot stay up for the least duration before the next speech starts. */
    private static double durationCost(List<TimedToken> tokens, int from, int to, int turnEnd, long minDurationMs) {
        if (to >= turnEnd) {
            return 0; // the turn's last cue may run on into the pause after it
        }
        long availableMs = tokens.get(to).startMs() - tokens.get(from).startMs();
        return availableMs >= minDurationMs ? 0 : 25;
    }

    private static char lastSignificant(String t) {
        for (int i = t.length() - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c != '"' && c != '\u201D' && c != '\'' && c != '\u2019' && c != ')' && c != ']' && c != '\u00BB') {
                return c;
            }
        }
        return ' ';
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String join(List<TimedToken> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                sb.append(' ');
            }
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }

    /** The fewest lines tokens fit in when each line is filled greedily. */
    private static int linesNeeded(List<TimedToken> tokens, int from, int to, int maxChars) {
        int lines = 0;
        int current = -1;
        for (int k = from; k < to; k++) {
            int w = width(tokens.get(k).text());
            if (current >= 0 && current + 1 + w <= maxChars) {
                current += 1 + w;
            } else {
                lines++;
                current = w;
            }
        }
        return lines;
    }

    /**
     * One line when it fits, else the two-line break that balances the lines best, preferring a break after
     * punctuation; more lines only for a token longer than a line.
     */
    private static List<Line> lines(List<TimedToken> tokens, int from, int to, int maxChars) {
        String all = join(tokens, from, to);
        if (width(all) <= maxChars) {
            return List.of(Line.plain(all));
        }
        int bestSplit = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int s = from + 1; s < to; s++) {
            int w1 = width(join(tokens, from, s));
            int w2 = width(join(tokens, s, to));
            if (w1 > maxChars || w2 > maxChars) {
                continue;
            }
            char end = lastSignificant(tokens.get(s - 1).text());
            double cost = Math.abs(w1 - w2) - (end == '.' || end == '?' || end == '!' ? 12 : 0)
                    - (end == ',' || end == ';' || end == ':' ? 6 : 0);
            if (cost < bestCost) {
                bestCost = cost;
                bestSplit = s;
            }
        }
        if (bestSplit >= 0) {
            return List.of(Line.plain(join(tokens, from, bestSplit)), Line.plain(join(tokens, bestSplit, to)));
        }
        List<Line> out = new ArrayList<>();
        int lineStart = from;
        for (int k = from + 1; k <= to; k++) {
            if (k == to || width(join(tokens, lineStart, k + 1)) > maxChars) {
                out.add(Line.plain(join(tokens, lineStart, k)));
                lineStart = k;
            }
        }
        return out;
    }
}
