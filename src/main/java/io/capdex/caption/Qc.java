package io.capdex.caption;

import java.util.List;
import java.util.function.Supplier;

/**
 * Quality checks of a track against a {@link QcProfile}: line length, line count, reading speed, duration, gaps,
 * order and overlaps. QC only reports; {@link Repair} changes things.
 */
public final class Qc {
    /**
     * Cues whose id starts with this are the AI-accuracy warning that export stamps on a track: they are shown at
     * the top of the picture alongside the captions on purpose, so QC and repair leave them alone.
     */
    public static final String WARNING_CUE_ID_PREFIX = "capdex-warning";

    private Qc() {
    }

    /** True for the AI-accuracy warning cues that QC and repair leave alone. */
    public static boolean isWarningCue(Cue cue) {
        String id = cue.id();
        return id != null && id.startsWith(WARNING_CUE_ID_PREFIX);
    }

    /** Checks a track whose cues have no known file lines (every problem at line 0). */
    public static List<ParseProblem> check(Track track, QcProfile profile, double fps) {
        return check(track, profile, fps, CueLines.none());
    }

    /**
     * Checks every cue of the track in file order. Messages name the cue by its 1-based number and start time,
     * {@code cue 12 (00:01:02,000): line of 47 characters is above 42 (netflix)}; a problem between two cues is
     * reported on the earlier one. The list is capped like a reader's ({@link Problems#DEFAULT_CAP}).
     *
     * @param fps the video's frame rate, for the frame-based gap rule
     */
    public static List<ParseProblem> check(Track track, QcProfile profile, double fps, CueLines cueLines) {
        long minGapMs = profile.minGapMs(fps);
        double maxCps = profile.maxCharsPerSecondFor(track.language());
        Problems out = new Problems();
        List<Cue> cues = track.cues();
        int previous = -1;
        int longest = -1; // the earlier cue that ends last: a long cue can overlap several after it
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            if (isWarningCue(cue)) {
                continue;
            }
            Reporter r = new Reporter(out, profile, cueLines.lineOf(i), i, cue.startMs());
            checkCue(cue, profile, maxCps, r);
            if (previous >= 0) {
                Cue prev = cues.get(previous);
                Reporter pr = new Reporter(out, profile, cueLines.lineOf(previous), previous, prev.startMs());
                checkPair(prev, cue, i, profile, minGapMs, fps, pr, r);
                Cue before = cues.get(longest);
                if (longest != previous && cue.startMs() >= prev.startMs() && cue.startMs() < before.endMs()) {
                    int index = i;
                    new Reporter(out, profile, cueLines.lineOf(longest), longest, before.startMs()).add(
                            ProblemCode.OVERLAP, () -> "overlaps a later cue, " + CueText.label(index, cue.startMs())
                                    + ", by " + (Math.min(before.endMs(), cue.endMs()) - cue.startMs()) + " ms");
                }
            }
            if (longest < 0 || cue.endMs() > cues.get(longest).endMs()) {
                longest = i;
            }
            previous = i;
        }
        return out.toList();
    }

    private static void checkCue(Cue cue, QcProfile p, double maxCps, Reporter r) {
        if (cue.isEmpty()) {
            r.add(ProblemCode.EMPTY_CUE, () -> "no text");
            return;
        }
        List<Line> lines = cue.lines();
        if (p.maxLines() > 0 && lines.size() > p.maxLines()) {
            r.add(ProblemCode.TOO_MANY_LINES,
                    () -> lines.size() + " lines is above " + p.maxLines() + " (" + p.name() + ")");
        }
        if (p.maxCharsPerLine() > 0) {
            for (int l = 0; l < lines.size(); l++) {
                int chars = CueText.characters(lines.get(l).text());
                if (chars > p.maxCharsPerLine()) {
                    String which = lines.size() == 1 ? "line" : "line " + (l + 1);
                    r.add(ProblemCode.LINE_TOO_LONG, () -> which + " of " + chars + " characters is above "
                            + p.maxCharsPerLine() + " (" + p.name() + ")");
                }
            }
        }
        long durationMs = cue.span().durationMs();
        if (durationMs == 0) {
            r.add(ProblemCode.ZERO_DURATION, () -> "starts and ends at the same time");
            return;
        }
        boolean countWords = p.maxWordsPerMinute() > 0 || p.minMsPerWord() > 0;
        int words = countWords ? CueText.words(cue.text()) : 0;
        if (maxCps > 0) {
            double cps = CueText.readCharacters(cue) * 1000.0 / durationMs;
            if (cps > maxCps) {
                r.add(ProblemCode.READING_SPEED, () -> "reading speed of " + CueText.rate(cps, maxCps)
                        + " characters/s is above " + CueText.number(maxCps) + " (" + p.name() + ")");
            }
        }
        boolean tooManyWords = false;
        if (p.maxWordsPerMinute() > 0) {
            double wpm = words * 60_000.0 / durationMs;
            if (wpm > p.maxWordsPerMinute()) {
                tooManyWords = true;
                r.add(ProblemCode.READING_SPEED, () -> "reading speed of " + CueText.rate(wpm, p.maxWordsPerMinute())
                        + " words/min is above " + CueText.number(p.maxWordsPerMinute()) + " (" + p.name() + ")");
            }
        }
        long minMs = p.minDurationMs(words);
        // too many words for the time is one fault: reading speed says it; the per-word minimum would repeat it
        if (durationMs < minMs && !(tooManyWords && durationMs >= p.minDurationMs())) {
            String forWords = minMs > p.minDurationMs() ? " for " + words + " words" : "";
            r.add(ProblemCode.TOO_SHORT, () -> "on screen for " + durationMs + " ms, below the minimum of " + minMs
                    + " ms"
                    + forWords + " (" + p.name() + ")");
        }
        if (p.maxDurationMs() > 0 && durationMs > p.maxDurationMs()) {
            r.add(ProblemCode.TOO_LONG, () -> "on screen for " + durationMs + " ms, above the maximum of "
                    + p.maxDurationMs() + " ms (" + p.name() + ")");
        }
    }

    private static void checkPair(Cue prev, Cue cue, int index, QcProfile p, long minGapMs, double fps,
                                  Reporter prevReporter, Reporter reporter) {
        if (cue.startMs() < prev.startMs()) {
            reporter.add(ProblemCode.OUT_OF_ORDER, () -> "starts before the previous cue, which starts at "
                    + CueText.time(prev.startMs()));
            return;
        }
        long gapMs = cue.startMs() - prev.endMs();
        if (gapMs < 0) {
            prevReporter.add(ProblemCode.OVERLAP, () -> "overlaps the next cue, " + CueText.label(index, cue.startMs())
                    + ", by " + (-gapMs) + " ms");
        } else if (gapMs < minGapMs) {
            prevReporter.add(ProblemCode.GAP_TOO_SMALL, () -> "gap of " + gapMs + " ms to the next cue is below "
                    + minGapMs + " ms (" + CueText.number(p.minGapFrames()) + " frames at " + CueText.number(fps)
                    + " fps, " + p.name() + ")");
        }
    }

    /** Adds problems about one cue with its line, label and the profile's severities. */
    private record Reporter(Problems out, QcProfile profile, int line, int cueIndex, long startMs) {
        void add(ProblemCode code, Supplier<String> message) {
            if (out.isFull()) {
                out.add(line, code, ""); // only counted: skip building a message nobody will see
                return;
            }
            String label = CueText.label(cueIndex, startMs);
            out.add(new ParseProblem(line, profile.severityOf(code), code.id(), label + ": " + message.get()));
        }
    }
}
