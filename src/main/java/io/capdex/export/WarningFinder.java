package io.capdex.export;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the warning text in a track's opening cues: a chain of cues, the first starting at 00:00:00 and each
 * starting where the one before ended, whose leading lines spell one of the accepted texts (compared
 * {@linkplain WarningTexts#normalise normalised}). Caption cues shown alongside are skipped; lines below the
 * warning lines in the same cue are captions merged under it.
 */
final class WarningFinder {
    /**
     * How far a warning cue may start from where the chain expects it: formats round to frames or centiseconds,
     * and MKV output starts 21 ms late (AAC priming).
     */
    static final long TOLERANCE_MS = 100;

    private WarningFinder() {
    }

    /**
     * A warning found in cues.
     *
     * @param cueIndexes the matched cues' indexes in the list searched, in time order
     * @param warningLines how many leading lines of each matched cue are warning text
     */
    record Found(WarningText text, List<Integer> cueIndexes, List<Integer> warningLines, long startMs) {
        /** {@code cue 1 at 00:00:00}: the first warning cue, numbered from 1 in file order. */
        String where() {
            return "cue " + (cueIndexes.get(0) + 1) + " at " + clock(startMs);
        }
    }

    static Optional<Found> find(List<Cue> cues, List<WarningText> accepted) {
        List<Integer> order = new ArrayList<>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> cues.get(i).startMs())); // stable: file order at equal starts
        for (WarningText candidate : accepted) {
            Optional<Found> f = find(cues, order, candidate);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> find(List<Cue> cues, List<Integer> order, WarningText candidate) {
        String target = WarningTexts.normalise(candidate.text());
        List<Integer> matched = new ArrayList<>();
        List<Integer> lineCounts = new ArrayList<>();
        int consumed = 0;
        long expected = 0;
        List<String> lastChunk = List.of();
        boolean complete = false;
        for (int index : order) {
            Cue cue = cues.get(index);
            if (cue.startMs() > expected + TOLERANCE_MS) {
                break; // the chain is broken: nothing later can continue it
            }
            if (cue.startMs() < expected - TOLERANCE_MS) {
                continue; // a caption shown alongside an earlier warning cue
            }
            if (!lastChunk.isEmpty() && startsWith(cue.lines(), lastChunk)) {
                // merged style repeats a warning cue's lines above each caption piece it is cut into
                matched.add(index);
                lineCounts.add(lastChunk.size());
                expected = cue.endMs();
                continue;
            }
            if (complete) {
                continue; // after the whole text only repeats of its last lines belong to it
            }
            int lines = 0;
            int at = consumed;
            List<String> chunk = new ArrayList<>();
            for (Line line : cue.lines()) {
                String text = WarningTexts.normalise(line.text());
                if (text.isEmpty()) {
                    lines++;
                    continue;
                }
                int next = extend(target, at, text);
                if (next < 0) {
                    break;
                }
                at = next;
                lines++;
                chunk.add(text);
                if (at == target.length()) {
                    break;
                }
            }
            if (at == consumed) {
                continue; // a caption starting at the same time as the next warning cue
            }
            matched.add(index);
            lineCounts.add(lines);
            consumed = at;
            expected = cue.endMs();
            lastChunk = chunk;
            complete = consumed == target.length();
        }
        return complete ? Optional.of(new Found(candidate, matched, lineCounts, cues.get(matched.get(0)).startMs()))
                : Optional.empty();
    }

    private static boolean startsWith(List<Line> lines, List<String> chunk) {
        if (lines.size() < chunk.size()) {
            return false;
        }
        for (int i = 0; i < chunk.size(); i++) {
            if (!WarningTexts.normalise(lines.get(i).text()).equals(chunk.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Where the target continues after {@code text} placed at {@code at} (after a space), or -1 if it does not. */
    private static int extend(String target, int at, String text) {
        int from = at == 0 ? 0 : at + 1;
        if (at > 0 && (at >= target.length() || target.charAt(at) != ' ')) {
            return -1;
        }
        int end = from + text.length();
        if (end > target.length() || !target.startsWith(text, from)) {
            return -1;
        }
        return end == target.length() || target.charAt(end) == ' ' ? end : -1;
    }

    /** {@code HH:MM:SS}, hours as many digits as needed. */
    static String clock(long ms) {
        long s = ms / 1000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
