package io.capdex.caption.ttml;

import io.capdex.caption.CaptionReader;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Run;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads TTML and DFXP captions leniently and securely: DTDs and entities are refused (no XXE, no entity bombs),
 * every TTML time form is understood, timing is inherited from {@code body} and {@code div}, {@code span}
 * styling and {@code <styling>} references become neutral styles, and top regions become {@code line:0}.
 * Stateless and thread-safe.
 */
public final class TtmlReader implements CaptionReader {
    /** TTML 1.0 and later. */
    public static final String TTML_NS = "http://www.w3.org/ns/ttml";
    /** DFXP, the 2006 drafts of TTML still written by some tools. */
    public static final String DFXP_2006_10_NS = "http://www.w3.org/2006/10/ttaf1";
    public static final String DFXP_2006_04_NS = "http://www.w3.org/2006/04/ttaf1";
    private static final Set<String> NAMESPACES = Set.of(TTML_NS, DFXP_2006_10_NS, DFXP_2006_04_NS);
    private static final String STYLING = "#styling";
    private static final String PARAMETER = "#parameter";
    private static final String METADATA = "#metadata";
    private static final int QUOTE_MAX = 60;
    private static final int MAX_DEPTH = 256;

    /** HTML names that turn up in hand-made TTML; XML without a DTD knows only the five predefined ones. */
    private static final Map<String, String> HTML_ENTITIES = Map.ofEntries(
            Map.entry("nbsp", "\u00A0"), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("laquo", "\u00AB"),
            Map.entry("raquo", "\u00BB"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"), Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"),
            Map.entry("aacute", "\u00E1"), Map.entry("agrave", "\u00E0"), Map.entry("iacute", "\u00ED"),
            Map.entry("oacute", "\u00F3"), Map.entry("uacute", "\u00FA"), Map.entry("ntilde", "\u00F1"),
            Map.entry("uuml", "\u00FC"), Map.entry("ouml", "\u00F6"), Map.entry("auml", "\u00E4"),
            Map.entry("szlig", "\u00DF"), Map.entry("ccedil", "\u00E7"), Map.entry("iexcl", "\u00A1"),
            Map.entry("iquest", "\u00BF"), Map.entry("deg", "\u00B0"), Map.entry("euro", "\u20AC"));

    @Override
    public ParseResult read(CharSequence input) {
        Problems problems = new Problems();
        boolean bom = input.length() > 0 && input.charAt(0) == '\uFEFF';
        Origin origin = new Origin(Format.TTML, "UTF-8", bom, Origin.lineEndingsOf(input));
        String text = input.toString();
        if (bom) {
            problems.add(1, ProblemCode.BOM, "byte order mark at the start of the file; skipped");
            text = text.substring(1);
        }
        int lineCount = countLines(text);
        Track empty = new Track(Track.UNDETERMINED, Source.ASR, List.of(), List.of(), List.of(), origin);
        if (text.isBlank()) {
            problems.add(1, ProblemCode.EMPTY_FILE, "the file holds no text; no cues");
            return new ParseResult(empty, problems.toListByLine());
        }
        int lead = 0;
        while (lead < text.length() && isXmlSpace(text.charAt(lead))) {
            lead++;
        }
        int lineOffset = 0;
        if (lead > 0 && text.startsWith("<?xml", lead)) {
            // XML forbids anything before its declaration; editors and templating leave blank lines there
            lineOffset = countNewlines(text, lead);
            problems.add(1, ProblemCode.EXTRA_SPACE, "white space before the XML declaration; skipped");
            text = text.substring(lead);
        }
        int doctype = doctypeInProlog(text);
        if (doctype >= 0) {
            // refused before any parsing: a DTD is how XXE and entity-expansion bombs get in, TTML needs none, and
            // the JDK's DTD scanner is best left unused on untrusted input
            problems.add(Math.min(lineCount, 1 + lineOffset + countNewlines(text, doctype)), ProblemCode.FORBIDDEN_XML,
                    "document type declaration (<!DOCTYPE ...>) found; DTDs and entities are refused, nothing read");
            return new ParseResult(empty, problems.toListByLine());
        }
        text = fixEntities(text, lineOffset, problems);

        Parsed parsed = parse(text, lineOffset, lineCount, problems);
        if (parsed.refused() || parsed.root() == null) {
            if (!parsed.refused() && problems.isEmpty()) {
                problems.add(1, ProblemCode.NO_CUES, "no XML element found; nothing read");
            }
            return new ParseResult(empty, problems.toListByLine());
        }
        Document doc = new Document(parsed.root(), problems);
        List<Cue> cues = doc.cues();
        if (cues.isEmpty() && !problems.toList().stream().anyMatch(p -> p.isError())) {
            problems.add(parsed.root().line, ProblemCode.NO_CUES, "the document holds no timed <p> captions");
        }
        String language = doc.language == null ? Track.UNDETERMINED : doc.language;
        return new ParseResult(new Track(language, Source.ASR, cues, List.of(), List.of(), origin),
                problems.toListByLine());
    }

