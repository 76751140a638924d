package io.capdex.caption.srt;

import io.capdex.caption.AsciiAppendable;
import io.capdex.caption.AsciiBuffer;
import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes canonical SubRip (SRT) that {@link SrtReader} reads back with no problems. Stateless and thread-safe.
 *
 * <p>The layout follows cdown/srt: cues numbered from 1, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} (more hour digits
 * when needed), the text lines, then a blank line, also after the last cue, so the file ends with two newlines.
 * Lines end with LF, or CRLF when {@link WriteOptions#crlf()} is set.
 *
 * <p>What SRT cannot hold is left out, and said here: the speaker (only the text is written), word timings, cue
 * ids, voice/class/language spans, and settings other than the position an SSA {@code {\anN}} block can express.
 * Lines that show nothing (empty or white space only) are not written, because SRT would read them as the end of
 * the cue. NUL characters are dropped.
 *
 * <p>Styling is written as {@code <font color="…">}, {@code <b>}, {@code <i>}, {@code <u>}, nested in that order,
 * opened and closed per line: between runs only the tags that change are closed and opened. SRT has no escaping,
 * so capdex writes a character reference only where the reader would otherwise see markup: {@code &lt;} for a
 * {@code <} that starts an {@code i b u font br} tag (other tags are written as they are and read back as text,
 * with a warning), <code>&amp;#123;</code> for a <code>{</code> that could start a brace tag or override block,
 * {@code &amp;} for an {@code &} that starts a reference, and {@code &gt;} in a text line that would otherwise
 * read as a timing line.
 */
public final class SrtWriter implements CaptionWriter {
    private static final int FONT = 0;
    private static final int BOLD = 1;
    private static final int ITALIC = 2;
    private static final int UNDERLINE = 3;
    private static final String[] OPEN = {"", "<b>", "<i>", "<u>"};
    private static final String[] CLOSE = {"</font>", "</b>", "</i>", "</u>"};
    private static final boolean[] SPECIAL = new boolean[128];

    static {
        for (char c : new char[] {'&', '<', '>', '{', '\0'}) {
            SPECIAL[c] = true;
        }
    }

    public SrtWriter() {
    }

    @Override
    public void write(Track track, Appendable out, WriteOptions options) throws IOException {
        Cues stream = new Cues(out, options);
        for (Cue cue : track.cues()) {
            stream.write(cue);
        }
        stream.finish();
    }

    /** SRT has no header and nothing in it depends on other cues, so every track can be written cue by cue. */
    @Override
    public Optional<CueStream> open(Track header, Appendable out, WriteOptions options) {
        return Optional.of(new Cues(out, options));
    }

    /** Writes numbered cues; the one place that lays out an SRT cue. */
    private static final class Cues implements CueStream {
        private final Appendable out;
        private final String nl;
        private final StringBuilder sb = new StringBuilder(256);
        private final Tags tags = new Tags();
        private final AsciiBuffer bytes = new AsciiBuffer();
        private int number;

        Cues(Appendable out, WriteOptions options) {
            this.out = out;
            this.nl = options.newline();
        }

        @Override
        public boolean write(Cue cue) throws IOException {
            number++;
            if (out instanceof AsciiAppendable a && writeAscii(cue, a)) {
                return true;
            }
            sb.setLength(0);
            sb.append(number).append(nl);
            SrtTime.appendTo(sb, cue.startMs());
            sb.append(" --> ");
            SrtTime.appendTo(sb, cue.endMs());
            sb.append(nl);
            int alignment = alignmentOf(cue.settings());
            boolean first = true;
            boolean ascii = true;
            for (Line line : cue.lines()) {
                if (SrtSyntax.isBlank(line.text())) {
                    continue;
                }
                if (first && alignment != 0) {
                    sb.append("{\\an").append(alignment).append('}');
                }
                first = false;
                ascii &= writeLine(sb, line, tags);
                sb.append(nl);
            }
            if (first && alignment != 0) {
                sb.append("{\\an").append(alignment).append('}').append(nl);
            }
            sb.append(nl);
            // numbers, times and tags are ASCII; the escape looked at every character of the text
            if (ascii && out instanceof AsciiAppendable a) {
                a.appendAscii(sb);
            } else {
                out.append(sb);
            }
            return true;
        }

        /**
         * Writes what the general layout above writes for the commonest cue, straight into bytes: no position, and
         * every line one plain run of ASCII with no character SPECIAL marks. Such a line cannot look like a timing,
         * since an arrow needs a '>'. Returns false, having written nothing, for any other cue.
         */
        private boolean writeAscii(Cue cue, AsciiAppendable a) throws IOException {
            if (!cue.settings().isEmpty() && alignmentOf(cue.settings()) != 0) {
                return false;
            }
            AsciiBuffer b = bytes;
            b.clear();
            b.appendNumber(number).append(nl);
            b.appendTime(cue.startMs(), 2, ',').append(" --> ").appendTime(cue.endMs(), 2, ',').append(nl);
            for (Line line : cue.lines()) {
                List<Run> runs = line.runs();
                if (runs.isEmpty()) {
                    continue; // blank: not written
                }
                Run run = runs.get(0);
                int start = b.length();
                if (runs.size() != 1 || !run.style().isPlain() || !b.appendText(run.text(), SPECIAL)) {
                    return false;
                }
                int p = start;
                while (p < b.length() && SrtSyntax.isSpace(b.charAt(p))) {
                    p++;
                }
                if (p == b.length()) {
                    b.setLength(start); // blank: not written
                } else {
                    b.append(nl);
                }
            }
            b.append(nl);
            b.writeTo(a);
            return true;
        }

        @Override
        public void finish() {
            // the blank line after each cue already ends the file
        }
    }

    /** Writes the line's text and tags; returns whether all it wrote is ASCII. */
    private static boolean writeLine(StringBuilder sb, Line line, Tags tags) {
        List<Run> runs = srtRuns(line);
        int lineStart = sb.length();
        boolean ascii = writeRuns(sb, runs, tags, false);
        int first = skip(sb, lineStart);
        char c = first < sb.length() ? sb.charAt(first) : ' ';
        // Only a line starting with a digit or '-' can look like a timing; checking first avoids a copy per line.
        if ((SrtSyntax.isDigit(c) || c == '-') && SrtSyntax.isTimingLike(sb.substring(lineStart))) {
            // "10:00 --> 11:00" as text would start a new cue; &gt; keeps it text and reads back as ">".
            sb.setLength(lineStart);
            ascii = writeRuns(sb, runs, tags, true);
        }
        return ascii;
    }

    private static int skip(StringBuilder sb, int from) {
        while (from < sb.length() && SrtSyntax.isSpace(sb.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The line's runs with only what SRT can show in their styles, adjacent equal ones merged. */
    private static List<Run> srtRuns(Line line) {
        List<Run> runs = line.runs();
        boolean clean = true;
        for (Run r : runs) {
            // nearly every run of ASR captions has the shared plain style: nothing to look at
            if (r.style() != Style.PLAIN && (r.style().voice() != null || !r.style().classes().isEmpty()
                    || r.style().lang() != null)) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return runs;
        }
        List<Run> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            Style st = r.style();
            out.add(new Run(r.text(), new Style(st.italic(), st.bold(), st.underline(), st.color(),
                    null, List.of(), null)));
        }
        return new Line(out).runs();
    }

    /** Writes the runs with their tags; returns whether all it wrote is ASCII. */
    private static boolean writeRuns(StringBuilder sb, List<Run> runs, Tags tags, boolean escapeGt) {
        tags.depth = 0;
        boolean ascii = true;
        for (Run run : runs) {
            Style style = run.style();
            String color = style.color();
            int keep = 0;
            while (keep < tags.depth && tags.wanted(keep, style)) {
                keep++;
            }
            while (tags.depth > keep) {
                tags.depth--;
                sb.append(CLOSE[tags.kinds[tags.depth]]);
            }
            if (color != null && !tags.has(FONT)) {
                sb.append("<font color=\"");
                for (int i = 0; i < color.length(); i++) {
                    char c = color.charAt(i);
                    // A quote or angle bracket would end the attribute or the tag early; colours never need them.
                    if (c != '"' && c != '<' && c != '>' && c != '\n' && c != '\r') {
                        sb.append(c);
                        ascii &= c < 0x80;
                    }
                }
                sb.append("\">");
                tags.push(FONT, color);
            }
            if (style.bold() && !tags.has(BOLD)) {
                sb.append(OPEN[BOLD]);
                tags.push(BOLD, null);
            }
            if (style.italic() && !tags.has(ITALIC)) {
                sb.append(OPEN[ITALIC]);
                tags.push(ITALIC, null);
            }
            if (style.underline() && !tags.has(UNDERLINE)) {
                sb.append(OPEN[UNDERLINE]);
                tags.push(UNDERLINE, null);
            }
            ascii &= escape(sb, run.text(), escapeGt);
        }
        while (tags.depth > 0) {
            tags.depth--;
            sb.append(CLOSE[tags.kinds[tags.depth]]);
        }
        return ascii;
    }

    /** Appends {@code text} escaped as the class comment says; returns whether it is all ASCII. */
    private static boolean escape(StringBuilder sb, String text, boolean escapeGt) {
        int n = text.length();
        int first = 0;
        while (first < n && !isSpecialOrWide(text.charAt(first))) {
            first++;
        }
        if (first == n) {
            // Most runs have nothing to escape and are ASCII: appending the whole String is a bulk copy.
            sb.append(text);
            return true;
        }
        boolean ascii = true;
        int plain = 0;
        int chainEnd = -1;
        boolean chainEscapes = false;
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            if (!isSpecialOrWide(c)) {
                continue;
            }
            if (c >= SPECIAL.length) {
                ascii = false; // written as it is, in the stretch
                continue;
            }
            // Copy the stretch without special characters in one go; most runs have none at all.
            sb.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '&' -> sb.append(SrtSyntax.entityAt(text, i, n) != 0 ? "&amp;" : "&");
                case '<' -> {
                    // Checking within the run is enough: the next run always begins after a tag, whose '<' ends
                    // the reader's search for this one's '>'. Unknown tags stay as they are: the reader keeps
                    // them as text too (with a warning), and players show "<script>" better than "&lt;script>".
                    // A '<' that is no tag only because a later '<' stops the reader's search goes the way of
                    // that one: escaping the later '<' alone would make "<a <b>" read back as the tag
                    // "<a &lt;b>". Every '<' up to the end of such a chain is decided at once.
                    if (i > chainEnd) {
                        chainEnd = i;
                        int end;
                        int blocker;
                        while ((end = SrtSyntax.tagEnd(text, chainEnd, n)) < 0
                                && (blocker = SrtSyntax.tagBlocker(text, chainEnd, n)) >= 0) {
                            chainEnd = blocker;
                        }
                        chainEscapes = end >= 0 && SrtSyntax.isKnownTag(text, chainEnd, end);
                    }
                    sb.append(chainEscapes ? "&lt;" : "<");
                }
                case '{' -> {
                    // "{\" always: an override block's '}' may come after markup, which does not stop the reader.
                    boolean markup = (i + 1 < n && text.charAt(i + 1) == '\\') || SrtSyntax.isBraceTag(text, i, n);
                    sb.append(markup ? "&#123;" : "{");
                }
                case '>' -> sb.append(escapeGt ? "&gt;" : ">");
                case '\0' -> {
                    // NUL is not text; the reader would drop it with a warning.
                }
                default -> throw new AssertionError(c);
            }
        }
        sb.append(text, plain, n);
        return ascii;
    }

    /** A character {@link #escape} may have to write otherwise ({@code & < > { NUL}), or one above ASCII. */
    private static boolean isSpecialOrWide(char c) {
        // a table look-up: small enough for C1 to inline into escape's loops, which run for every character
        return c >= SPECIAL.length || SPECIAL[c];
    }

    /**
     * The SSA {@code \anN} for a cue's WebVTT settings, or 0 for the default (bottom centre). {@code line} as a
     * percentage picks the top, middle or bottom third; as a line number, 0 and up count from the top and
     * negative ones from the bottom. {@code align} left/start is the left column, right/end the right one.
     */
    static int alignmentOf(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return 0;
        }
        int row = 0;
        String line = settings.get("line");
        if (line != null) {
            row = rowOf(line);
        }
        int column = 1;
        String align = settings.get("align");
        if (align != null) {
            switch (align.trim()) {
                case "left", "start" -> column = 0;
                case "right", "end" -> column = 2;
                default -> column = 1;
            }
        }
        int alignment = row * 3 + column + 1;
        return alignment == 2 ? 0 : alignment;
    }

    /** 0 bottom, 1 middle, 2 top. */
    private static int rowOf(String line) {
        String v = line.trim();
        int comma = v.indexOf(',');
        if (comma >= 0) {
            v = v.substring(0, comma).trim();
        }
        boolean percent = v.endsWith("%");
        if (percent) {
            v = v.substring(0, v.length() - 1);
        }
        double value;
        try {
            value = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0; // "auto" and anything unreadable: SRT's default, the bottom
        }
        if (percent) {
            return value < 100.0 / 3 ? 2 : value < 200.0 / 3 ? 1 : 0;
        }
        return value >= 0 ? 2 : 0;
    }

    /** The tags open on the current line, innermost last; reused per write. */
    private static final class Tags {
        final int[] kinds = new int[4];
        final @Nullable String[] colors = new String[4];
        int depth;

        boolean has(int kind) {
            for (int i = 0; i < depth; i++) {
                if (kinds[i] == kind) {
                    return true;
                }
            }
            return false;
        }

        boolean wanted(int index, Style style) {
            return switch (kinds[index]) {
                case FONT -> Objects.equals(colors[index], style.color());
                case BOLD -> style.bold();
                case ITALIC -> style.italic();
                default -> style.underline();
            };
        }

        void push(int kind, @Nullable String color) {
            kinds[depth] = kind;
            colors[depth] = color;
            depth++;
        }
    }
}
