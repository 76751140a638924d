package io.capdex.caption.vtt;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * WebVTT cue text to the model's styled lines, following the spec's cue text parsing rules (tokeniser and tree
 * building) and flattening the tree into runs.
 *
 * <p>Mapping: {@code <i> <b> <u>} set italic, bold, underline; classes of any tag become {@code Style.classes},
 * except a CSS colour name ({@code <c.red>}) or a class defined in capdex's colour STYLE block, which become
 * {@code Style.color}; {@code <v Name>} becomes the cue's speaker when one voice covers all the text, else
 * {@code Style.voice}; {@code <lang xx>} becomes {@code Style.lang}. Ruby is flattened: the base text stays and
 * the {@code <rt>} annotation follows it in parentheses ({@code 漢字(かんじ)}), so search and other formats keep
 * both. Inline timestamps make {@link Word}s: each whitespace-separated word gets the timestamp before it (the
 * cue start before the first) and ends at the next timestamp or the cue end. Lines left with no text once
 * markup is removed ({@code <v Bob>} alone on a line) are dropped.
 */
final class CueText {

    record Parsed(List<Line> lines, @Nullable String speaker, List<Word> words) {
    }

    private record Node(String name, List<String> classes, @Nullable String annotation) {
    }

    /** The deepest tag nesting kept. */
    static final int MAX_DEPTH = 32;

    private final long startMs;
    private final long endMs;
    private final Map<String, String> colourClasses;
    private final Problems problems;
    private final List<Node> stack = new ArrayList<>();
    private final List<List<Run>> lines = new ArrayList<>();
    private List<Run> current = new ArrayList<>();
    private final List<Long> segmentTimes = new ArrayList<>();
    private final List<StringBuilder> segments = new ArrayList<>();
    private long lastTimeMs;
    private int lineNo;
    private @Nullable Style style;

    private CueText(long startMs, long endMs, int firstLine, Map<String, String> colourClasses, Problems problems) {
        this.startMs = startMs;
        this.endMs = endMs;
        this.lineNo = firstLine;
        this.colourClasses = colourClasses;
        this.problems = problems;
        this.lastTimeMs = startMs;
        segmentTimes.add(startMs);
        segments.add(new StringBuilder());
    }

    /**
     * Parses raw cue text; {@code firstLine} is the file line of its first line (for problems).
     */
    static Parsed parse(String raw, long startMs, long endMs, int firstLine, Map<String, String> colourClasses,
                        Problems problems) {
        if (raw.indexOf('<') < 0 && raw.indexOf('&') < 0) {
            // most ASR cues are plain text: no tokeniser needed (raw lines are never empty)
            return new Parsed(raw.isEmpty() ? List.of() : Cue.linesOf(raw), null, List.of());
        }
        CueText p = new CueText(startMs, endMs, firstLine, colourClasses, problems);
        p.run(raw);
        return p.result();
    }

    private void run(String raw) {
        int i = 0;
        int len = raw.length();
        while (i < len) {
            if (raw.charAt(i) == '<') {
                int close = raw.indexOf('>', i + 1);
                int end = close < 0 ? len : close;
                String inner = raw.substring(i + 1, end);
                // every tag state of the spec's tokeniser ends at '>' or at the end of the text
                tag(inner, close < 0);
                lineNo += count(inner, '\n');
                i = close < 0 ? len : close + 1;
            } else {
                int lt = raw.indexOf('<', i);
                int end = lt < 0 ? len : lt;
                text(decode(raw.substring(i, end), true));
                i = end;
            }
        }
        for (int k = stack.size() - 1; k >= 0; k--) {
            Node open = stack.get(k);
            if (open.name.equals("rt")) {
                emit(")");
            }
            if (!open.name.equals("v") && !open.name.equals("lang")) {
                // the spec closes them silently; only <v> may legally stay open
                problems.add(lineNo, ProblemCode.UNCLOSED_TAG, "<" + open.name + "> is not closed; closed at the"
                        + " end of the cue");
            }
        }
        stack.clear();
        lines.add(current);
    }

