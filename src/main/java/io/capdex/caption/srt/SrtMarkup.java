package io.capdex.caption.srt;

import io.capdex.caption.Line;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns one cue's raw SRT text lines into styled model lines: HTML-like tags, their brace forms, SSA override
 * blocks and character references. One instance per read (it reuses its buffers), so not thread-safe.
 *
 * <p>Every scan here is linear in the line length: a tag ends at the first {@code >} and gives up at the next
 * {@code <}, a brace block gives up at the next <code>{</code>, an entity is at most 10 characters. That keeps a 1 MB
 * line of {@code <<<<} fast.
 */
final class SrtMarkup {
    private final Problems problems;
    private final StringBuilder text = new StringBuilder(128);
    private final List<Run> runs = new ArrayList<>(4);

    private int italic;
    private int bold;
    private int underline;
    private int italicLine;
    private int boldLine;
    private int underlineLine;
    private @Nullable String[] colors = new String[4];
    private int[] colorLines = new int[4];
    private int colorDepth;
    private @Nullable Style style = Style.PLAIN;

    /** Set by a {@code <br>} tag: the line being decoded ends there. */
    private boolean breakLine;

    /** The SSA {@code \anN} alignment of the current cue, 0 when it had none. */
    int alignment;

    SrtMarkup(Problems problems) {
        this.problems = problems;
    }

    /** Starts a new cue: SRT styling never carries over from one cue to the next. */
    void startCue() {
        italic = 0;
        bold = 0;
        underline = 0;
        colorDepth = 0;
        style = Style.PLAIN;
        alignment = 0;
    }

    /**
     * Decodes one raw line and adds it to {@code out}, unless it shows nothing (empty or white space once markup
     * is removed): the writer never writes such a line, because SRT would read it as the end of the cue. When
     * {@code mayHaveMarkup} is false the caller knows the line has none of {@code < { &}, and it is not looked for.
     */
    void decodeLine(String s, int from, int to, int lineNo, boolean mayHaveMarkup, List<Line> out) {
        int special = mayHaveMarkup ? from : to;
        while (special < to) {
            char c = s.charAt(special);
            if (c == '<' || c == '{' || c == '&') {
                break;
            }
            special++;
        }
        if (special == to) {
            // Fast path: no markup at all on this line, the common case in ASR captions.
            if (SrtSyntax.isBlank(s, from, to)) {
                return;
            }
            String plain = s.substring(from, to);
            Style current = current();
            out.add(current.isPlain() ? Line.plain(plain) : new Line(List.of(new Run(plain, current))));
            return;
        }
        text.setLength(0);
        text.append(s, from, special);
        int p = special;
        while (p < to) {
            char c = s.charAt(p);
            if (c == '<') {
                p = tag(s, p, to, lineNo);
                if (breakLine) {
                    breakLine = false;
                    endLine(out);
                }
            } else if (c == '{') {
                p = brace(s, p, to, lineNo);
            } else if (c == '&') {
                long entity = SrtSyntax.entityAt(s, p, to);
                if (entity == 0) {
                    text.append('&');
                    p++;
                } else {
                    text.appendCodePoint((int) entity);
                    p += (int) (entity >>> 32);
                }
            } else {
                text.append(c);
                p++;
            }
        }
        flush();
        endLine(out);
    }

    private void endLine(List<Line> out) {
        if (runs.isEmpty()) {
            return;
        }
        Line line = new Line(runs);
        runs.clear();
        if (!SrtSyntax.isBlank(line.text())) {
            out.add(line);
        }
    }

    /** Reports tags still open at the end of the cue; they are closed there. */
    void endCue() {
        if (italic > 0) {
            unclosed(italicLine, "<i>");
        }
        if (bold > 0) {
            unclosed(boldLine, "<b>");
        }
        if (underline > 0) {
            unclosed(underlineLine, "<u>");
        }
        if (colorDepth > 0) {
            unclosed(colorLines[0], "<font>");
        }
    }

    private void unclosed(int line, String tag) {
        problems.add(line, ProblemCode.UNCLOSED_TAG, "unclosed " + tag + "; closed at the end of the cue");
    }

    private void flush() {
        if (text.length() > 0) {
            runs.add(new Run(text.toString(), current()));
            text.setLength(0);
        }
    }

    private Style current() {
        Style s = style;
        if (s == null) {
            s = new Style(italic > 0, bold > 0, underline > 0, colorDepth > 0 ? colors[colorDepth - 1] : null, null,
                    List.of(), null);
            style = s;
        }
        return s;
    }

    /** Handles {@code <} at {@code p}; returns where scanning continues. */
    private int tag(String s, int p, int to, int lineNo) {
        int end = SrtSyntax.tagEnd(s, p, to);
        if (end < 0) {
            text.append('<');
            return p + 1;
        }
        boolean closing = s.charAt(p + 1) == '/';
        int nameStart = closing ? p + 2 : p + 1;
        int nameEnd = SrtSyntax.tagNameEnd(s, nameStart, to);
        int q = end - 1;
        int nameLength = nameEnd - nameStart;
        char n0 = Character.toLowerCase(s.charAt(nameStart));
        boolean br = nameLength == 2 && s.regionMatches(true, nameStart, "br", 0, 2);
        boolean known = !br && SrtSyntax.isKnownTag(s, p, end);
        if (br) {
            // HTML converters write <br> for a line break; SRT breaks lines with a newline, and so does the model.
            flush();
            breakLine = true;
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG, SrtSyntax.quote(s, p, end) + " read as a line break");
        } else if (known && s.charAt(q - 1) == '/') {
            // "<i/>" styles nothing; dropping it keeps the following text plain.
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG,
                    "self-closing tag " + SrtSyntax.quote(s, p, end) + " styles nothing; dropped");
        } else if (nameLength == 1 && (n0 == 'i' || n0 == 'b' || n0 == 'u')) {
            toggle(n0, closing, lineNo, s, p, end);
        } else if (nameLength == 4 && s.regionMatches(true, nameStart, "font", 0, 4)) {
            if (closing) {
                closeFont(lineNo, s, p, end);
            } else {
                openFont(attribute(s, nameEnd, q, "color"), lineNo);
            }
        } else {
            // Kept as text so nothing the author wrote is lost; the warning tells them.
            text.append(s, p, end);
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG,
                    "unknown tag " + SrtSyntax.quote(s, p, end) + " kept as text");
        }
        return end;
    }

    /** Handles <code>{</code> at {@code p}: {@code {i}}-style tags, SSA override blocks, or a literal brace. */
    private int brace(String s, int p, int to, int lineNo) {
        if (p + 1 < to && s.charAt(p + 1) == '\\') {
            int q = p + 2;
            while (q < to && s.charAt(q) != '}' && s.charAt(q) != '{') {
                q++;
            }
            if (q >= to || s.charAt(q) != '}') {
                text.append('{');
                return p + 1;
            }
            override(s, p, q + 1, lineNo);
            return q + 1;
        }
        // {i} {/i} {b} {/b} {u} {/u}: the brace forms some converters write.
        if (SrtSyntax.isBraceTag(s, p, to)) {
            boolean closing = s.charAt(p + 1) == '/';
            int q = closing ? p + 2 : p + 1;
            toggle(Character.toLowerCase(s.charAt(q)), closing, lineNo, s, p, q + 2);
            return q + 2;
        }
        text.append('{');
        return p + 1;
    }

    /** An SSA override block <code>{\an8\pos(1,2)}</code>: the alignment is kept as settings, the rest dropped. */
    private void override(String s, int from, int to, int lineNo) {
        int p = from + 1;
        int end = to - 1;
        boolean unknown = false;
        while (p < end) {
            int next = s.indexOf('\\', p + 1);
            if (next < 0 || next > end) {
                next = end;
            }
            // p is at a backslash; the command runs to the next backslash.
            int cmd = p + 1;
            int cmdEnd = SrtSyntax.trimEnd(s, cmd, next);
            if (cmdEnd - cmd == 3 && (s.charAt(cmd) == 'a' || s.charAt(cmd) == 'A')
                    && (s.charAt(cmd + 1) == 'n' || s.charAt(cmd + 1) == 'N')
                    && s.charAt(cmd + 2) >= '1' && s.charAt(cmd + 2) <= '9') {
                alignment = s.charAt(cmd + 2) - '0';
            } else if (cmdEnd > cmd) {
                unknown = true;
            }
            p = next;
        }
        if (unknown) {
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG,
                    "SSA override " + SrtSyntax.quote(s, from, to) + " removed (only \\an1..\\an9 is kept)");
        }
    }

    private void toggle(char name, boolean closing, int lineNo, String s, int from, int to) {
        int depth = name == 'i' ? italic : name == 'b' ? bold : underline;
        if (closing && depth == 0) {
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG,
                    "closing tag " + SrtSyntax.quote(s, from, to) + " without an opening one; dropped");
            return;
        }
        int before = depth;
        depth += closing ? -1 : 1;
        if ((before > 0) != (depth > 0)) {
            flush();
            style = null;
        }
        switch (name) {
            case 'i' -> {
                if (before == 0) {
                    italicLine = lineNo;
                }
                italic = depth;
            }
            case 'b' -> {
                if (before == 0) {
                    boldLine = lineNo;
                }
                bold = depth;
            }
            default -> {
                if (before == 0) {
                    underlineLine = lineNo;
                }
                underline = depth;
            }
        }
    }

    private void openFont(@Nullable String color, int lineNo) {
        String inherited = colorDepth > 0 ? colors[colorDepth - 1] : null;
        // <font face=...> without a colour keeps the surrounding colour, so the closing </font> still pairs up.
        String effective = color != null ? color : inherited;
        if (colorDepth == colors.length) {
            colors = Arrays.copyOf(colors, colorDepth * 2);
            colorLines = Arrays.copyOf(colorLines, colorDepth * 2);
        }
        if (!Objects.equals(effective, inherited)) {
            flush();
            style = null;
        }
        colors[colorDepth] = effective;
        colorLines[colorDepth] = lineNo;
        colorDepth++;
    }

    private void closeFont(int lineNo, String s, int from, int to) {
        if (colorDepth == 0) {
            problems.add(lineNo, ProblemCode.UNKNOWN_TAG,
                    "closing tag " + SrtSyntax.quote(s, from, to) + " without an opening one; dropped");
            return;
        }
        String before = colors[colorDepth - 1];
        String after = colorDepth > 1 ? colors[colorDepth - 2] : null;
        if (!Objects.equals(before, after)) {
            flush(); // the text so far still has the colour being closed
            style = null;
        }
        colorDepth--;
    }

    /** The value of attribute {@code name} in {@code s[from, to)} (quoted or not), or null. */
    private static @Nullable String attribute(String s, int from, int to, String name) {
        int p = from;
        while (p < to) {
            p = SrtSyntax.skipSpace(s, p, to);
            int keyStart = p;
            while (p < to && s.charAt(p) != '=' && !SrtSyntax.isSpace(s.charAt(p))) {
                p++;
            }
            int keyEnd = p;
            p = SrtSyntax.skipSpace(s, p, to);
            if (p >= to || s.charAt(p) != '=') {
                if (keyEnd == keyStart) {
                    p++;
                }
                continue;
            }
            p = SrtSyntax.skipSpace(s, p + 1, to);
            int valueStart;
            int valueEnd;
            if (p < to && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
                char quote = s.charAt(p);
                valueStart = p + 1;
                valueEnd = valueStart;
                while (valueEnd < to && s.charAt(valueEnd) != quote) {
                    valueEnd++;
                }
                p = Math.min(to, valueEnd + 1);
            } else {
                valueStart = p;
                while (p < to && !SrtSyntax.isSpace(s.charAt(p)) && s.charAt(p) != '/') {
                    p++;
                }
                valueEnd = p;
            }
            if (keyEnd - keyStart == name.length() && s.regionMatches(true, keyStart, name, 0, name.length())
                    && valueEnd > valueStart) {
                return s.substring(valueStart, valueEnd);
            }
        }
        return null;
    }
}