    /** Where a {@code <!DOCTYPE} starts among the declaration, comments and processing instructions, or -1. */
    static int doctypeInProlog(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isXmlSpace(c)) {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else {
                return text.startsWith("<!DOCTYPE", i) ? i : -1;
            }
        }
        return -1;
    }

    /** The element tree, or why there is none. */
    private record Parsed(@Nullable XmlElement root, boolean refused) {
    }

    /** Factories are not documented as thread-safe, and building one costs more than parsing a small file. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(TtmlReader::secureFactory);

    private static XMLInputFactory secureFactory() {
        // the JDK's own StAX implementation, whatever else is on the class path, locked down against XXE
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    private static Parsed parse(String text, int lineOffset, int lineCount, Problems problems) {
        XMLInputFactory factory = FACTORY.get();
        XmlElement root = null;
        Deque<XmlElement> open = new ArrayDeque<>();
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(text));
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        // refused outright: a DTD is how XXE and entity-expansion bombs get in, and TTML needs none
                        // the event comes at the end of the declaration; the user wants the line it starts on
                        int doctype = text.indexOf("<!DOCTYPE");
                        int at = doctype >= 0 ? 1 + lineOffset + countNewlines(text, doctype)
                                : line(r.getLocation(), lineOffset);
                        problems.add(clamp(at, lineCount), ProblemCode.FORBIDDEN_XML,
                                "document type declaration (<!DOCTYPE ...>) found; DTDs and entities are refused, "
                                        + "nothing read");
                        return new Parsed(null, true);
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String ns = r.getNamespaceURI();
                        XmlElement e = new XmlElement(ns == null ? "" : ns, r.getLocalName(),
                                clamp(line(r.getLocation(), lineOffset), lineCount));
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ans = r.getAttributeNamespace(i);
                            e.attrNs.add(ans == null ? "" : ans);
                            e.attrLocal.add(r.getAttributeLocalName(i));
                            e.attrValue.add(r.getAttributeValue(i));
                        }
                        if (open.size() >= MAX_DEPTH) {
                            // captions nest a few levels; thousands are an attack or a broken generator, and
                            // following them would exhaust the stack
                            problems.add(e.line, ProblemCode.BAD_XML, "elements nested deeper than " + MAX_DEPTH
                                    + "; the rest of the document was ignored");
                            return new Parsed(root, false);
                        }
                        if (open.isEmpty()) {
                            root = e;
                            if (!"tt".equals(e.local)) {
                                problems.add(e.line, ProblemCode.NOT_TTML, "the root element is <" + e.local
                                        + ">, not TTML's <tt>; nothing read");
                                return new Parsed(null, true);
                            }
                        } else {
                            open.peek().children.add(e);
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (!open.isEmpty()) {
                            open.pop().closed = true;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().addText(r.getText());
                        }
                    }
                    default -> {
                        // comments and processing instructions carry no captions
                    }
                }
            }
        } catch (XMLStreamException e) {
            int at = clamp(line(e.getLocation(), lineOffset), lineCount);
            String kept = root == null ? "nothing read" : "the captions complete before it were kept";
            problems.add(at, ProblemCode.BAD_XML, "malformed XML: " + xmlMessage(e) + "; " + kept);
        } catch (RuntimeException e) {
            // the JDK's parser has thrown unchecked exceptions on some malformed input (a missing message key
            // for a bad character in a DTD, found by fuzzing); such input is still only malformed XML
            int at = r == null ? 1 : clamp(line(r.getLocation(), lineOffset), lineCount);
            String kept = root == null ? "nothing read" : "the captions complete before it were kept";
            problems.add(at, ProblemCode.BAD_XML, "malformed XML the parser could not describe (" + e.getClass()
                    .getSimpleName() + "); " + kept);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a string frees nothing that matters
                }
            }
        }
        return new Parsed(root, false);
    }

    private static int line(@Nullable Location location, int lineOffset) {
        return location == null ? 1 : location.getLineNumber() + lineOffset;
    }

    private static int clamp(int line, int lineCount) {
        return Math.max(1, Math.min(line, lineCount));
    }

    private static String xmlMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf("Message: ");
        return (at >= 0 ? m.substring(at + 9) : m).strip();
    }

    /**
     * Makes stray ampersands and HTML entity names well-formed before parsing: a named HTML entity becomes its
     * character, an unknown name or a bare {@code &} stays as literal text. Line breaks are untouched.
     */
    private static String fixEntities(String text, int lineOffset, Problems problems) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int line = 1 + lineOffset;
        int copied = 0;
        int lineScan = 0;
        while (amp >= 0) {
            int end = amp + 1;
            while (end < text.length() && end - amp < 12 && isNameChar(text.charAt(end))) {
                end++;
            }
            String name = text.substring(amp + 1, end);
            boolean terminated = end < text.length() && text.charAt(end) == ';';
            boolean ok = terminated && (name.startsWith("#") || name.equals("amp") || name.equals("lt")
                    || name.equals("gt") || name.equals("quot") || name.equals("apos"));
            if (!ok) {
                line += countNewlines(text.substring(lineScan, amp), amp - lineScan);
                lineScan = amp;
                sb.append(text, copied, amp);
                String replacement = terminated ? HTML_ENTITIES.get(name) : null;
                if (replacement != null) {
                    sb.append("&#").append(replacement.codePointAt(0)).append(';');
                    copied = end + 1;
                    problems.add(line, ProblemCode.BAD_ENTITY, "HTML entity &" + name
                            + "; is not defined in XML; read as U+" + String.format(Locale.ROOT, "%04X",
                            replacement.codePointAt(0)) + " '" + replacement + "'");
                } else {
                    sb.append("&amp;");
                    copied = amp + 1;
                    problems.add(line, ProblemCode.BAD_ENTITY, terminated
                            ? "unknown entity &" + name + "; kept as text"
                            : "'&' that starts no entity; kept as text");
                }
            }
            amp = text.indexOf('&', amp + 1);
        }
        sb.append(text, copied, text.length());
        return sb.toString();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '#' || c == '_' || c == '-' || c == '.';
    }

    private static int countNewlines(String s, int to) {
        int n = 0;
        for (int i = 0; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    /** Lines as XML counts them: CR, LF and CRLF each end one; at least 1. */
    static int countLines(String s) {
        int n = countNewlines(s, s.length());
        char last = s.isEmpty() ? 0 : s.charAt(s.length() - 1);
        boolean endsWithNewline = last == '\n' || last == '\r';
        return Math.max(1, endsWithNewline ? n : n + 1);
    }

    static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static String quote(String s) {
        String t = s.strip();
        return "'" + (t.length() > QUOTE_MAX ? t.substring(0, QUOTE_MAX) + "…" : t) + "'";
    }

    /** What an element passes on to its children: timing, style, layout, speaker and white-space handling. */
    private record Context(long beginMs, long endMs, Style style, @Nullable String textAlign,
                           @Nullable String region, @Nullable String agent, boolean preserve) {
        static final long UNKNOWN = -1;
    }

    /** One caption being built; its end may wait for the next caption's start. */
    private static final class Pending {
        long startMs;
        long endMs;
        final int line;
        final List<Line> lines;
        final @Nullable String speaker;
        final List<Word> words;
        final Map<String, String> settings;

        Pending(long startMs, long endMs, int line, List<Line> lines, @Nullable String speaker, List<Word> words,
                Map<String, String> settings) {
            this.startMs = startMs;
            this.endMs = endMs;
            this.line = line;
            this.lines = lines;
            this.speaker = speaker;
            this.words = words;
            this.settings = settings;
        }
    }

    /** One document being interpreted: its declarations, then its body. */
    private static final class Document {
        private final XmlElement root;
        private final Problems problems;
        private final String ttNs;
        private TtmlTime.Rates rates = TtmlTime.Rates.defaults();
        private final Map<String, XmlElement> styles = new HashMap<>();
        private final Map<String, Map<String, String>> resolvedStyles = new HashMap<>();
        private final Map<String, Boolean> regionTop = new HashMap<>();
        private final Map<String, String> agents = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>();
        private double rootWidthPx = -1;
        private double rootHeightPx = -1;
        private double cellRows = 15;
        @Nullable String language;

        Document(XmlElement root, Problems problems) {
            this.root = root;
            this.problems = problems;
            this.ttNs = root.ns;
            if (!NAMESPACES.contains(root.ns)) {
                problems.add(root.line, ProblemCode.TTML_NAMESPACE, "<tt> is in namespace '" + root.ns
                        + "', not " + TTML_NS + " or a DFXP one; read as TTML");
            }
        }

        List<Cue> cues() {
            readParameters();
            language = lang(root);
            XmlElement body = null;
            for (XmlElement e : root.elements()) {
                if (!isTt(e)) {
                    continue;
                }
                switch (e.local) {
                    case "head" -> readHead(e);
                    case "body" -> body = e;
                    default -> problems.add(e.line, ProblemCode.UNKNOWN_ELEMENT, "<" + e.local
                            + "> inside <tt>; ignored");
                }
            }
            if (body != null) {
                Context top = new Context(0, Context.UNKNOWN, Style.PLAIN, null, null, null,
                        "preserve".equals(root.xmlAttr("space")));
                Context ctx = derive(body, top, 0, false);
                if (ctx != null) {
                    walkContainer(body, ctx);
                }
            }
            return finish();
        }

        private boolean isTt(XmlElement e) {
            return e.ns.equals(ttNs) || NAMESPACES.contains(e.ns);
        }

        private @Nullable String lang(XmlElement e) {
            String l = e.xmlAttr("lang");
            return l == null || l.isBlank() ? null : l.strip();
        }

        private void readParameters() {
            double frameRate = 30;
            double multiplier = 1;
            double subFrameRate = 1;
            double tickRate = -1;
            String fr = root.attrIn(PARAMETER, "frameRate");
            if (fr != null) {
                frameRate = positive(fr, "ttp:frameRate", 30);
            }
            String frm = root.attrIn(PARAMETER, "frameRateMultiplier");
            if (frm != null) {
                String[] parts = frm.strip().split("\\s+");
                double num = parts.length == 2 ? positive(parts[0], "ttp:frameRateMultiplier", -1) : -1;
                double den = parts.length == 2 ? positive(parts[1], "ttp:frameRateMultiplier", -1) : -1;
                if (num > 0 && den > 0) {
                    multiplier = num / den;
                } else if (parts.length != 2) {
                    badAttribute(root, "ttp:frameRateMultiplier", frm, "needs two numbers; 1 used");
                }
            }
            String sfr = root.attrIn(PARAMETER, "subFrameRate");
            if (sfr != null) {
                subFrameRate = positive(sfr, "ttp:subFrameRate", 1);
            }
            String tr = root.attrIn(PARAMETER, "tickRate");
            if (tr != null) {
                tickRate = positive(tr, "ttp:tickRate", -1);
            }
            double effective = frameRate * multiplier;
            if (tickRate <= 0) {
                // TTML 1 §6.2.10: no tick rate means frames × sub-frames per second if a frame rate is given, else 1
                tickRate = fr != null ? effective * subFrameRate : 1;
            }
            rates = new TtmlTime.Rates(effective, subFrameRate, tickRate);
            String timeBase = root.attrIn(PARAMETER, "timeBase");
            if (timeBase != null && !timeBase.strip().equals("media")) {
                // SMPTE labels and wall-clock times need a reference capdex does not have; media time is the
                // closest reading (drop-frame labels drift by up to 3.6 s per hour from it)
                badAttribute(root, "ttp:timeBase", timeBase, "times read as media time");
            }
            String extent = root.attrIn(STYLING, "extent");
            if (extent != null) {
                String[] parts = extent.strip().split("\\s+");
                if (parts.length == 2 && parts[0].endsWith("px") && parts[1].endsWith("px")) {
                    rootWidthPx = number(parts[0].substring(0, parts[0].length() - 2));
                    rootHeightPx = number(parts[1].substring(0, parts[1].length() - 2));
                }
            }
            String cells = root.attrIn(PARAMETER, "cellResolution");
            if (cells != null) {
                String[] parts = cells.strip().split("\\s+");
                if (parts.length == 2 && number(parts[1]) > 0) {
                    cellRows = number(parts[1]);
                }
            }
        }

        private double positive(String value, String name, double fallback) {
            double v = number(value.strip());
            if (v > 0) {
                return v;
            }
            badAttribute(root, name, value, "not a positive number; " + (fallback > 0 ? fallback + " used"
                    : "ignored"));
            return fallback;
        }

        private void badAttribute(XmlElement e, String name, String value, String what) {
            problems.add(e.line, ProblemCode.BAD_ATTRIBUTE, name + "=\"" + value + "\" on <" + e.local + ">: " + what);
        }

        private void readHead(XmlElement head) {
            for (XmlElement e : head.elements()) {
                if (isTt(e) && e.local.equals("styling")) {
                    for (XmlElement s : e.elements()) {
                        if (isTt(s) && s.local.equals("style") && s.id() != null) {
                            styles.put(s.id(), s);
                        }
                    }
                }
            }
            for (XmlElement e : head.elements()) {
                if (isTt(e) && e.local.equals("layout")) {
                    for (XmlElement r : e.elements()) {
                        if (isTt(r) && r.local.equals("region") && r.id() != null) {
                            regionTop.put(r.id(), isTop(r));
                        }
                    }
                }
                collectAgents(e);
            }
        }

        private void collectAgents(XmlElement e) {
            if (e.local.equals("agent") && e.ns.endsWith(METADATA) && e.id() != null) {
                String name = null;
                for (XmlElement c : e.elements()) {
                    if (c.local.equals("name") && !c.textContent().isBlank()) {
                        name = c.textContent().strip().replaceAll("\\s+", " ");
                        break;
                    }
                }
                agents.put(e.id(), name != null ? name : e.id());
                return;
            }
            for (XmlElement c : e.elements()) {
                collectAgents(c);
            }
        }

        /** Whether a region shows its captions at the top of the picture (see the package notes). */
        private boolean isTop(XmlElement region) {
            String id = region.id() == null ? "" : region.id().toLowerCase(Locale.ROOT);
            // authors name their regions well; trust the name before the geometry
            if (id.contains("top")) {
                return true;
            }
            if (id.contains("bottom")) {
                return false;
            }
            Map<String, String> attrs = new HashMap<>(referenced(region));
            for (XmlElement s : region.elements()) {
                if (isTt(s) && s.local.equals("style")) {
                    attrs.putAll(ownStyling(s));
                }
            }
            attrs.putAll(ownStyling(region));
            String displayAlign = attrs.getOrDefault("displayAlign", "before").strip();
            if (displayAlign.equals("after")) {
                return false;
            }
            double[] origin = pair(attrs.get("origin"));
            if (origin == null) {
                // no origin: the region is the whole picture, and before-aligned text sits at its top
                return attrs.containsKey("displayAlign") && displayAlign.equals("before");
            }
            double anchor = origin[1];
            if (displayAlign.equals("center")) {
                double[] extent = pair(attrs.get("extent"));
                anchor += extent == null ? 0 : extent[1] / 2;
            }
            return anchor < 50;
        }

        /** A two-value length (percent, px against the root extent, or cells) as percentages, or null. */
        private double @Nullable [] pair(@Nullable String value) {
            if (value == null) {
                return null;
            }
            String[] parts = value.strip().split("\\s+");
            if (parts.length != 2) {
                return null;
            }
            double x = percent(parts[0], rootWidthPx, 32);
            double y = percent(parts[1], rootHeightPx, cellRows);
            return Double.isNaN(x) || Double.isNaN(y) ? null : new double[] {x, y};
        }

        private static double percent(String v, double rootPx, double cells) {
            if (v.endsWith("%")) {
                return number(v.substring(0, v.length() - 1));
            }
            if (v.endsWith("px") && rootPx > 0) {
                return number(v.substring(0, v.length() - 2)) * 100 / rootPx;
            }
            if (v.endsWith("c")) {
                return number(v.substring(0, v.length() - 1)) * 100 / cells;
            }
            return Double.NaN;
        }

        private static double number(String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        /** The styling attributes ({@code tts:*}) an element states itself, by local name. */
        private static Map<String, String> ownStyling(XmlElement e) {
            Map<String, String> out = null;
            for (int i = 0; i < e.attrLocal.size(); i++) {
                if (e.attrNs.get(i).endsWith(STYLING) || e.attrNs.get(i).endsWith("#style")) {
                    if (out == null) {
                        out = new LinkedHashMap<>();
                    }
                    out.put(e.attrLocal.get(i), e.attrValue.get(i));
                }
            }
            return out == null ? Map.of() : out;
        }

        /** The styling an element gets from its {@code style="id …"} references, in order. */
        private Map<String, String> referenced(XmlElement e) {
            String refs = e.attr("style");
            if (refs == null || refs.isBlank()) {
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (String id : refs.strip().split("\\s+")) {
                Map<String, String> s = resolveStyle(id, new HashSet<>(), e);
                out.putAll(s);
            }
            return out;
        }

        private Map<String, String> resolveStyle(String id, Set<String> visiting, XmlElement user) {
            Map<String, String> done = resolvedStyles.get(id);
            if (done != null) {
                return done;
            }
            XmlElement s = styles.get(id);
            if (s == null) {
                badAttribute(user, "style", id, "no <style> with this id; ignored");
                return Map.of();
            }
            if (!visiting.add(id)) {
                badAttribute(s, "style", id, "style refers to itself; the loop was cut");
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            String refs = s.attr("style");
            if (refs != null) {
                for (String ref : refs.strip().split("\\s+")) {
                    if (!ref.isEmpty()) {
                        out.putAll(resolveStyle(ref, visiting, s));
                    }
                }
            }
            out.putAll(ownStyling(s));
            visiting.remove(id);
            resolvedStyles.put(id, out);
            return out;
        }

        /**
         * The context an element sets up for its children; null when its timing cannot be read (then it and its
         * content are skipped, with an error for a caption and a warning for a container).
         */
        private @Nullable Context derive(XmlElement e, Context parent, long syncBaseMs, boolean isCaption) {
            if (language == null) {
                language = lang(e);
            }
            long begin = syncBaseMs;
            long end = parent.endMs();
            String b = e.attr("begin");
            String en = e.attr("end");
            String d = e.attr("dur");
            long rel;
            if (b != null) {
                rel = time(e, "begin", b, isCaption);
                if (rel < 0) {
                    return null;
                }
                begin = syncBaseMs + rel;
            }
            if (en != null) {
                rel = time(e, "end", en, isCaption);
                if (rel < 0) {
                    return null;
                }
                end = syncBaseMs + rel;
            } else if (d != null) {
                rel = time(e, "dur", d, isCaption);
                if (rel < 0) {
                    return null;
                }
                end = begin + rel;
            }
            Map<String, String> own = ownStyling(e);
            Style style = apply(parent.style(), e, own);
            String textAlign = own.getOrDefault("textAlign", parent.textAlign());
            String region = e.attr("region") != null ? e.attr("region").strip() : parent.region();
            String agent = parent.agent();
            String agentAttr = e.attrIn(METADATA, "agent");
            if (agentAttr != null && !agentAttr.isBlank()) {
                agent = agentAttr.strip().split("\\s+")[0];
            }
            String space = e.xmlAttr("space");
            boolean preserve = space == null ? parent.preserve() : space.strip().equals("preserve");
            return new Context(begin, end, style, textAlign, region, agent, preserve);
        }

        /** A time attribute in ms, or -1 after reporting it. */
        private long time(XmlElement e, String attribute, String value, boolean isCaption) {
            TtmlTime.Reading r = TtmlTime.read(value, rates);
            if (r.error() != null) {
                if (isCaption) {
                    problems.add(e.line, ProblemCode.BAD_TIMING, "bad " + attribute + "=\"" + value + "\": "
                            + r.error() + "; caption skipped");
                } else {
                    problems.add(e.line, ProblemCode.BAD_TIMING, "bad " + attribute + "=\"" + value + "\" on <"
                            + e.local + ">: " + r.error() + "; its captions skipped");
                }
                return -1;
            }
            if (r.tolerance() != null) {
                problems.add(e.line, ProblemCode.LENIENT_TIME, "non-standard " + attribute + "=\"" + value + "\": "
                        + r.tolerance() + "; accepted");
            }
            return r.ms();
        }

        private Style apply(Style base, XmlElement e, Map<String, String> own) {
            Map<String, String> referenced = referenced(e);
            if (referenced.isEmpty() && own.isEmpty()) {
                return base;
            }
            Map<String, String> specified = new LinkedHashMap<>(referenced);
            // TTML: inline styling wins over referenced styles
            specified.putAll(own);
            Style s = base;
            for (Map.Entry<String, String> a : specified.entrySet()) {
                String v = a.getValue().strip();
                switch (a.getKey()) {
                    case "fontStyle" -> {
                        if (v.equals("italic") || v.equals("oblique")) {
                            s = s.withItalic(true);
                        } else if (v.equals("normal")) {
                            s = s.withItalic(false);
                        } else {
                            badAttribute(e, "tts:fontStyle", v, "not italic, oblique or normal; ignored");
                        }
                    }
                    case "fontWeight" -> {
                        if (v.equals("bold")) {
                            s = s.withBold(true);
                        } else if (v.equals("normal")) {
                            s = s.withBold(false);
                        } else {
                            badAttribute(e, "tts:fontWeight", v, "not bold or normal; ignored");
                        }
                    }
                    case "textDecoration" -> {
                        for (String token : v.split("\\s+")) {
                            if (token.equals("underline")) {
                                s = s.withUnderline(true);
                            } else if (token.equals("noUnderline") || token.equals("none")) {
                                s = s.withUnderline(false);
                            }
                        }
                    }
                    case "color" -> s = s.withColor(isDefaultColor(v) ? null : v);
                    default -> {
                        // layout and font properties have no place in the neutral model
                    }
                }
            }
            return s;
        }

        private void walkContainer(XmlElement container, Context ctx) {
            boolean seq = "seq".equals(container.attr("timeContainer"));
            long cursor = ctx.beginMs();
            for (XmlElement c : container.elements()) {
                if (!isTt(c)) {
                    continue;
                }
                long syncBase = seq ? cursor : ctx.beginMs();
                switch (c.local) {
                    case "div", "body" -> {
                        Context child = derive(c, ctx, syncBase, false);
                        if (child != null) {
                            walkContainer(c, child);
                            cursor = child.endMs() >= 0 ? child.endMs() : cursor;
                        }
                    }
                    case "p" -> {
                        long end = readCaption(c, ctx, syncBase);
                        cursor = end >= 0 ? end : cursor;
                    }
                    case "metadata", "set" -> {
                        // metadata and animation carry no caption text
                    }
                    default -> problems.add(c.line, ProblemCode.UNKNOWN_ELEMENT, "<" + c.local + "> inside <"
                            + container.local + ">; ignored");
                }
            }
        }

        /** Reads one {@code <p>}; returns its end (for sequential containers), or -1. */
        private long readCaption(XmlElement p, Context parent, long syncBase) {
            if (!p.closed) {
                // cut off by the end of the file or an XML error: its text and end may be incomplete
                return -1;
            }
            Context ctx = derive(p, parent, syncBase, true);
            if (ctx == null) {
                return -1;
            }
            LineBuilder lines = new LineBuilder();
            List<Word> words = new ArrayList<>();
            walkInline(p, ctx, lines, words);
            List<Line> built = lines.finish();
            long start = ctx.beginMs();
            long end = ctx.endMs();
            boolean ownTiming = p.attr("begin") != null || p.attr("end") != null || p.attr("dur") != null;
            if (!ownTiming && !words.isEmpty() && end < 0) {
                // timing only on the spans (word by word): the caption spans its words
                start = words.stream().mapToLong(Word::startMs).min().orElse(start);
                end = words.stream().mapToLong(Word::endMs).max().orElse(end);
            }
            if (end < 0 && p.attr("begin") == null) {
                // nothing says when this caption starts or ends; an inherited begin alone would stack captions
                problems.add(p.line, ProblemCode.MISSING_TIMING, "<p> with no begin, end or dur, and none inherited"
                        + textHint(built) + "; caption skipped");
                return -1;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (ctx.region() != null && Boolean.TRUE.equals(regionTop.get(ctx.region()))) {
                settings.put("line", "0");
            }
            if (ctx.textAlign() != null) {
                String a = ctx.textAlign().strip();
                if (a.equals("left") || a.equals("right") || a.equals("start") || a.equals("end")) {
                    settings.put("align", a);
                } else if (!a.equals("center")) {
                    badAttribute(p, "tts:textAlign", a, "not left, center, right, start or end; ignored");
                }
            }
            String speaker = ctx.agent() == null ? null : agents.getOrDefault(ctx.agent(), ctx.agent());
            pending.add(new Pending(start, end, p.line, built, speaker, words, settings));
            return end;
        }

        private static String textHint(List<Line> lines) {
            return lines.isEmpty() ? "" : " (" + quote(lines.get(0).text()) + ")";
        }

        private void walkInline(XmlElement e, Context ctx, LineBuilder lines, List<Word> words) {
            for (Object child : e.children) {
                if (child instanceof String s) {
                    lines.text(s, ctx.style(), ctx.preserve());
                    continue;
                }
                XmlElement c = (XmlElement) child;
                if (!isTt(c)) {
                    // foreign elements (metadata extensions) are pruned, as TTML says
                    continue;
                }
                switch (c.local) {
                    case "br" -> lines.newLine();
                    case "span" -> {
                        Context inner = derive(c, ctx, ctx.beginMs(), false);
                        if (inner == null) {
                            continue;
                        }
                        boolean timed = c.attr("begin") != null || c.attr("end") != null || c.attr("dur") != null;
                        if (timed && inner.endMs() >= inner.beginMs()) {
                            String w = c.textContent().strip().replaceAll("[ \t\r\n]+", " ");
                            if (!w.isEmpty()) {
                                words.add(new Word(inner.beginMs(), inner.endMs(), w));
                            }
                        }
                        walkInline(c, inner, lines, words);
                    }
                    case "metadata", "set" -> {
                        // no caption text in these
                    }
                    case "i", "b", "u" -> {
                        // HTML styling tags in TTML: wrong, but their meaning is plain
                        problems.add(c.line, ProblemCode.UNKNOWN_ELEMENT, "HTML <" + c.local + "> in TTML; read as "
                                + (c.local.equals("i") ? "italic" : c.local.equals("b") ? "bold" : "underline"));
                        Style s = c.local.equals("i") ? ctx.style().withItalic(true)
                                : c.local.equals("b") ? ctx.style().withBold(true) : ctx.style().withUnderline(true);
                        walkInline(c, new Context(ctx.beginMs(), ctx.endMs(), s, ctx.textAlign(), ctx.region(),
                                ctx.agent(), ctx.preserve()), lines, words);
                    }
                    default -> {
                        problems.add(c.line, ProblemCode.UNKNOWN_ELEMENT, "<" + c.local
                                + "> inside a caption; its text kept");
                        walkInline(c, ctx, lines, words);
                    }
                }
            }
        }

        private List<Cue> finish() {
            List<Cue> out = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                if (p.endMs < 0) {
                    long next = -1;
                    for (int j = i + 1; j < pending.size(); j++) {
                        if (pending.get(j).startMs > p.startMs) {
                            next = pending.get(j).startMs;
                            break;
                        }
                    }
                    if (next < 0) {
                        problems.add(p.line, ProblemCode.MISSING_TIMING, "<p> begins at "
                                + TtmlTime.format(p.startMs) + " but has no end or dur, and no later caption ends it"
                                + textHint(p.lines) + "; caption skipped");
                        continue;
                    }
                    problems.add(p.line, ProblemCode.LENIENT_TIME, "<p> begins at " + TtmlTime.format(p.startMs)
                            + " but has no end or dur; ended where the next caption begins (" + TtmlTime.format(next)
                            + ")");
                    p.endMs = next;
                }
                if (p.endMs < p.startMs) {
                    problems.add(p.line, ProblemCode.END_BEFORE_START, "end before start (" + TtmlTime.format(
                            p.startMs) + " to " + TtmlTime.format(p.endMs) + ")" + textHint(p.lines)
                            + "; caption skipped");
                    continue;
                }
                if (p.endMs == p.startMs) {
                    problems.add(p.line, ProblemCode.ZERO_DURATION, "caption begins and ends at "
                            + TtmlTime.format(p.startMs) + "; kept");
                }
                if (p.lines.isEmpty()) {
                    problems.add(p.line, ProblemCode.EMPTY_CUE, "caption at " + TtmlTime.format(p.startMs)
                            + " has no text; kept");
                }
                out.add(new Cue(new TimeSpan(p.startMs, p.endMs), null, p.lines, p.speaker, p.words, p.settings));
            }
            return out;
        }
    }

    /** White is every player's caption colour: stating it is not styling worth carrying into SRT or WebVTT. */
    static boolean isDefaultColor(String v) {
        String c = v.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        return c.equals("white") || c.equals("#ffffff") || c.equals("#ffffffff") || c.equals("#fff")
                || c.equals("rgb(255,255,255)") || c.equals("rgba(255,255,255,255)");
    }

    /**
     * Collects a caption's text into lines, then applies XML white-space handling: by default runs of spaces,
     * tabs and line feeds become one space and spaces at line starts and ends go; under
     * {@code xml:space="preserve"} text is kept and line feeds break lines.
     */
    private static final class LineBuilder {
        private record Piece(String text, Style style, boolean preserve) {
        }

        private final List<List<Piece>> lines = new ArrayList<>();
        private List<Piece> current = new ArrayList<>();

        void text(String s, Style style, boolean preserve) {
            if (!preserve) {
                current.add(new Piece(s, style, false));
                return;
            }
            int from = 0;
            while (true) {
                int nl = s.indexOf('\n', from);
                String part = (nl < 0 ? s.substring(from) : s.substring(from, nl)).replace("\r", "");
                current.add(new Piece(part, style, true));
                if (nl < 0) {
                    return;
                }
                newLine();
                from = nl + 1;
            }
        }

        void newLine() {
            lines.add(current);
            current = new ArrayList<>();
        }

        List<Line> finish() {
            lines.add(current);
            List<Line> out = new ArrayList<>(lines.size());
            for (List<Piece> pieces : lines) {
                out.add(collapse(pieces));
            }
            int from = 0;
            int to = out.size();
            while (from < to && out.get(from).runs().isEmpty()) {
                from++;
            }
            while (to > from && out.get(to - 1).runs().isEmpty()) {
                to--;
            }
            return out.subList(from, to);
        }

        private static Line collapse(List<Piece> pieces) {
            List<Run> runs = new ArrayList<>(pieces.size());
            StringBuilder sb = new StringBuilder();
            Style runStyle = null;
            boolean started = false;
            boolean pendingSpace = false;
            Style spaceStyle = Style.PLAIN;
            for (Piece p : pieces) {
                String t = p.text();
                for (int i = 0; i < t.length(); i++) {
                    char c = t.charAt(i);
                    if (!p.preserve() && isXmlSpace(c)) {
                        if (started && !pendingSpace) {
                            pendingSpace = true;
                            spaceStyle = p.style();
                        }
                        continue;
                    }
                    if (pendingSpace) {
                        runStyle = emit(runs, sb, runStyle, spaceStyle, ' ');
                        pendingSpace = false;
                    }
                    runStyle = emit(runs, sb, runStyle, p.style(), c);
                    started = true;
                }
            }
            if (runStyle != null && sb.length() > 0) {
                runs.add(new Run(sb.toString(), runStyle));
            }
            return new Line(runs);
        }

        private static Style emit(List<Run> runs, StringBuilder sb, @Nullable Style runStyle, Style style, char c) {
            if (runStyle != null && !runStyle.equals(style)) {
                runs.add(new Run(sb.toString(), runStyle));
                sb.setLength(0);
            }
            sb.append(c);
            return style;
        }
    }
}
