package io.capdex.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the XHTML that Tika's parsers emit into text blocks, skipping what is not the document's text: the
 * head and scripts always; for web pages also navigation, the site header, footers, asides, forms, media fallbacks
 * and elements whose role or class marks them as page furniture (cookie banners, breadcrumbs, share links);
 * for office documents the page header and footer. Stops with {@link LimitReached} after {@code maxChars}
 * characters. One instance per parse; not thread-safe.
 */
final class BlockCollector extends DefaultHandler {

    /** Thrown through the parser when a document has more text than the limit. */
    static final class LimitReached extends SAXException {
        private static final long serialVersionUID = 1L;

        LimitReached(int maxChars) {
            super("more than " + maxChars + " characters of text");
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt",
            "dd", "tr", "blockquote", "pre", "section", "article", "main", "table", "ul", "ol", "dl", "figcaption",
            "caption", "address", "hr", "body", "figure", "details", "summary", "center");
    private static final Set<String> ALWAYS_SKIPPED = Set.of("head", "script", "style", "noscript", "template");
    private static final Set<String> PAGE_FURNITURE = Set.of("nav", "aside", "form", "button", "select",
            "textarea", "input", "label", "iframe", "object", "embed", "menu", "dialog", "video", "audio",
            "canvas", "svg", "map");
    private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "menu", "menubar", "dialog", "alertdialog");
    // class or id words that mark page furniture on real sites (whole words of names like "cookie-banner")
    private static final Set<String> FURNITURE_WORDS = Set.of("cookie", "cookies", "consent", "gdpr", "breadcrumb",
            "breadcrumbs", "share", "sharing", "social", "related", "advert", "advertisement", "ads", "promo",
            "newsletter", "subscribe", "sidebar", "navbar", "navigation", "menu", "popup", "modal", "skip");
    private static final Pattern WORD_SPLIT = Pattern.compile("[-_\\s]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final char LINE_BREAK = '\uE000';
    private static final char CELL_BREAK = '\uE001';

    private final boolean webPage;
    private final int maxChars;
    private final List<Block> blocks = new ArrayList<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    private final StringBuilder current = new StringBuilder();
    private int skipDepth;
    private int mainDepth;
    private int sectioningDepth;
    private int preDepth;
    private long chars;
    private @Nullable String datetime;

    /** An open element: its name, classes, and what it changed when it opened. */
    private record Frame(String name, Set<String> classes, boolean skips, boolean main, boolean sectioning) {
    }

    /**
     * @param webPage whether the XHTML comes from an HTML page (page-furniture rules apply) rather than an office
     *     document or PDF
     * @param maxChars how many characters of text to accept before stopping with {@link LimitReached}
     */
    BlockCollector(boolean webPage, int maxChars) {
        this.webPage = webPage;
        this.maxChars = maxChars;
    }

    List<Block> blocks() {
        flush();
        return List.copyOf(blocks);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = (localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
        Set<String> classes = classes(atts.getValue("class"));
        boolean skips = skipDepth > 0 || skipped(name, classes, atts);
        boolean main = !skips && (name.equals("main") || name.equals("article")
                || "main".equalsIgnoreCase(atts.getValue("role")));
        boolean sectioning = main || name.equals("section");
        if (BLOCKS.contains(name) && skipDepth == 0) {
            flush();
        }
        if (skips) {
            skipDepth++;
        }
        if (main) {
            mainDepth++;
        }
        if (sectioning) {
            sectioningDepth++;
        }
        if (name.equals("pre")) {
            preDepth++;
        }
        open.push(new Frame(name, classes, skips, main, sectioning));
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("br")) {
            current.append(LINE_BREAK);
        } else if ((name.equals("td") || name.equals("th")) && !current.isEmpty()) {
            current.append(CELL_BREAK);
        } else if (name.equals("time") && datetime == null) {
            datetime = atts.getValue("datetime");
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Frame frame = open.peek();
        if (frame == null) {
            return;
        }
        if (BLOCKS.contains(frame.name()) && skipDepth == 0) {
            flush();
        }
        open.pop();
        if (frame.skips()) {
            skipDepth--;
        }
        if (frame.main()) {
            mainDepth--;
        }
        if (frame.sectioning()) {
            sectioningDepth--;
        }
        if (frame.name().equals("pre")) {
            preDepth--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        chars += length;
        if (chars > maxChars) {
            throw new LimitReached(maxChars);
        }
        if (preDepth > 0) {
            for (int i = start; i < start + length; i++) {
                current.append(ch[i] == '\n' ? LINE_BREAK : ch[i]);
            }
        } else {
            current.append(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        if (skipDepth == 0) {
            current.append(' ');
        }
    }

    private boolean skipped(String name, Set<String> classes, Attributes atts) {
        if (ALWAYS_SKIPPED.contains(name)) {
            return true;
        }
        if (!webPage) {
            // Tika puts an office document's page header and footer in <div class="header|footer">
            return name.equals("div") && (classes.contains("header") || classes.contains("footer"));
        }
        if (PAGE_FURNITURE.contains(name)) {
            return true;
        }
        // a header inside an article or section is its heading (HTML's sectioning rules) and stays; the page's own
        // header is the site's. Footers, the page's or an article's, hold bylines, tags and copyright, not text.
        if (name.equals("footer") || (name.equals("header") && sectioningDepth == 0)) {
            return true;
        }
        String role = atts.getValue("role");
        if (role != null && FURNITURE_ROLES.contains(role.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if ("true".equalsIgnoreCase(atts.getValue("aria-hidden")) || atts.getValue("hidden") != null) {
            return true;
        }
        for (String word : words(classes, atts.getValue("id"))) {
            if (FURNITURE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> classes(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(List.of(value.strip().toLowerCase(Locale.ROOT).split("\\s+")));
    }

    private static List<String> words(Set<String> classes, @Nullable String id) {
        List<String> words = new ArrayList<>();
        for (String c : classes) {
            words.addAll(List.of(WORD_SPLIT.split(c)));
        }
        if (id != null) {
            words.addAll(List.of(WORD_SPLIT.split(id.toLowerCase(Locale.ROOT))));
        }
        return words;
    }

    private void flush() {
        if (current.isEmpty()) {
            datetime = null;
            return;
        }
        String text = SPACES.matcher(current).replaceAll(" ");
        current.setLength(0);
        StringBuilder clean = new StringBuilder(text.length());
        // spaces around a line or cell break are layout, not text
        for (String line : text.split(String.valueOf(LINE_BREAK), -1)) {
            if (!clean.isEmpty()) {
                clean.append('\n');
            }
            StringBuilder cells = new StringBuilder();
            for (String cell : line.split(String.valueOf(CELL_BREAK), -1)) {
                if (!cell.isBlank()) {
                    if (!cells.isEmpty()) {
                        cells.append('\t');
                    }
                    cells.append(cell.strip());
                }
            }
            clean.append(cells);
        }
        String block = clean.toString().strip();
        if (!block.isEmpty()) {
            Frame owner = blockOwner();
            blocks.add(new Block(block, owner == null ? "body" : owner.name(),
                    owner == null ? Set.of() : owner.classes(), mainDepth > 0, datetime));
        }
        datetime = null;
    }

    private @Nullable Frame blockOwner() {
        for (Frame frame : open) {
            if (BLOCKS.contains(frame.name())) {
                return frame;
            }
        }
        return null;
    }
}
