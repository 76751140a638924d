package io.capdex.caption.sbv;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.CueLines;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Source;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads YouTube's SubViewer (SBV) captions leniently: a {@code H:MM:SS.mmm,H:MM:SS.mmm} timing line, text
 * lines, a blank line between cues. Every tolerance is reported as a warning with its line; a cue whose timing
 * cannot be read is skipped with an error. Stateless and thread-safe.
 */
public final class SbvReader implements CaptionReader {
    /** Some SBV files (and YouTube's editor) write a line break inside a text line as {@code [br]}. */
    private static final Pattern BR = Pattern.compile("\\[br]", Pattern.CASE_INSENSITIVE);
    private static final int QUOTE_MAX = 60;

    @Override
    public ParseResult read(CharSequence input) {
        Problems problems = new Problems();
        boolean bom = input.length() > 0 && input.charAt(0) == '\uFEFF';
        String lineEndings = Origin.lineEndingsOf(input);
        Origin origin = new Origin(Format.SBV, "UTF-8", bom, lineEndings);
        if (bom) {
            // a BOM left by decoding (or written by Windows tools): skipped
            problems.add(1, ProblemCode.BOM, "byte order mark at the start of the file; skipped");
        }
        List<String> lines = splitLines(input, bom ? 1 : 0, problems);
        if (lines.isEmpty() || lines.stream().allMatch(String::isBlank)) {
            problems.add(1, ProblemCode.EMPTY_FILE, "the file holds no text; no cues");
            return new ParseResult(emptyTrack(origin), problems.toListByLine());
        }
        int n = lines.size();
        char last = input.charAt(input.length() - 1);
        if (last != '\n' && last != '\r') {
            // the last cue is read all the same: cutting it would lose a caption for a missing byte
            problems.add(n, ProblemCode.MISSING_FINAL_NEWLINE,
                    "the file does not end with a newline; read as if it did");
        }

        TimingLine[] timing = new TimingLine[n];
        int[] nextTiming = new int[n + 1];
        nextTiming[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            timing[i] = TimingLine.classify(lines.get(i));
            nextTiming[i] = timing[i] != null ? i : nextTiming[i + 1];
        }

        List<Cue> cues = new ArrayList<>();
        List<Integer> cueFirstLines = new ArrayList<>();
        Once srt = new Once(problems);
        long previousStartMs = -1;
        int i = 0;
        while (i < n) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            TimingLine t = timing[i];
            if (isIndex(lines, timing, i)) {
                srt.report(i + 1, "SRT cue number " + quote(line) + " before a timing line; ignored");
                i++;
                continue;
            }
            if (t == null) {
                int next = nextTiming[i];
                if (next == n) {
                    if (cues.isEmpty()) {
                        problems.add(i + 1, ProblemCode.NO_CUES,
                                "no SBV timing line (H:MM:SS.mmm,H:MM:SS.mmm) found from here on; nothing read");
                    } else {
                        problems.add(i + 1, ProblemCode.TRAILING_GARBAGE,
                                "text after the last cue (" + quote(line) + "); ignored");
                    }
                    break;
                }
                problems.add(i + 1, ProblemCode.BAD_TIMING, "text without a timing line (" + quote(line)
                        + "); skipped up to the timing line at line " + (next + 1));
                i = next;
                continue;
            }
            int timingLine = i + 1;
            if (t.srt()) {
                srt.report(timingLine, "SRT timing " + quote(t.raw()) + "; read as SBV");
            }
            if (t.error() != null) {
                ProblemCode code = t.negative() ? ProblemCode.NEGATIVE_TIME
                        : t.outOfRange() ? ProblemCode.TIME_OUT_OF_RANGE : ProblemCode.BAD_TIMING;
                problems.add(timingLine, code, "bad timing (" + quote(t.raw()) + "): " + t.error() + "; cue skipped");
            }
            if (t.error() == null && t.extraSpace()) {
                problems.add(timingLine, ProblemCode.EXTRA_SPACE, "extra white space in the timing line ("
                        + quote(t.raw()) + "); ignored");
            }
            if (t.error() == null && t.tolerance() != null) {
                problems.add(timingLine, ProblemCode.LENIENT_TIME, "non-standard timing (" + quote(t.raw()) + "): "
                        + t.tolerance() + "; accepted");
            }
            boolean skip = t.error() != null || t.endMs() < t.startMs();
            if (t.error() == null && t.endMs() < t.startMs()) {
                problems.add(timingLine, ProblemCode.END_BEFORE_START, "end before start (" + t.raw().strip()
                        + "); cue skipped");
            }
            if (!skip && t.endMs() == t.startMs()) {
                problems.add(timingLine, ProblemCode.ZERO_DURATION, "cue starts and ends at "
                        + SbvTime.format(t.startMs()) + "; kept");
            }
            if (!skip && t.startMs() < previousStartMs) {
                problems.add(timingLine, ProblemCode.OUT_OF_ORDER, "cue starts at " + SbvTime.format(t.startMs())
                        + ", before the previous cue (" + SbvTime.format(previousStartMs) + "); kept in file order");
            }
            if (!skip) {
                previousStartMs = t.startMs();
            }
            List<String> text = new ArrayList<>(2);
            int j = i + 1;
            while (true) {
                while (j < n && !lines.get(j).isBlank()) {
                    if (isIndex(lines, timing, j)) {
                        break;
                    }
                    if (timing[j] != null) {
                        // no blank line before the next timing: the timing line starts a new cue
                        problems.add(j + 1, ProblemCode.MISSING_BLANK_LINE,
                                "timing line right after cue text with no blank line between; a new cue starts here");
                        break;
                    }
                    text.add(lines.get(j));
                    j++;
                }
                if (j >= n || !lines.get(j).isBlank()) {
                    break;
                }
                int k = j;
                while (k < n && lines.get(k).isBlank()) {
                    k++;
                }
                if (k == n || timing[k] != null || isIndex(lines, timing, k)) {
                    j = k;
                    break;
                }
                if (nextTiming[k] == n) {
                    problems.add(k + 1, ProblemCode.TRAILING_GARBAGE,
                            "text after the last cue (" + quote(lines.get(k)) + "); ignored");
                    j = n;
                    break;
                }
                // a blank line inside the text: the text after it has no timing of its own, so it belongs here
                problems.add(j + 1, ProblemCode.BLANK_LINE_IN_TEXT,
                        "blank line inside the cue text before " + quote(lines.get(k)) + "; kept as part of the cue");
                for (int b = j; b < k; b++) {
                    text.add("");
                }
                j = k;
            }
            i = j;
            if (skip) {
                continue;
            }
            List<Line> cueLines = toLines(text);
            if (cueLines.isEmpty()) {
                problems.add(timingLine, ProblemCode.EMPTY_CUE, "cue at " + SbvTime.format(t.startMs())
                        + " has no text; kept");
            }
            cues.add(new Cue(new TimeSpan(t.startMs(), t.endMs()), null, cueLines, null, List.of(), Map.of()));
            cueFirstLines.add(timingLine);
        }
        if (cues.isEmpty() && problems.toList().stream().noneMatch(p -> p.code().equals(ProblemCode.NO_CUES.id()))) {
            problems.add(1, ProblemCode.NO_CUES, "no cue could be read");
        }
        return new ParseResult(new Track(Track.UNDETERMINED, Source.ASR, cues, List.of(), List.of(), origin),
                problems.toListByLine(), new CueLines(cueFirstLines));
    }

    /** A line of digits right before a timing line: an SRT cue number. */
    private static boolean isIndex(List<String> lines, TimingLine[] timing, int i) {
        if (i + 1 >= lines.size() || timing[i + 1] == null || timing[i] != null) {
            return false;
        }
        String s = lines.get(i).strip();
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Reports SRT syntax once per file: a renamed SRT file would otherwise give one warning per cue. */
    private static final class Once {
        private final Problems problems;
        private boolean done;

        Once(Problems problems) {
            this.problems = problems;
        }

        void report(int line, String message) {
            if (!done) {
                done = true;
                problems.add(line, ProblemCode.SRT_SYNTAX, message + " (further SRT syntax is read the same way)");
            }
        }
    }

    private static Track emptyTrack(Origin origin) {
        return new Track(Track.UNDETERMINED, Source.ASR, List.of(), List.of(), List.of(), origin);
    }

    /** Text lines to model lines: trailing white space dropped, {@code [br]} split, surrounding blank lines dropped. */
    private static List<Line> toLines(List<String> text) {
        List<Line> out = new ArrayList<>(text.size());
        for (String raw : text) {
            String s = raw.stripTrailing();
            if (s.indexOf('[') >= 0 && BR.matcher(s).find()) {
                for (String part : BR.split(s, -1)) {
                    out.add(Line.plain(part.strip()));
                }
            } else {
                out.add(Line.plain(s));
            }
        }
        int from = 0;
        int to = out.size();
        while (from < to && out.get(from).text().isBlank()) {
            from++;
        }
        while (to > from && out.get(to - 1).text().isBlank()) {
            to--;
        }
        return from == 0 && to == out.size() ? out : new ArrayList<>(out.subList(from, to));
    }

    /** Splits on CR, LF and CRLF; reports mixed endings once and removes NUL characters. */
    static List<String> splitLines(CharSequence input, int from, Problems problems) {
        List<String> lines = new ArrayList<>();
        String firstEnding = null;
        boolean mixedReported = false;
        int n = input.length();
        int start = from;
        int i = from;
        while (i < n) {
            char c = input.charAt(i);
            if (c == '\n' || c == '\r') {
                boolean crlf = c == '\r' && i + 1 < n && input.charAt(i + 1) == '\n';
                String ending = crlf ? "CRLF" : c == '\r' ? "CR" : "LF";
                lines.add(clean(input.subSequence(start, i).toString(), lines.size() + 1, problems));
                if (firstEnding == null) {
                    firstEnding = ending;
                } else if (!mixedReported && !firstEnding.equals(ending)) {
                    mixedReported = true;
                    problems.add(lines.size(), ProblemCode.MIXED_LINE_ENDINGS, "line ends with " + ending
                            + " where earlier lines end with " + firstEnding + "; both accepted");
                }
                i += "CRLF".equals(ending) ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < n) {
            lines.add(clean(input.subSequence(start, n).toString(), lines.size() + 1, problems));
        }
        return lines;
    }

    private static String clean(String line, int lineNumber, Problems problems) {
        if (line.indexOf('\0') < 0) {
            return line;
        }
        // NULs come from UTF-16 files decoded as 8-bit text or from padding; they are never caption text
        problems.add(lineNumber, ProblemCode.NUL_CHARACTER, "NUL characters on this line; removed");
        return line.replace("\0", "");
    }

    static String quote(String s) {
        String t = s.strip();
        return "'" + (t.length() > QUOTE_MAX ? t.substring(0, QUOTE_MAX) + "…" : t) + "'";
    }
}
