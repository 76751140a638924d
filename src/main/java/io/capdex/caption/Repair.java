package io.capdex.caption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fixes what can be fixed in a track without a person: white space, empty and duplicate cues, rolling captions,
 * zero-length cues, overlaps and small gaps, and over-long lines. Every change is reported as a
 * {@code repaired} problem naming the cue by its number and start in the input,
 * {@code cue 412 (00:12:03,200): overlapping cue trimmed by 320 ms}.
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>White space: each line is trimmed, any run of white space becomes one space (the style of its first
 *       character kept), blank lines are removed. No-break spaces are kept: they are deliberate.</li>
 *   <li>Cues without text are dropped.</li>
 *   <li>Cues are sorted by start; the sort is stable, so cues starting together keep their file order.</li>
 *   <li>Rolling captions, where each cue repeats the last line(s) of the one before and the two touch (YouTube's
 *       automatic captions), become one cue per group of new lines, shown from when those lines first appear
 *       until the next new line appears (the last until the chain ends). Each line is kept once.</li>
 *   <li>Consecutive cues with the same text whose times touch or overlap become one cue spanning both.</li>
 *   <li>A zero-length cue gets its reading time (characters at the reading speed, at least the minimum
 *       duration, at most the maximum) without running into the next cue, as Subtitle Edit's "fix
 *       short display time" does. A cue never ends before it starts in the model: readers skip those.</li>
 *   <li>Overlaps and gaps below the minimum: the earlier cue's end moves to the next start minus the gap. If
 *       that would leave it shorter than the minimum duration (or than it was), the next cue's start is
 *       delayed instead, as long as the next cue keeps its minimum and stays before the one after it. If
 *       neither works and the cues truly overlap (speech at the same time), they are merged into one cue whose
 *       lines are both cues' lines (two speakers keep their names as voice spans); a gap that is merely small is
 *       then left as it is.</li>
 *   <li>Re-flow: a cue with a line over the limit, or with more lines than allowed, is broken again into the
 *       fewest lines that fit, balanced in length: breaks prefer to follow punctuation, avoid one-word lines,
 *       and never start a line with a dash unless it starts a speaker's turn. Lines starting with a dash
 *       (dialogue) are re-flowed separately. Styles stay with their words. Text that needs more lines than
 *       allowed is split into consecutive cues, balanced and preferably at the end of a sentence, each starting
 *       when its first word is spoken (from word timings) or else sharing the time by characters; if a part
 *       would get less than the minimum duration, the cue keeps its extra lines instead.</li>
 * </ol>
 * Because a later step can make work for an earlier one (a merge can make a line too long), the steps repeat
 * until a round changes nothing, so that repairing a repaired track changes nothing. The AI-accuracy warning
 * cues ({@link Qc#isWarningCue}) are left exactly as they are.
 */
public final class Repair {
    private static final int MAX_ROUNDS = 6;

    private Repair() {
    }

    public static RepairResult repair(Track track, RepairOptions options) {
        return repair(track, options, CueLines.none());
    }

    /** Repairs a track, reporting each change at the file line of the input cue it names. */
    public static RepairResult repair(Track track, RepairOptions options, CueLines cueLines) {
        List<Cue> warnings = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<Cue> cues = track.cues();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            if (Qc.isWarningCue(c)) {
                warnings.add(c);
            } else {
                items.add(new Item(c, i, c.startMs()));
            }
        }
        Changes changes = new Changes(cueLines);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Item> before = items;
            items = normaliseWhitespace(items, changes);
            items = dropEmpty(items, changes);
            items = sortByStart(items, changes);
            if (options.collapseRolling()) {
                items = collapseRolling(items, changes);
            }
            if (options.mergeDuplicates()) {
                items = mergeDuplicates(items, changes);
            }
            if (options.fixTiming()) {
                items = fixZeroDurations(items, options, changes);
                items = fixOverlaps(items, options, changes);
            }
            if (options.reflow() && options.maxCharsPerLine() > 0) {
                items = reflow(items, options, changes);
            }
            if (cuesOf(before).equals(cuesOf(items))) {
                break;
            }
        }
        List<Cue> out = new ArrayList<>(warnings.size() + items.size());
        out.addAll(warnings);
        out.addAll(cuesOf(items));
        if (!warnings.isEmpty()) {
            out.sort(Comparator.comparingLong(Cue::startMs)); // stable: warning cues first at equal starts
        }
        return new RepairResult(track.withCues(out), changes.problems.toList());
    }

    /** A cue being repaired, with the index and start of the input cue it came from, for messages. */
    private record Item(Cue cue, int origin, long originStartMs) {
        Item with(Cue newCue) {
            return new Item(newCue, origin, originStartMs);
        }

        String label() {
            return CueText.label(origin, originStartMs);
        }
    }

    private static final class Changes {
        final Problems problems = new Problems();
        final CueLines lines;

        Changes(CueLines lines) {
            this.lines = lines;
        }

        void add(Item item, String message) {
            problems.add(lines.lineOf(item.origin()), ProblemCode.REPAIRED, item.label() + ": " + message);
        }
    }

    private static List<Cue> cuesOf(List<Item> items) {
        return items.stream().map(Item::cue).toList();
    }

    // --- 1. white space ---

    private static List<Item> normaliseWhitespace(List<Item> items, Changes changes) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            List<Line> lines = new ArrayList<>(item.cue().lines().size());
            for (Line line : item.cue().lines()) {
                Line clean = hasCleanSpaces(line) ? line : StyledText.of(line).normalisedSpaces().toLine();
                if (!clean.runs().isEmpty()) {
                    lines.add(clean);
                }
            }
            if (lines.equals(item.cue().lines())) {
                out.add(item);
            } else {
                if (!lines.isEmpty()) {
                    changes.add(item, "white space normalised");
                }
                out.add(item.with(item.cue().withLines(lines)));
            }
        }
        return out;
    }

    /** True when a line has no white space but single spaces between words: the common case, checked fast. */
    private static boolean hasCleanSpaces(Line line) {
        String text = line.text();
        int n = text.length();
        if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? text.charAt(i + 1) == ' ' : Character.isWhitespace(c) || c == '\u0085') {
                return false;
            }
        }
        return true;
    }

    // --- 2. empty cues ---

    private static List<Item> dropEmpty(List<Item> items, Changes changes) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item.cue().isEmpty()) {
                changes.add(item, "cue without text dropped");
            } else {
                out.add(item);
            }
        }
        return out;
    }

    // --- 3. order ---

    private static List<Item> sortByStart(List<Item> items, Changes changes) {
        long latest = -1;
        boolean sorted = true;
        for (Item item : items) {
            if (item.cue().startMs() < latest) {
                sorted = false;
                changes.add(item, "starts before an earlier cue (at " + CueText.time(latest)
                        + "); moved into time order");
            }
            latest = Math.max(latest, item.cue().startMs());
        }
        if (sorted) {
            return items;
        }
        List<Item> out = new ArrayList<>(items);
        out.sort(Comparator.comparingLong(i -> i.cue().startMs()));
        return out;
    }

    // --- 4. rolling captions ---

    /** Rolling captions touch; a little slack allows for rounding to frames. */
    private static final long ROLLING_SLACK_MS = 40;

    /** How many lines cue b repeats from the end of cue a, or 0 when b does not continue a rolling display. */
    private static int rollingOverlap(Cue a, Cue b) {
        if (b.startMs() < a.startMs() || b.startMs() > a.endMs() + ROLLING_SLACK_MS) {
            return 0;
        }
        List<String> la = a.lines().stream().map(Line::text).toList();
        List<String> lb = b.lines().stream().map(Line::text).toList();
        for (int k = Math.min(la.size(), lb.size()); k >= 1; k--) {
            if (la.subList(la.size() - k, la.size()).equals(lb.subList(0, k))) {
                // the same text again is a duplicate, not a rolling display
                return k < la.size() || k < lb.size() ? k : 0;
            }
        }
        return 0;
    }

    private static List<Item> collapseRolling(List<Item> items, Changes changes) {
        List<Item> out = new ArrayList<>(items.size());
        int i = 0;
        while (i < items.size()) {
            int j = i;
            List<Integer> overlaps = new ArrayList<>();
            while (j + 1 < items.size()) {
                int k = rollingOverlap(items.get(j).cue(), items.get(j + 1).cue());
                if (k == 0) {
                    break;
                }
                overlaps.add(k);
                j++;
            }
            if (j == i) {
                out.add(items.get(i));
                i++;
                continue;
            }
            List<Item> chain = items.subList(i, j + 1);
            List<Item> collapsed = collapseChain(chain, overlaps);
            changes.add(chain.get(0), "rolling captions (cues " + (chain.get(0).origin() + 1) + " to "
                    + (chain.get(chain.size() - 1).origin() + 1) + ") collapsed into " + collapsed.size()
                    + (collapsed.size() == 1 ? " cue" : " cues") + " showing each line once");
            out.addAll(collapsed);
            i = j + 1;
        }
        return out;
    }

    private static List<Item> collapseChain(List<Item> chain, List<Integer> overlaps) {
        List<Item> groups = new ArrayList<>(); // the cue where each group of new lines appears, with those lines
        long chainEndMs = 0;
        Set<Word> words = new LinkedHashSet<>();
        for (int t = 0; t < chain.size(); t++) {
            Item item = chain.get(t);
            Cue cue = item.cue();
            chainEndMs = Math.max(chainEndMs, cue.endMs());
            words.addAll(cue.words());
            int skip = t == 0 ? 0 : overlaps.get(t - 1);
            List<Line> fresh = cue.lines().subList(skip, cue.lines().size());
            if (!fresh.isEmpty()) {
                groups.add(item.with(cue.withLines(fresh)));
            }
        }
        List<Word> sortedWords = new ArrayList<>(words);
        sortedWords.sort(Comparator.comparingLong(Word::startMs));
        List<Item> out = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Item group = groups.get(g);
            long start = group.cue().startMs();
            boolean last = g == groups.size() - 1;
            long end = last ? chainEndMs : Math.max(start, groups.get(g + 1).cue().startMs());
            List<Word> own = new ArrayList<>();
            for (Word w : sortedWords) {
                if (w.startMs() >= start && (w.startMs() < end || last && w.startMs() <= end)) {
                    own.add(w);
                }
            }
            out.add(group.with(withSpan(group.cue().withWords(own), start, end)));
        }
        return out;
    }

    // --- 5. duplicates ---

    private static List<Item> mergeDuplicates(List<Item> items, Changes changes) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            if (!out.isEmpty()) {
                Item prev = out.get(out.size() - 1);
                Cue a = prev.cue();
                Cue b = item.cue();
                if (b.startMs() <= a.endMs() && a.sameText(b)) {
                    long end = Math.max(a.endMs(), b.endMs());
                    changes.add(prev, "same text as the next cue, " + item.label() + ", whose time it touches; merged"
                            + (end != a.endMs() ? ", now ends at " + CueText.time(end) : ""));
                    out.set(out.size() - 1, prev.with(withSpan(a.withWords(union(a.words(), b.words())),
                            a.startMs(), end)));
                    continue;
                }
            }
            out.add(item);
        }
        return out;
    }

    private static List<Word> union(List<Word> a, List<Word> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<Word> set = new LinkedHashSet<>(a);
        set.addAll(b);
        List<Word> out = new ArrayList<>(set);
        out.sort(Comparator.comparingLong(Word::startMs));
        return out;
    }

    // --- 6. zero-length cues ---

    private static List<Item> fixZeroDurations(List<Item> items, RepairOptions o, Changes changes) {
        List<Item> out = new ArrayList<>(items);
        for (int i = 0; i < out.size(); i++) {
            Cue cue = out.get(i).cue();
            if (cue.span().durationMs() > 0) {
                continue;
            }
            long readingMs = Math.round(CueText.readCharacters(cue) * 1000 / o.charsPerSecond());
            long wantMs = Math.max(o.minDurationMs(), readingMs);
            if (o.maxDurationMs() > 0) {
                wantMs = Math.min(wantMs, Math.max(o.maxDurationMs(), o.minDurationMs()));
            }
            wantMs = Math.max(wantMs, 1);
            long end = cue.startMs() + wantMs;
            if (i + 1 < out.size()) {
                long room = out.get(i + 1).cue().startMs() - o.minGapMs();
                if (room > cue.startMs()) {
                    end = Math.min(end, room);
                }
                // no room at all: keep the reading time and let the overlap step trim, delay or merge
            }
            changes.add(out.get(i), "zero duration; now ends at " + CueText.time(end) + " (" + (end - cue.startMs())
                    + " ms)");
            out.set(i, out.get(i).with(withSpan(cue, cue.startMs(), end)));
        }
        return out;
    }

    // --- 7. overlaps and gaps ---

    private static List<Item> fixOverlaps(List<Item> items, RepairOptions o, Changes changes) {
        List<Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item b = items.get(i);
            if (out.isEmpty()) {
                out.add(b);
                continue;
            }
            Item a = out.get(out.size() - 1);
            Cue ca = a.cue();
            Cue cb = b.cue();
            long gapMs = cb.startMs() - ca.endMs();
            if (gapMs >= o.minGapMs()) {
                out.add(b);
                continue;
            }
            long keepA = Math.min(o.minDurationMs(), ca.span().durationMs());
            long target = cb.startMs() - o.minGapMs();
            if (target >= ca.startMs() && target - ca.startMs() >= keepA) {
                changes.add(a, (gapMs < 0 ? "overlapping cue trimmed by " : "end moved earlier by ")
                        + (ca.endMs() - target) + " ms"
                        + (gapMs < 0 ? "" : " to leave a gap of " + o.minGapMs() + " ms"));
                out.set(out.size() - 1, a.with(withSpan(ca, ca.startMs(), target)));
                out.add(b);
                continue;
            }
            long newStart = ca.startMs() + keepA + o.minGapMs();
            long keepB = Math.min(o.minDurationMs(), cb.span().durationMs());
            long nextStart = i + 1 < items.size() ? items.get(i + 1).cue().startMs() : Long.MAX_VALUE;
            if (newStart >= cb.startMs() && cb.endMs() - newStart >= keepB && newStart <= nextStart) {
                long aEnd = ca.startMs() + keepA;
                if (aEnd != ca.endMs()) {
                    changes.add(a, (gapMs < 0 ? "overlapping cue trimmed by " : "end moved earlier by ")
                            + (ca.endMs() - aEnd) + " ms");
                    out.set(out.size() - 1, a.with(withSpan(ca, ca.startMs(), aEnd)));
                }
                changes.add(b, "start delayed by " + (newStart - cb.startMs()) + " ms so that the cue before keeps "
                        + keepA + " ms and a gap of " + o.minGapMs() + " ms");
                out.add(b.with(withSpan(cb, newStart, cb.endMs())));
                continue;
            }
            if (gapMs < 0) {
                boolean sameSpeaker = Objects.equals(ca.speaker(), cb.speaker());
                // two speakers in one cue: each keeps their name as a voice span, as WebVTT writes <v Name>
                List<Line> lines = new ArrayList<>(sameSpeaker ? ca.lines() : voiced(ca.lines(), ca.speaker()));
                lines.addAll(sameSpeaker ? cb.lines() : voiced(cb.lines(), cb.speaker()));
                long end = Math.max(ca.endMs(), cb.endMs());
                Cue merged = new Cue(new TimeSpan(ca.startMs(), end), ca.id(), lines, sameSpeaker ? ca.speaker() : null,
                        union(ca.words(), cb.words()), ca.settings());
                changes.add(a, "overlaps the next cue, " + b.label() + ", by " + (-gapMs)
                        + " ms, too much to trim; merged into one cue until " + CueText.time(end));
                out.set(out.size() - 1, a.with(merged));
                continue;
            }
            out.add(b); // a small gap that cannot widen without making a cue too short is better than a lost cue
        }
        return out;
    }

    private static List<Line> voiced(List<Line> lines, @Nullable String speaker) {
        if (speaker == null) {
            return lines;
        }
        List<Line> out = new ArrayList<>(lines.size());
        for (Line line : lines) {
            List<Run> runs = new ArrayList<>(line.runs().size());
            for (Run run : line.runs()) {
                runs.add(run.style().voice() == null ? new Run(run.text(), run.style().withVoice(speaker)) : run);
            }
            out.add(new Line(runs));
        }
        return out;
    }

    /** The cue with a new span, its word timings clamped into it. */
    private static Cue withSpan(Cue cue, long startMs, long endMs) {
        TimeSpan span = new TimeSpan(startMs, endMs);
        if (span.equals(cue.span())) {
            return cue;
        }
        List<Word> words = cue.words();
        if (!words.isEmpty()) {
            List<Word> clamped = new ArrayList<>(words.size());
            for (Word w : words) {
                long s = Math.min(Math.max(w.startMs(), startMs), endMs);
                long e = Math.min(Math.max(w.endMs(), s), endMs);
                clamped.add(s == w.startMs() && e == w.endMs() ? w : new Word(s, e, w.text()));
            }
            words = clamped;
        }
        return cue.withSpan(span).withWords(words);
    }

    // --- 8. re-flow ---

    private static List<Item> reflow(List<Item> items, RepairOptions o, Changes changes) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            Cue cue = item.cue();
            if (!needsReflow(cue, o)) {
                out.add(item);
                continue;
            }
            List<List<Line>> parts = o.maxLines() > 0
                    ? LineBreaker.splitIntoParts(cue.lines(), o.maxCharsPerLine(), o.maxLines())
                    : List.of(LineBreaker.reflow(cue.lines(), o.maxCharsPerLine()));
            if (parts.size() > 1) {
                List<Cue> split = splitInTime(cue, parts, o);
                if (split != null) {
                    StringBuilder starts = new StringBuilder();
                    for (Cue c : split) {
                        starts.append(starts.length() == 0 ? "" : ", ").append(CueText.time(c.startMs()));
                    }
                    changes.add(item, "text too long for " + o.maxLines() + " lines of " + o.maxCharsPerLine()
                            + " characters; split into " + split.size() + " cues starting at " + starts);
                    for (Cue c : split) {
                        out.add(item.with(c));
                    }
                    continue;
                }
            }
            // one part, or too little time to show the parts one after another: re-flow in place
            List<Line> lines = parts.size() == 1 ? parts.get(0) : LineBreaker.reflow(cue.lines(), o.maxCharsPerLine());
            if (lines.equals(cue.lines())) {
                out.add(item);
                continue;
            }
            StringBuilder widths = new StringBuilder();
            for (Line l : lines) {
                widths.append(widths.length() == 0 ? "" : ", ").append(CueText.characters(l.text()));
            }
            changes.add(item, "re-flowed " + describe(cue.lines()) + " into " + lines.size()
                    + (lines.size() == 1 ? " line" : " lines") + " (" + widths + " characters)");
            out.add(item.with(cue.withLines(lines)));
        }
        return out;
    }

    /**
     * The cue as consecutive cues, one per part, with the minimum gap between them; null when a part would get less
     * than the minimum duration. When the cue has one word timing per word, each part starts when its first word
     * is spoken; otherwise the parts share the time in proportion to their characters. Only the first part keeps
     * the cue's id (ids are unique); speaker and settings go to every part.
     */
    private static @Nullable List<Cue> splitInTime(Cue cue, List<List<Line>> parts, RepairOptions o) {
        int n = parts.size();
        int[] chars = new int[n];
        int[] wordCounts = new int[n];
        long total = 0;
        for (int p = 0; p < n; p++) {
            for (Line l : parts.get(p)) {
                chars[p] += CueText.characters(l.text()) + 1;
                wordCounts[p] += l.text().split(" ").length;
            }
            total += chars[p];
        }
        int allWords = java.util.Arrays.stream(wordCounts).sum();
        boolean timedWords = cue.words().size() == allWords;
        long[] starts = new long[n];
        long[] ends = new long[n];
        long available = cue.span().durationMs() - (n - 1) * o.minGapMs();
        long before = 0;
        int firstWord = 0;
        for (int p = 0; p < n; p++) {
            starts[p] = p == 0 ? cue.startMs() : timedWords ? cue.words().get(firstWord).startMs()
                    : cue.startMs() + Math.round((double) available * before / total) + p * o.minGapMs();
            before += chars[p];
            firstWord += wordCounts[p];
        }
        for (int p = 0; p < n; p++) {
            ends[p] = p == n - 1 ? cue.endMs() : starts[p + 1] - o.minGapMs();
            if (ends[p] - starts[p] < Math.max(1, o.minDurationMs())) {
                return null;
            }
        }
        List<Cue> out = new ArrayList<>(n);
        int word = 0;
        for (int p = 0; p < n; p++) {
            List<Word> words;
            if (timedWords) {
                words = cue.words().subList(word, word + wordCounts[p]);
                word += wordCounts[p];
            } else {
                words = new ArrayList<>();
                for (Word w : cue.words()) {
                    boolean afterStart = w.startMs() >= starts[p] || p == 0;
                    boolean beforeNext = p == n - 1 || w.startMs() < starts[p + 1];
                    if (afterStart && beforeNext) {
                        words.add(w);
                    }
                }
            }
            Cue part = new Cue(cue.span(), p == 0 ? cue.id() : null, parts.get(p), cue.speaker(), words,
                    cue.settings());
            out.add(withSpan(part, starts[p], ends[p]));
        }
        return out;
    }

    private static String describe(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(sb.length() == 0 ? "" : ", ").append(CueText.characters(l.text()));
        }
        return lines.size() + (lines.size() == 1 ? " line" : " lines") + " (" + sb + " characters)";
    }

    private static boolean needsReflow(Cue cue, RepairOptions o) {
        if (o.maxLines() > 0 && cue.lines().size() > o.maxLines()) {
            return true;
        }
        for (Line line : cue.lines()) {
            String text = line.text();
            if (text.indexOf(' ') > 0 && CueText.characters(text) > o.maxCharsPerLine()) {
                return true;
            }
        }
        return false;
    }
}