    private void tag(String inner, boolean unterminated) {
        if (unterminated) {
            problems.add(lineNo, ProblemCode.UNCLOSED_TAG, "tag \"<" + VttReader.shorten(inner)
                    + "\" has no '>'; read up to the end of the cue");
        }
        if (inner.isEmpty()) {
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG, "empty tag <> ignored");
            return;
        }
        char c0 = inner.charAt(0);
        if (c0 == '/') {
            endTag(inner.substring(1));
            return;
        }
        if (VttTime.isDigit(c0)) {
            timestamp(inner);
            return;
        }
        int k = 0;
        int n = inner.length();
        while (k < n && !VttCueSettings.isWhitespace(inner.charAt(k)) && inner.charAt(k) != '.') {
            k++;
        }
        String name = inner.substring(0, k);
        List<String> classes = new ArrayList<>();
        if (k < n && inner.charAt(k) == '.') {
            int from = k + 1;
            while (k < n && !VttCueSettings.isWhitespace(inner.charAt(k))) {
                k++;
            }
            for (String cls : inner.substring(from, k).split("\\.")) {
                if (!cls.isEmpty()) {
                    classes.add(cls);
                }
            }
        }
        String annotation = k < n ? collapse(decode(inner.substring(k), false)) : "";
        switch (name) {
            case "c", "i", "b", "u", "ruby" -> push(new Node(name, classes, null));
            case "rt" -> {
                if (!stack.isEmpty() && stack.get(stack.size() - 1).name.equals("ruby")) {
                    emit("(");
                    push(new Node(name, classes, null));
                } else {
                    problems.add(lineNo, ProblemCode.UNKNOWN_TAG, "<rt> outside <ruby> ignored");
                }
            }
            case "v", "lang" -> push(new Node(name, classes, annotation.isEmpty() ? null : annotation));
            default -> problems.add(lineNo, ProblemCode.UNKNOWN_TAG, "unknown tag <" + VttReader.shorten(name)
                    + "> ignored; its text is kept");
        }
    }

    private void push(Node node) {
        if (stack.size() >= MAX_DEPTH) {
            // real captions nest two or three deep; this keeps hostile input from costing O(depth²)
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG, "<" + node.name + "> nested deeper than " + MAX_DEPTH
                    + " tags; ignored");
            return;
        }
        stack.add(node);
        style = null;
    }

    private void endTag(String name) {
        int top = stack.size() - 1;
        if (top >= 0 && stack.get(top).name.equals(name)) {
            if (name.equals("rt")) {
                emit(")");
            }
            stack.remove(top);
            style = null;
        } else if (name.equals("ruby") && top >= 1 && stack.get(top).name.equals("rt")) {
            emit(")");
            stack.remove(top);
            stack.remove(top - 1);
            style = null;
        } else {
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG, "end tag </" + VttReader.shorten(name)
                    + "> does not close the open element; ignored");
        }
    }

    private void timestamp(String inner) {
        OptionalLong t = VttTime.parse(inner);
        if (t.isEmpty()) {
            problems.add(lineNo, ProblemCode.BAD_TIMESTAMP, "inline timestamp <" + VttReader.shorten(inner)
                    + "> is not a WebVTT timestamp; ignored");
            return;
        }
        long ms = t.getAsLong();
        if (ms < lastTimeMs || ms > endMs) {
            // the spec requires start < t < end, increasing; words need ordered times inside the cue
            problems.add(lineNo, ProblemCode.BAD_TIMESTAMP, "inline timestamp <" + inner + "> is "
                    + (ms > endMs ? "after the cue end " + VttTime.format(endMs)
                    : ms < startMs ? "before the cue start " + VttTime.format(startMs)
                    : "before the previous timestamp " + VttTime.format(lastTimeMs)) + "; ignored");
            return;
        }
        lastTimeMs = ms;
        segmentTimes.add(ms);
        segments.add(new StringBuilder());
    }

    private void text(String s) {
        emit(s);
    }

    private void emit(String s) {
        segments.get(segments.size() - 1).append(s);
        int from = 0;
        while (true) {
            int nl = s.indexOf('\n', from);
            String piece = nl < 0 ? s.substring(from) : s.substring(from, nl);
            if (!piece.isEmpty()) {
                current.add(new Run(piece, style()));
            }
            if (nl < 0) {
                return;
            }
            lines.add(current);
            current = new ArrayList<>();
            lineNo++;
            from = nl + 1;
        }
    }

    private Style style() {
        if (style != null) {
            return style;
        }
        boolean italic = false;
        boolean bold = false;
        boolean underline = false;
        String voice = null;
        String lang = null;
        String color = null;
        List<String> classes = new ArrayList<>();
        for (Node node : stack) {
            switch (node.name) {
                case "i" -> italic = true;
                case "b" -> bold = true;
                case "u" -> underline = true;
                case "v" -> voice = node.annotation;
                case "lang" -> lang = node.annotation;
                default -> {
                }
            }
            for (String cls : node.classes) {
                String mapped = colourClasses.get(cls);
                if (mapped != null) {
                    color = mapped;
                } else if (CssColours.isNamed(cls)) {
                    color = cls;
                } else if (!classes.contains(cls)) {
                    classes.add(cls);
                }
            }
        }
        style = new Style(italic, bold, underline, color, voice, classes, lang);
        return style;
    }

    private Parsed result() {
        List<Line> out = new ArrayList<>(lines.size());
        String voice = null;
        boolean oneVoice = true;
        boolean anyText = false;
        for (List<Run> runs : lines) {
            for (Run r : runs) {
                if (r.text().isBlank()) {
                    continue;
                }
                String v = r.style().voice();
                if (!anyText) {
                    voice = v;
                    anyText = true;
                } else if (v == null ? voice != null : !v.equals(voice)) {
                    oneVoice = false;
                }
            }
        }
        String speaker = anyText && oneVoice ? voice : null;
        if (!anyText) {
            // Only white space (e.g. "<v Ana>\t"): the voice around it is still the cue's speaker, as the writer
            // wrote it; without this a whitespace-only cue of a speaker would come back as a voice run.
            speaker = blankOnlyVoice();
        }
        for (List<Run> runs : lines) {
            if (runs.isEmpty()) {
                continue; // nothing but markup on this line
            }
            if (speaker != null) {
                List<Run> plain = new ArrayList<>(runs.size());
                for (Run r : runs) {
                    plain.add(new Run(r.text(), r.style().withVoice(null)));
                }
                runs = plain;
            }
            out.add(new Line(runs));
        }
        return new Parsed(out, speaker, words());
    }

    /** The one voice every run of a cue without visible text shares, or null (none, or several). */
    private @Nullable String blankOnlyVoice() {
        String voice = null;
        boolean first = true;
        for (List<Run> runs : lines) {
            for (Run r : runs) {
                String v = r.style().voice();
                if (first) {
                    voice = v;
                    first = false;
                } else if (v == null ? voice != null : !v.equals(voice)) {
                    return null;
                }
            }
        }
        return voice;
    }

    private List<Word> words() {
        if (segmentTimes.size() == 1) {
            return List.of(); // no inline timestamps: no word timings
        }
        List<Word> words = new ArrayList<>();
        for (int k = 0; k < segments.size(); k++) {
            long start = segmentTimes.get(k);
            long end = k + 1 < segmentTimes.size() ? segmentTimes.get(k + 1) : endMs;
            StringBuilder seg = segments.get(k);
            int i = 0;
            int n = seg.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(seg.charAt(i))) {
                    i++;
                }
                int from = i;
                while (i < n && !Character.isWhitespace(seg.charAt(i))) {
                    i++;
                }
                if (i > from) {
                    words.add(new Word(start, end, seg.substring(from, i)));
                }
            }
        }
        return words;
    }

    /** Character references decoded (HTML rules, for the names capdex knows); problems only for text. */
    private String decode(String s, boolean report) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int line = lineNo;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            boolean numeric = j < s.length() && s.charAt(j) == '#';
            if (numeric) {
                j++;
                boolean hex = j < s.length() && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
                if (hex) {
                    j++;
                }
                int digitsFrom = j;
                while (j < s.length() && (hex ? Character.digit(s.charAt(j), 16) >= 0 : VttTime.isDigit(s.charAt(j)))) {
                    j++;
                }
                if (j == digitsFrom) {
                    if (report) {
                        problems.add(line, ProblemCode.BAD_ENTITY, "\"&#\" without digits kept as text");
                    }
                    sb.append('&');
                    i++;
                    continue;
                }
                int cp = codePoint(s.substring(digitsFrom, j), hex ? 16 : 10);
                boolean semicolon = j < s.length() && s.charAt(j) == ';';
                if (report && (!semicolon || cp == 0xFFFD)) {
                    problems.add(line, ProblemCode.BAD_ENTITY, "character reference \"" + s.substring(i, j)
                            + (semicolon ? ";" : "") + "\""
                            + (cp == 0xFFFD ? " is not a valid character; U+FFFD used" : " has no ';'; decoded"));
                }
                sb.appendCodePoint(cp);
                i = semicolon ? j + 1 : j;
                continue;
            }
            while (j < s.length() && isAsciiAlnum(s.charAt(j))) {
                j++;
            }
            String name = s.substring(i + 1, j);
            boolean semicolon = j < s.length() && s.charAt(j) == ';';
            String value = name.isEmpty() ? null : CharacterReferences.named(name);
            if (value != null && semicolon) {
                sb.append(value);
                i = j + 1;
            } else if (value != null && CharacterReferences.isLegacy(name)) {
                if (report) {
                    problems.add(line, ProblemCode.BAD_ENTITY, "character reference \"&" + name
                            + "\" has no ';'; decoded");
                }
                sb.append(value);
                i = j;
            } else {
                if (report && value != null) {
                    problems.add(line, ProblemCode.BAD_ENTITY, "character reference \"&" + name
                            + "\" has no ';'; kept as text");
                } else if (report && semicolon && !name.isEmpty()) {
                    problems.add(line, ProblemCode.BAD_ENTITY, "unknown character reference \"&"
                            + VttReader.shorten(name) + ";\" kept as text");
                }
                sb.append('&');
                i++;
            }
        }
        return sb.toString();
    }

    private static int codePoint(String digits, int radix) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        if (d.length() > 8) {
            return 0xFFFD;
        }
        long v = Long.parseLong(d, radix);
        if (v == 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
            return 0xFFFD; // as HTML does for NUL, surrogates and out-of-range numbers
        }
        return (int) v;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The spec's annotation clean-up: trim, then collapse runs of white space into one space. */
    private static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (VttCueSettings.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
