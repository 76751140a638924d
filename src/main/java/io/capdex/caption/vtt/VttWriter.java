package io.capdex.caption.vtt;

import io.capdex.caption.AsciiAppendable;
import io.capdex.caption.AsciiBuffer;
import io.capdex.caption.CaptionWriter;
import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes canonical WebVTT: {@code WEBVTT}, then STYLE and REGION blocks, then cues, blocks separated by one blank
 * line, UTF-8 text, LF or CRLF.
 *
 * <p>Canonical form: timings {@code hh:mm:ss.ttt}; settings in {@link VttCueSettings#NAMES} order, values as
 * in the model (invalid ones and regions not in the track are left out); cue text starts with
 * {@code <v Speaker>} when the cue has a speaker; styling is written as nested {@code <c.classes>},
 * {@code <lang>}, {@code <v>}, {@code <i>}, {@code <b>}, {@code <u>} tags (outermost first) kept open across
 * runs and lines while they apply; {@code & < >} and the invisible U+00A0, U+200E, U+200F are written as
 * character references. WebVTT has no inline colour: a CSS colour name is written as that class
 * ({@code <c.red>}); any other colour gets a class {@code c} plus its hex digits (or a hash) and a rule in one
 * extra STYLE block that starts with {@code /* capdex: colours *}{@code /}, which {@link VttReader} turns back
 * into {@code Style.color} (so a model class that happens to be a CSS colour name reads back as a colour). Word
 * timings are inline timestamps before each word whose start differs from the
 * previous one. What cannot be written is left out rather than written wrongly: lines with no text (they would
 * end the cue), ids holding a line break or {@code -->}, STYLE text holding {@code -->}, regions without a
 * usable id, classes with white space or {@code . < > &}, words not found in the text. Stateless and
 * thread-safe.
 */
public final class VttWriter implements CaptionWriter {
    /** The ASCII characters cue text writes as references: {@code & < >}. */
    private static final boolean[] ASCII_REFERENCES = new boolean[128];

    static {
        ASCII_REFERENCES['&'] = true;
        ASCII_REFERENCES['<'] = true;
        ASCII_REFERENCES['>'] = true;
    }

    public VttWriter() {
    }

    @Override
    public void write(Track track, Appendable out, WriteOptions options) throws IOException {
        write(track, List.of(), out, options);
    }

    /** The track as a string with {@code NOTE} blocks after the header (see the four-argument form). */
    public String write(Track track, List<String> notes, WriteOptions options) {
        StringBuilder sb = new StringBuilder(Math.max(64, track.cues().size() * 64));
        try {
            write(track, notes, sb, options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder never throws
        }
        return sb.toString();
    }

    /**
     * Writes the track with a {@code NOTE} block for each note right after the header (the place readers and
     * people look first, e.g. for the AI-accuracy warning). Blank lines inside a note are dropped, since they
     * would end the block.
     *
     * @throws IllegalArgumentException if a note holds {@code -->}, which would turn it into a cue
     */
    public void write(Track track, List<String> notes, Appendable out, WriteOptions options) throws IOException {
        Cues stream = writeHeader(track, notes, colourClasses(track), out, options);
        for (Cue cue : track.cues()) {
            stream.write(cue);
        }
        stream.finish();
    }

    /**
     * Writes the header of {@code header} (its STYLE and REGION blocks) and returns the cue writer. A cue with a
     * colour that is not a CSS name needs a rule in the colour STYLE block, which only the whole track can
     * provide; the stream refuses such a cue.
     */
    @Override
    public Optional<CueStream> open(Track header, Appendable out, WriteOptions options) throws IOException {
        return Optional.of(writeHeader(header, List.of(), Map.of(), out, options));
    }

    private static Cues writeHeader(Track track, List<String> notes, Map<String, String> colourClasses,
                                    Appendable out, WriteOptions options) throws IOException {
        String nl = options.newline();
        out.append("WEBVTT").append(nl);
        for (String note : notes) {
            if (note.contains("-->")) {
                throw new IllegalArgumentException("a WebVTT NOTE cannot hold \"-->\": " + note);
            }
            StringBuilder block = new StringBuilder("NOTE");
            boolean first = true;
            for (String line : note.split("\r\n|\r|\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                block.append(first ? " " : nl).append(line);
                first = false;
            }
            out.append(nl).append(block).append(nl);
        }
        for (String css : track.styles()) {
            String block = cssBlock(css);
            if (block != null) {
                out.append(nl).append("STYLE").append(nl).append(block.replace("\n", nl)).append(nl);
            }
        }
        if (!colourClasses.isEmpty()) {
            out.append(nl).append("STYLE").append(nl).append(VttReader.COLOUR_BLOCK_MARK).append(nl);
            for (Map.Entry<String, String> e : colourClasses.entrySet()) {
                out.append("::cue(.").append(e.getValue()).append(") { color: ").append(e.getKey()).append("; }")
                        .append(nl);
            }
        }
        Set<String> regionIds = new HashSet<>();
        List<Region> regions = track.regions();
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            if (!isRegionId(region.id()) || definedLater(regions, r)) {
                continue; // a later region with the same id wins, as in the reader
            }
            regionIds.add(region.id());
            out.append(nl).append("REGION").append(nl).append("id:").append(region.id()).append(nl);
            for (String name : VttRegionSettings.NAMES) {
                String v = region.settings().get(name);
                if (v != null && VttRegionSettings.isValid(name, v)) {
                    out.append(name).append(':').append(v).append(nl);
                }
            }
        }
        return new Cues(out, nl, colourClasses, regionIds);
    }

    /** Writes cues after the header; the one place that lays out a WebVTT cue. */
    private static final class Cues implements CueStream {
        private final Appendable out;
        private final String nl;
        private final Map<String, String> colourClasses;
        private final Set<String> regionIds;
        private final StringBuilder sb = new StringBuilder(128);
        private final AsciiBuffer bytes = new AsciiBuffer();

        Cues(Appendable out, String nl, Map<String, String> colourClasses, Set<String> regionIds) {
            this.out = out;
            this.nl = nl;
            this.colourClasses = colourClasses;
            this.regionIds = regionIds;
        }

        @Override
        public boolean write(Cue cue) throws IOException {
            if (out instanceof AsciiAppendable a && writeAscii(cue, a)) {
                return true;
            }
            boolean plain = isPlain(cue);
            if (!plain && needsColourClass(cue, colourClasses)) {
                return false;
            }
            sb.setLength(0);
            sb.append(nl);
            String id = cue.id();
            if (id != null && isCueId(id)) {
                sb.append(id).append(nl);
            }
            VttTime.appendTo(sb, cue.startMs());
            sb.append(" --> ");
            VttTime.appendTo(sb, cue.endMs());
            Map<String, String> settings = cue.settings();
            if (!settings.isEmpty()) {
                for (String name : VttCueSettings.NAMES) {
                    String v = settings.get(name);
                    if (v != null && VttCueSettings.isValid(name, v)
                            && (!name.equals("region") || regionIds.contains(v))) {
                        sb.append(' ').append(name).append(':').append(v);
                    }
                }
            }
            sb.append(nl);
            // the times and arrow are ASCII; an id or settings are not looked at, so they count as not
            boolean ascii = id == null && settings.isEmpty();
            if (plain) {
                // what cueText gives such a cue, written straight into the cue's buffer: the lines that have text,
                // escaped, one per line (most ASR cues; this thread bounded a 200,000-cue WebVTT convert)
                for (Line line : cue.lines()) {
                    List<Run> runs = line.runs();
                    if (runs.isEmpty()) {
                        continue; // an empty line would end the cue: cueText leaves it out too
                    }
                    for (Run run : runs) {
                        ascii &= escape(sb, run.text());
                    }
                    sb.append(nl);
                }
            } else {
                ascii = false;
                String text = cueText(cue, colourClasses);
                if (!text.isEmpty()) {
                    sb.append(nl.equals("\n") ? text : text.replace("\n", nl)).append(nl);
                }
            }
            if (ascii && out instanceof AsciiAppendable a) {
                a.appendAscii(sb);
            } else {
                out.append(sb);
            }
            return true;
        }

        /**
         * Writes what the plain layout above writes for the commonest cue, straight into bytes: no id, settings,
         * speaker or word timings, and every line plain runs of ASCII with nothing to escape. Returns false,
         * having written nothing, for any other cue.
         */
        private boolean writeAscii(Cue cue, AsciiAppendable a) throws IOException {
            if (cue.id() != null || !cue.settings().isEmpty() || cue.speaker() != null || !cue.words().isEmpty()) {
                return false;
            }
            AsciiBuffer b = bytes;
            b.clear();
            b.append(nl);
            b.appendTime(cue.startMs(), 2, '.').append(" --> ").appendTime(cue.endMs(), 2, '.').append(nl);
            for (Line line : cue.lines()) {
                List<Run> runs = line.runs();
                if (runs.isEmpty()) {
                    continue; // an empty line would end the cue
                }
                for (Run run : runs) {
                    if (!run.style().isPlain() || !b.appendText(run.text(), ASCII_REFERENCES)) {
                        return false;
                    }
                }
                b.append(nl);
            }
            b.writeTo(a);
            return true;
        }

        @Override
        public void finish() {
            // WebVTT has no trailer: the last cue's line end ends the file
        }
    }

    /** A cue with no speaker, no word timings and no styling: its text is its lines' text, escaped. */
    private static boolean isPlain(Cue cue) {
        if (cue.speaker() != null || !cue.words().isEmpty()) {
            return false;
        }
        for (Line line : cue.lines()) {
            if (line.isStyled()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the cue has a colour that needs a class of the colour STYLE block that {@code classes} lacks. */
    private static boolean needsColourClass(Cue cue, Map<String, String> classes) {
        for (Line line : cue.lines()) {
            for (Run run : line.runs()) {
                String color = run.style().color();
                if (color != null && !classes.containsKey(color) && !CssColours.isNamed(color) && isColour(color)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The cue's text as WebVTT cue text (markup, character references and inline timestamps, lines joined with
     * {@code \n}), as a browser's {@code VTTCue.text} would hold it. Colours that are not CSS names are left out
     * here, since they need the track's colour STYLE block.
     */
    public String cueText(Cue cue) {
        return cueText(cue, Map.of());
    }

    private static String cueText(Cue cue, Map<String, String> colourClasses) {
        StringBuilder sb = new StringBuilder(64);
        String speaker = cue.speaker() == null ? "" : collapse(cue.speaker());
        if (!speaker.isEmpty()) {
            sb.append("<v ");
            escape(sb, speaker);
            sb.append('>');
        }
        List<long[]> markers = markers(cue);
        int marker = 0;
        List<String> open = new ArrayList<>();
        int offset = 0; // in cue.text(): lines joined with \n
        boolean wroteLine = false;
        List<Line> lines = cue.lines();
        for (int li = 0; li < lines.size(); li++) {
            if (li > 0) {
                offset++; // the \n before this line in cue.text()
            }
            Line line = lines.get(li);
            if (line.text().isEmpty()) {
                continue; // an empty line would end the cue: it cannot be written
            }
            boolean lineStart = wroteLine;
            wroteLine = true;
            for (Run run : line.runs()) {
                List<String> tags = tags(run.style(), colourClasses);
                int common = 0;
                while (common < open.size() && common < tags.size() && open.get(common).equals(tags.get(common))) {
                    common++;
                }
                for (int k = open.size() - 1; k >= common; k--) {
                    sb.append("</").append(tagName(open.get(k))).append('>');
                    open.remove(k);
                }
                if (lineStart) {
                    sb.append('\n'); // after closing what ends with the previous line, before opening anew
                    lineStart = false;
                }
                for (int k = common; k < tags.size(); k++) {
                    sb.append('<').append(tags.get(k)).append('>');
                    open.add(tags.get(k));
                }
                String text = run.text();
                int from = 0;
                while (marker < markers.size() && markers.get(marker)[0] < offset + text.length()) {
                    int at = Math.max(from, (int) markers.get(marker)[0] - offset);
                    escape(sb, text.substring(from, at));
                    sb.append('<');
                    VttTime.appendTo(sb, markers.get(marker)[1]);
                    sb.append('>');
                    from = at;
                    marker++;
                }
                escape(sb, text.substring(from));
                offset += text.length();
            }
        }
        for (int k = open.size() - 1; k >= 0; k--) {
            sb.append("</").append(tagName(open.get(k))).append('>');
        }
        return sb.toString();
    }

    /**
     * Where inline timestamps go, as {offset in cue.text(), ms}, in order: before each word whose start differs
     * from the time before it (the cue start at first). When every word starts with the cue, one timestamp at the
     * first word still marks the cue as word-timed.
     */
    private static List<long[]> markers(Cue cue) {
        List<Word> words = cue.words();
        if (words.isEmpty()) {
            return List.of();
        }
        String text = cue.text();
        List<long[]> out = new ArrayList<>(words.size());
        long current = cue.startMs();
        int cursor = 0;
        int firstAt = -1;
        for (Word w : words) {
            if (w.text().isEmpty()) {
                continue;
            }
            int at = text.indexOf(w.text(), cursor);
            if (at < 0) {
                break; // a word not in the text cannot be placed; later ones neither
            }
            cursor = at + w.text().length();
            if (w.startMs() < current || w.startMs() > cue.endMs()) {
                continue; // out of order or outside the cue: the reader would refuse the timestamp
            }
            if (firstAt < 0) {
                firstAt = at;
            }
            if (w.startMs() != current) {
                out.add(new long[] {at, w.startMs()});
                current = w.startMs();
            }
        }
        if (out.isEmpty() && firstAt >= 0) {
            out.add(new long[] {firstAt, cue.startMs()});
        }
        return out;
    }

    private static List<String> tags(Style style, Map<String, String> colourClasses) {
        if (style.isPlain()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(3);
        StringBuilder c = new StringBuilder("c");
        for (String cls : style.classes()) {
            if (isClassName(cls)) {
                c.append('.').append(cls);
            }
        }
        String color = style.color();
        if (color != null) {
            String cls = CssColours.isNamed(color) ? color : colourClasses.get(color);
            if (cls != null) {
                c.append('.').append(cls);
            }
        }
        if (c.length() > 1) {
            tags.add(c.toString());
        }
        if (style.lang() != null && !collapse(style.lang()).isEmpty()) {
            StringBuilder sb = new StringBuilder("lang ");
            escape(sb, collapse(style.lang()));
            tags.add(sb.toString());
        }
        if (style.voice() != null && !collapse(style.voice()).isEmpty()) {
            StringBuilder sb = new StringBuilder("v ");
            escape(sb, collapse(style.voice()));
            tags.add(sb.toString());
        }
        if (style.italic()) {
            tags.add("i");
        }
        if (style.bold()) {
            tags.add("b");
        }
        if (style.underline()) {
            tags.add("u");
        }
        return tags;
    }

    private static String tagName(String tag) {
        int end = 0;
        while (end < tag.length() && tag.charAt(end) != '.' && tag.charAt(end) != ' ') {
            end++;
        }
        return tag.substring(0, end);
    }

    /** Colours that need the colour STYLE block, by colour, with their class names, in first-use order. */
    private static Map<String, String> colourClasses(Track track) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Cue cue : track.cues()) {
            for (Line line : cue.lines()) {
                for (Run run : line.runs()) {
                    String color = run.style().color();
                    if (color == null || CssColours.isNamed(color) || out.containsKey(color) || !isColour(color)) {
                        continue;
                    }
                    String base = color.matches("#[0-9A-Fa-f]{3,8}") ? "c" + color.substring(1).toLowerCase()
                            : "c" + Integer.toHexString(color.hashCode());
                    String cls = base;
                    for (int k = 2; !used.add(cls); k++) {
                        cls = base + "-" + k;
                    }
                    out.put(color, cls);
                }
            }
        }
        return out;
    }

    /** A colour value that fits in a CSS declaration and reads back unchanged. */
    private static boolean isColour(String color) {
        return !color.isEmpty() && color.strip().equals(color) && color.indexOf(';') < 0 && color.indexOf('}') < 0
                && color.indexOf('\n') < 0 && color.indexOf('\r') < 0 && !color.contains("-->")
                && !color.contains("*/");
    }

    private static boolean isClassName(String cls) {
        if (cls.isEmpty()) {
            return false;
        }
        for (int i = 0; i < cls.length(); i++) {
            char ch = cls.charAt(i);
            if (VttCueSettings.isWhitespace(ch) || ch == '.' || ch == '<' || ch == '>' || ch == '&') {
                return false;
            }
        }
        return true;
    }

    private static boolean definedLater(List<Region> regions, int index) {
        for (int k = index + 1; k < regions.size(); k++) {
            if (regions.get(k).id().equals(regions.get(index).id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCueId(String id) {
        return !id.isEmpty() && id.indexOf('\n') < 0 && id.indexOf('\r') < 0 && !id.contains("-->");
    }

    private static boolean isRegionId(String id) {
        return !id.isEmpty() && VttRegionSettings.isValid("id", id);
    }

    /** The CSS text as a STYLE block body (line breaks normalised, blank lines dropped), or null if unusable. */
    private static @Nullable String cssBlock(String css) {
        if (css.contains("-->")) {
            return null;
        }
        StringBuilder sb = new StringBuilder(css.length());
        for (String line : css.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (line.isEmpty()) {
                continue; // a blank line would end the block
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Appends {@code text} with character references where WebVTT needs them; returns whether it is all ASCII. */
    private static boolean escape(StringBuilder sb, String text) {
        int n = text.length();
        int first = 0;
        while (first < n && !needsReferenceOrWide(text.charAt(first))) {
            first++;
        }
        // Most caption text has nothing to escape and is ASCII: one bulk copy instead of a call per character.
        if (first == n) {
            sb.append(text);
            return true;
        }
        boolean ascii = true;
        sb.append(text, 0, first);
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\u00A0' -> sb.append("&nbsp;");
                case '\u200E' -> sb.append("&lrm;");
                case '\u200F' -> sb.append("&rlm;");
                default -> {
                    sb.append(c);
                    ascii &= c < ASCII_REFERENCES.length;
                }
            }
        }
        return ascii;
    }

    /** A character that needs a reference ({@code & < >} and three invisible ones), or one above ASCII. */
    private static boolean needsReferenceOrWide(char c) {
        // small enough for C1 to inline into escape's loops, which run for every character of every cue
        return c >= ASCII_REFERENCES.length || ASCII_REFERENCES[c];
    }

    /** White space trimmed and collapsed, as the reader does with tag annotations. */
    private static String collapse(String s) {
        boolean clean = !s.isEmpty() && !VttCueSettings.isWhitespace(s.charAt(0))
                && !VttCueSettings.isWhitespace(s.charAt(s.length() - 1));
        for (int i = 0; clean && i < s.length(); i++) {
            char c = s.charAt(i);
            clean = c == ' ' ? !VttCueSettings.isWhitespace(s.charAt(i + 1)) : !VttCueSettings.isWhitespace(c);
        }
        // names are nearly always clean already; the regex is only for the rare messy one
        return clean ? s : s.strip().replaceAll("[ \t\n\f\r]+", " ");
    }
}
