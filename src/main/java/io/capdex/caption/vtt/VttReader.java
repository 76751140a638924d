package io.capdex.caption.vtt;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.CueLines;
import io.capdex.caption.Format;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Region;
import io.capdex.caption.Source;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads WebVTT following the W3C file parsing algorithm (https://www.w3.org/TR/webvtt1/#file-parsing), so it
 * keeps exactly the cues, regions and styles a browser keeps, and reports what it skipped.
 *
 * <p>Policy where capdex differs from a browser, because the model cannot hold it: a cue that ends before it
 * starts is skipped with an {@code end-before-start} error (browsers keep it; {@link #parse} keeps it too). A
 * file without the {@code WEBVTT} signature is rejected with a {@code missing-header} error and no cues, as
 * browsers reject it. Stateless and thread-safe.
 *
 * <p>Model mapping: the cue identifier is {@code Cue.id}; valid settings go to {@code Cue.settings} by WebVTT name
 * with values as written (a line or position whose alignment is invalid keeps its number; {@code region} only
 * when the region exists); {@code REGION} blocks become {@code Track.regions} (valid settings, values as
 * written; a region without id is dropped); {@code STYLE} blocks before the first cue become
 * {@code Track.styles}; a {@code Language:} header line sets {@code Track.language}; {@code NOTE} blocks are
 * in {@link VttDocument#notes}. Cue text: {@code <i> <b> <u>} and classes map onto {@code Style}, a CSS colour
 * class ({@code <c.yellow>}) onto {@code Style.color}, a voice covering the whole cue onto {@code Cue.speaker}
 * (else {@code Style.voice}), {@code <lang>} onto {@code Style.lang}; ruby is flattened to
 * {@code base(annotation)}; character references are decoded; inline timestamps become {@code Cue.words}, each
 * word starting at the timestamp before it and ending at the next one (or the cue end). Lines holding only
 * markup are dropped. Problems are listed in line order.
 */
public final class VttReader implements CaptionReader {

    /** The first line of the STYLE block {@link VttWriter} writes for colours that are not CSS names. */
    static final String COLOUR_BLOCK_MARK = "/* capdex: colours */";

    private static final Pattern COLOUR_RULE =
            Pattern.compile("::cue\\(\\.([A-Za-z0-9_-]+)\\)\\s*\\{\\s*color:\\s*([^;}]+?)\\s*;?\\s*}");
    private static final Pattern LANGUAGE_HEADER =
            Pattern.compile("(?i)language\\s*:\\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\\s*");

    public VttReader() {
    }

    @Override
    public ParseResult read(CharSequence text) {
        Problems problems = new Problems();
        VttDocument doc = new Parse(text, problems).run();
        Map<String, String> colourClasses = new HashMap<>();
        List<String> styles = new ArrayList<>(doc.styles().size());
        for (String css : doc.styles()) {
            if (css.startsWith(COLOUR_BLOCK_MARK)) {
                // our own colour rules: they become Style.color again, not a user style sheet
                Matcher m = COLOUR_RULE.matcher(css);
                while (m.find()) {
                    colourClasses.put(m.group(1), m.group(2));
                }
            } else {
                styles.add(css);
            }
        }
        List<Cue> cues = new ArrayList<>(doc.cues().size());
        List<Integer> cueFirstLines = new ArrayList<>(doc.cues().size());
        for (VttDocument.RawCue raw : doc.cues()) {
            if (raw.endMs() < raw.startMs()) {
                problems.add(raw.line(), ProblemCode.END_BEFORE_START, "end before start ("
                        + VttTime.format(raw.startMs()) + " --> " + VttTime.format(raw.endMs()) + "); cue skipped");
                continue;
            }
            if (raw.endMs() == raw.startMs()) {
                problems.add(raw.line(), ProblemCode.ZERO_DURATION, "cue starts and ends at "
                        + VttTime.format(raw.startMs()) + "; kept");
            }
            CueText.Parsed parsed = CueText.parse(raw.text(), raw.startMs(), raw.endMs(), raw.line() + 1,
                    colourClasses, problems);
            if (parsed.lines().isEmpty()) {
                problems.add(raw.line(), ProblemCode.EMPTY_CUE, "cue has no text; kept");
            }
            cues.add(new Cue(new TimeSpan(raw.startMs(), raw.endMs()), raw.id(), parsed.lines(), parsed.speaker(),
                    parsed.words(), raw.settings()));
            cueFirstLines.add(raw.line());
        }
        String language = Track.UNDETERMINED;
        for (String h : doc.header()) {
            Matcher m = LANGUAGE_HEADER.matcher(h);
            if (m.matches()) {
                language = m.group(1); // YouTube writes "Language: en" in the header
            }
        }
        Origin origin = new Origin(Format.VTT, "UTF-8", doc.bom(), doc.lineEndings());
        Track track = new Track(language, Source.ASR, cues, doc.regions(), styles, origin);
        return new ParseResult(track, inLineOrder(problems.toList()), new CueLines(cueFirstLines));
    }

    /** Problems sorted by line (stably), the capped list's closing "more problems" entry kept last. */
    private static List<ParseProblem> inLineOrder(List<ParseProblem> list) {
        List<ParseProblem> sorted = new ArrayList<>(list);
        ParseProblem more = null;
        if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).code().equals(ProblemCode.MORE_PROBLEMS.id())) {
            more = sorted.remove(sorted.size() - 1);
        }
        sorted.sort(Comparator.comparingInt(ParseProblem::line));
        if (more != null) {
            sorted.add(more);
        }
        return sorted;
    }

    /**
     * The file as the W3C algorithm sees it: raw cue text, cues that end before they start kept, problems of
     * the block level only. Never throws on content.
     */
    public VttDocument parse(CharSequence text) {
        return new Parse(text, new Problems()).run();
    }

    /** One run of the algorithm over one input; holds the "position" and the lists being built. */
    private static final class Parse {
        private final CharSequence original;
        private final Problems problems;
        private String[] lines = new String[0];
        private int n;
        private int pos;
        private boolean seenCue;
        private final List<String> header = new ArrayList<>();
        private final List<VttDocument.RawCue> cues = new ArrayList<>();
        private final List<Region> regions = new ArrayList<>();
        private final List<String> styles = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Parse(CharSequence original, Problems problems) {
            this.original = original;
            this.problems = problems;
        }

        VttDocument run() {
            String lineEndings = Origin.lineEndingsOf(original);
            int from = 0;
            boolean bom = original.length() > 0 && original.charAt(0) == '\uFEFF';
            if (bom) {
                from = 1; // CaptionReader contract: a BOM left by decoding is skipped (the spec allows one)
            }
            String input = normalise(original, from);
            lines = input.split("\n", -1);
            n = lines.length;
            if (!hasSignature(input)) {
                if (input.isBlank()) {
                    problems.add(1, ProblemCode.EMPTY_FILE, "file is empty; nothing read");
                } else {
                    problems.add(1, ProblemCode.MISSING_HEADER, "file does not start with WEBVTT followed by a"
                            + " space, tab or line break (found \"" + shorten(lines[0]) + "\"); not WebVTT, nothing"
                            + " read");
                }
                return document(bom, lineEndings);
            }
            String rest = lines[0].substring(6).strip();
            if (!rest.isEmpty()) {
                header.add(rest);
            }
            pos = 1;
            if (pastEnd()) {
                return document(bom, lineEndings);
            }
            if (!lines[pos].isEmpty()) {
                collectBlock(true);
            } else {
                pos++;
            }
            skipBlankLines();
            while (!pastEnd()) {
                collectBlock(false);
                skipBlankLines();
            }
            return document(bom, lineEndings);
        }

        private VttDocument document(boolean bom, String lineEndings) {
            return new VttDocument(header, notes, cues, regions, styles, bom, lineEndings, problems.toList());
        }

        /** Spec step 1: NUL becomes U+FFFD, CR LF and lone CR become LF. */
        private String normalise(CharSequence in, int from) {
            String whole = in.toString();
            if (whole.indexOf('\r') < 0 && whole.indexOf('\0') < 0) {
                return whole.substring(from); // the usual case: nothing to replace
            }
            StringBuilder sb = new StringBuilder(in.length() - from);
            int line = 1;
            boolean nulReported = false;
            for (int i = from, len = in.length(); i < len; i++) {
                char c = in.charAt(i);
                if (c == '\r') {
                    sb.append('\n');
                    line++;
                    if (i + 1 < len && in.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else if (c == 0) {
                    sb.append('\uFFFD');
                    if (!nulReported) {
                        problems.add(line, ProblemCode.NUL_CHARACTER, "NUL character replaced by U+FFFD"
                                + " (later ones too)");
                        nulReported = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private static boolean hasSignature(String s) {
            if (s.length() < 6 || !s.startsWith("WEBVTT")) {
                return false;
            }
            if (s.length() == 6) {
                return true;
            }
            char c = s.charAt(6);
            return c == ' ' || c == '\t' || c == '\n';
        }

        /** Past the end of input: after the last line, or on the empty remainder after a final line break. */
        private boolean pastEnd() {
            return pos >= n || (pos == n - 1 && lines[pos].isEmpty());
        }

        private void skipBlankLines() {
            while (!pastEnd() && lines[pos].isEmpty()) {
                pos++;
            }
        }

        /** The spec's "collect a WebVTT block". */
        private void collectBlock(boolean inHeader) {
            int firstIndex = pos;
            int lineCount = 0;
            int previous = pos;
            StringBuilder buffer = new StringBuilder();
            boolean seenArrow = false;
            boolean arrowBreak = false;
            boolean isStyle = false;
            boolean isRegion = false;
            boolean haveCue = false;
            int cueLine = 0;
            @Nullable String cueId = null;
            long cueStart = 0;
            long cueEnd = 0;
            Map<String, String> cueSettings = Map.of();
            while (true) {
                String line = lines[pos];
                int lineNo = pos + 1;
                lineCount++;
                boolean seenEof = pos == n - 1;
                pos++;
                if (line.contains("-->")) {
                    if (!inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow))) {
                        seenArrow = true;
                        previous = pos;
                        Map<String, String> settings = new LinkedHashMap<>();
                        long[] times = timings(line, lineNo, settings);
                        if (times != null) {
                            cueLine = lineNo;
                            cueId = buffer.length() == 0 ? null : buffer.toString();
                            cueStart = times[0];
                            cueEnd = times[1];
                            cueSettings = settings;
                            haveCue = true;
                            buffer.setLength(0);
                            seenCue = true;
                        }
                    } else {
                        pos = previous;
                        arrowBreak = !inHeader;
                        break;
                    }
                } else if (line.isEmpty()) {
                    break;
                } else {
                    if (!inHeader && lineCount == 2 && !seenCue) {
                        if (isKeyword(buffer, "STYLE")) {
                            isStyle = true;
                            buffer.setLength(0);
                        } else if (isKeyword(buffer, "REGION")) {
                            isRegion = true;
                            buffer.setLength(0);
                        }
                    }
                    if (buffer.length() > 0) {
                        buffer.append('\n');
                    }
                    buffer.append(line);
                    previous = pos;
                }
                if (seenEof) {
                    break;
                }
            }
            if (arrowBreak && haveCue) {
                // a browser starts a new cue here; the author most likely forgot a blank line
                problems.add(pos + 1, ProblemCode.MISSING_BLANK_LINE, "line with \"-->\" follows cue text without"
                        + " a blank line; cue text ended and a new block started");
            }
            if (inHeader) {
                for (String h : buffer.toString().split("\n", -1)) {
                    header.add(h);
                }
                return;
            }
            if (haveCue) {
                cues.add(new VttDocument.RawCue(cueLine, cueId, cueStart, cueEnd, cueSettings, buffer.toString()));
            } else if (isStyle) {
                styles.add(buffer.toString());
            } else if (isRegion) {
                region(buffer.toString(), firstIndex + 2);
            } else if (!seenArrow) {
                reportIgnored(firstIndex, arrowBreak, buffer);
            }
        }

        private static boolean isKeyword(CharSequence buffer, String word) {
            int len = buffer.length();
            if (len < word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (buffer.charAt(i) != word.charAt(i)) {
                    return false;
                }
            }
            for (int i = word.length(); i < len; i++) {
                if (!VttCueSettings.isWhitespace(buffer.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private void reportIgnored(int firstIndex, boolean arrowBreak, CharSequence text) {
            String first = lines[firstIndex];
            int lineNo = firstIndex + 1;
            if (first.startsWith("NOTE") && (first.length() == 4 || first.charAt(4) == ' '
                    || first.charAt(4) == '\t')) {
                notes.add(text.length() <= 5 ? "" : text.subSequence(5, text.length()).toString());
                return; // a comment: kept for whoever needs it (verify looks for the warning stamp there)
            }
            if (isKeyword(first, "STYLE")) {
                problems.add(lineNo, ProblemCode.BAD_STYLE, seenCue ? "STYLE block after the first cue; ignored"
                        : "STYLE block has no CSS on the next line; ignored");
                return;
            }
            if (isKeyword(first, "REGION")) {
                problems.add(lineNo, ProblemCode.BAD_REGION, seenCue ? "REGION block after the first cue; ignored"
                        : "REGION block has no settings on the next line; ignored");
                return;
            }
            if (arrowBreak) {
                problems.add(lineNo, ProblemCode.STRAY_BLOCK, "block \"" + shorten(first) + "\" has \"-->\" only"
                        + " after its second line, so it is no cue; ignored up to that line");
                return;
            }
            problems.add(lineNo, ProblemCode.STRAY_BLOCK, "block \"" + shorten(first) + "\" has no timing line"
                    + " and is no NOTE, STYLE or REGION; ignored");
        }

        /** The spec's "collect WebVTT cue timings and settings"; null (problem reported) when it fails. */
        private long @Nullable [] timings(String line, int lineNo, Map<String, String> settings) {
            int[] p = {0};
            skipWhitespace(line, p);
            long start = VttTime.scan(line, p);
            if (start < 0) {
                timingProblem(lineNo, line, start, "start time");
                return null;
            }
            skipWhitespace(line, p);
            if (!line.startsWith("-->", p[0])) {
                problems.add(lineNo, ProblemCode.BAD_TIMING, "timing line \"" + shorten(line) + "\" has no \"-->\""
                        + " right after the start time; cue skipped");
                return null;
            }
            p[0] += 3;
            skipWhitespace(line, p);
            long end = VttTime.scan(line, p);
            if (end < 0) {
                timingProblem(lineNo, line, end, "end time");
                return null;
            }
            if (p[0] < line.length() && !VttCueSettings.isWhitespace(line.charAt(p[0]))) {
                // the spec reads the rest as settings; a browser keeps the cue, so do we, but say so
                problems.add(lineNo, ProblemCode.BAD_SETTING, "no space between the end time and \""
                        + shorten(line.substring(p[0])) + "\"; read as settings");
            }
            settings(line.substring(p[0]), lineNo, settings);
            return new long[] {start, end};
        }

        private void timingProblem(int lineNo, String line, long code, String what) {
            if (code == VttTime.OUT_OF_RANGE) {
                problems.add(lineNo, ProblemCode.TIME_OUT_OF_RANGE, what + " in \"" + shorten(line)
                        + "\" has minutes or seconds above 59 (or absurd hours); cue skipped");
            } else {
                problems.add(lineNo, ProblemCode.BAD_TIMING, what + " in \"" + shorten(line)
                        + "\" is not a WebVTT timestamp ([hh:]mm:ss.ttt); cue skipped");
            }
        }

        private static void skipWhitespace(String s, int[] p) {
            while (p[0] < s.length() && VttCueSettings.isWhitespace(s.charAt(p[0]))) {
                p[0]++;
            }
        }

        /** The spec's "parse the WebVTT cue settings", keeping valid ones by name (last wins). */
        private void settings(String remainder, int lineNo, Map<String, String> out) {
            Map<String, String> found = new HashMap<>();
            for (String token : splitOnWhitespace(remainder)) {
                int colon = token.indexOf(':');
                if (colon <= 0 || colon == token.length() - 1) {
                    problems.add(lineNo, ProblemCode.BAD_SETTING, "cue setting \"" + shorten(token)
                            + "\" is not name:value; ignored");
                    continue;
                }
                String name = token.substring(0, colon);
                String value = token.substring(colon + 1);
                if (!VttCueSettings.NAMES.contains(name)) {
                    problems.add(lineNo, ProblemCode.BAD_SETTING, "unknown cue setting \"" + shorten(name)
                            + "\"; ignored");
                } else if (name.equals("region")) {
                    if (findRegion(value)) {
                        found.put(name, value);
                    } else {
                        // the spec sets the cue's region to null here, undoing an earlier region setting
                        found.remove(name);
                        problems.add(lineNo, ProblemCode.BAD_SETTING, "region \"" + shorten(value)
                                + "\" is not defined; cue has no region");
                    }
                } else if (VttCueSettings.isValid(name, value)) {
                    found.put(name, value);
                } else if (VttCueSettings.accepted(name, value) != null) {
                    String number = VttCueSettings.accepted(name, value);
                    found.put(name, number);
                    problems.add(lineNo, ProblemCode.BAD_SETTING, "invalid alignment in cue setting \""
                            + shorten(token) + "\"; kept " + name + ":" + number);
                } else {
                    problems.add(lineNo, ProblemCode.BAD_SETTING, "invalid value in cue setting \""
                            + shorten(token) + "\"; ignored");
                }
            }
            for (String name : VttCueSettings.NAMES) {
                String v = found.get(name);
                if (v != null) {
                    out.put(name, v);
                }
            }
        }

        private boolean findRegion(String id) {
            for (Region r : regions) {
                if (r.id().equals(id)) {
                    return true;
                }
            }
            return false;
        }

        /** The spec's "collect WebVTT region settings"; a later region with the same id replaces the earlier. */
        private void region(String text, int firstLineNo) {
            String id = "";
            Map<String, String> found = new HashMap<>();
            int lineNo = firstLineNo;
            for (String line : text.split("\n", -1)) {
                for (String token : splitOnWhitespace(line)) {
                    int colon = token.indexOf(':');
                    if (colon <= 0 || colon == token.length() - 1) {
                        problems.add(lineNo, ProblemCode.BAD_REGION, "region setting \"" + shorten(token)
                                + "\" is not name:value; ignored");
                        continue;
                    }
                    String name = token.substring(0, colon);
                    String value = token.substring(colon + 1);
                    if (name.equals("id")) {
                        id = value;
                    } else if (!VttRegionSettings.NAMES.contains(name)) {
                        problems.add(lineNo, ProblemCode.BAD_REGION, "unknown region setting \"" + shorten(name)
                                + "\"; ignored");
                    } else if (VttRegionSettings.isValid(name, value)) {
                        found.put(name, value);
                    } else {
                        problems.add(lineNo, ProblemCode.BAD_REGION, "invalid value in region setting \""
                                + shorten(token) + "\"; ignored");
                    }
                }
                lineNo++;
            }
            if (id.isEmpty()) {
                // no cue can name it, so it can never be used
                problems.add(firstLineNo - 1, ProblemCode.BAD_REGION, "REGION without an id; ignored");
                return;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : VttRegionSettings.NAMES) {
                String v = found.get(name);
                if (v != null) {
                    settings.put(name, v);
                }
            }
            for (int i = 0; i < regions.size(); i++) {
                if (regions.get(i).id().equals(id)) {
                    problems.add(firstLineNo - 1, ProblemCode.BAD_REGION, "REGION id \"" + shorten(id)
                            + "\" defined twice; the later one is used");
                    regions.remove(i);
                    break;
                }
            }
            regions.add(new Region(id, settings));
        }
    }

    static List<String> splitOnWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int len = s.length();
        while (i < len) {
            while (i < len && VttCueSettings.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !VttCueSettings.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
