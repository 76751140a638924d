package io.capdex.detect;

import io.capdex.caption.Languages;
import io.capdex.detect.DocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.SecureContentHandler;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * Reads the text of a transcript or an interview page: plain text (through {@link TextDecoder}, for its charset
 * rules), DOCX, PDF, ODT and HTML (the main article only). Failures are {@link DocumentException}s with a message
 * for people. Thread-safe; Tika's parser is built once, on first use (about a second).
 *
 * <p>Limits: DOCX and ODT packages are inflated once without keeping anything, and refused when a part expands
 * more than 100-fold or beyond 128 MB (see {@code ZipLimits}); Tika's {@link SecureContentHandler} stops deeply
 * nested or hugely expanding XML; and a document may give at most {@link #MAX_CHARS} characters of text, far above
 * any interview (a 3-hour transcript is about 160,000 characters).
 */
public final class DocumentText {
    /** The most characters of text capdex takes from one document before refusing it. */
    public static final int MAX_CHARS = 20_000_000;

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String DOCM = "application/vnd.ms-word.document.macroenabled.12";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String HTML = "text/html";
    static final String XHTML = "application/xhtml+xml";
    static final String TEXT = "text/plain";
    private static final String PROTECTED_OOXML = "application/x-tika-ooxml-protected";

    private static final Set<String> HTML_EXTENSIONS = Set.of(".html", ".htm", ".xhtml");
    private static final Map<String, String> NAMED_TYPES = Map.of(".pdf", PDF, ".docx", DOCX, ".odt", ODT);
    private static final Map<String, String> TYPE_NAMES = Map.of(PDF, "PDF", DOCX, "DOCX", DOCM, "DOCX", ODT, "ODT",
            HTML, "HTML", XHTML, "XHTML");
    // Tika's PDF parser puts a lone page number (or "Page 3 of 10") in a paragraph of its own
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(page\\s*|p\\.\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?");

    private DocumentText() {
    }

    /** The text of a TXT, DOCX, PDF, ODT or HTML file; see {@link DocumentResult} for its shape. */
    public static DocumentResult read(Path path) throws DocumentException {
        return read(path, MAX_CHARS);
    }

    static DocumentResult read(Path path, int maxChars) throws DocumentException {
        ParsedDocument parsed = parse(path, maxChars);
        List<Block> blocks = parsed.isWebPage() ? mainContent(parsed.blocks()) : parsed.blocks();
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.text());
        }
        return new DocumentResult(text.toString(), parsed.mediaType(), parsed.title(), parsed.language(),
                parsed.warnings());
    }

    /**
     * A document split into blocks, with its metadata: what {@link #read} joins and {@link InterviewPage} looks
     * through. Plain text gives one block per paragraph (text between blank lines). A web page's blocks are all
     * those outside page furniture, in and out of its main article ({@link Block#inMain()} tells them apart).
     */
    static ParsedDocument parse(Path path, int maxChars) throws DocumentException {
        FileKind kind;
        long size;
        try {
            if (Files.isDirectory(path)) {
                throw new DocumentException(path, Reason.UNREADABLE, "is a directory, not a document");
            }
            size = Files.size(path);
            kind = FileKinds.kindOf(path);
        } catch (NoSuchFileException e) {
            throw new DocumentException(path, Reason.UNREADABLE, "no such file");
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentException(path, Reason.UNREADABLE, "cannot read: " + describe(e));
        }
        if (size == 0) {
            throw new DocumentException(path, Reason.NO_TEXT, "empty file; no text found");
        }
        String named = NAMED_TYPES.get(extension(path));
        boolean htmlName = HTML_EXTENSIONS.contains(extension(path));
        if (named == null && kind.isText() && !htmlName) {
            return plainText(path, size, maxChars);
        }
        if (htmlName && kind.isText()) {
            // a page that opens with a comment or a bare fragment sniffs as text; its name says what it is
            return tika(path, HTML, maxChars);
        }
        String type = named != null ? contentType(path) : kind.mediaType();
        if (named != null && type.equals(PROTECTED_OOXML) && !named.equals(PDF)) {
            // an encrypted Office file is an OLE2 container around the encrypted package
            throw new DocumentException(path, Reason.ENCRYPTED, "encrypted (password-protected) "
                    + TYPE_NAMES.get(named) + "; capdex cannot read it");
        }
        if (named != null && !sameDocumentType(named, type)) {
            throw new DocumentException(path, Reason.UNSUPPORTED, "named " + extension(path) + " but is not a "
                    + TYPE_NAMES.get(named) + " document (its content is " + describeType(type) + ")");
        }
        if (!TYPE_NAMES.containsKey(type)) {
            throw new DocumentException(path, Reason.UNSUPPORTED, "unsupported document type " + type
                    + " (capdex reads TXT, DOCX, PDF, ODT and HTML)");
        }
        if (!type.equals(PDF) && !type.equals(HTML) && !type.equals(XHTML)) {
            ZipLimits.check(path, TYPE_NAMES.get(type));
        }
        return tika(path, type, maxChars);
    }

    private static boolean sameDocumentType(String named, String content) {
        return named.equals(content) || (named.equals(DOCX) && content.equals(DOCM));
    }

    private static String describeType(String type) {
        return switch (type) {
            case "application/zip" -> "a ZIP archive without a Word document in it";
            case "application/x-tika-ooxml", "application/x-tika-msoffice" -> "an unreadable Office package";
            case TEXT -> "plain text";
            default -> type;
        };
    }

    private static ParsedDocument plainText(Path path, long size, int maxChars) throws DocumentException {
        // UTF-16 needs two bytes a character, UTF-8 at least one: more bytes than this cannot fit the limit
        if (size > 4L * maxChars) {
            throw tooLarge(path, maxChars);
        }
        DecodedText decoded;
        try {
            decoded = TextDecoder.decode(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new DocumentException(path, Reason.UNREADABLE, "cannot read: " + describe(e));
        }
        if (decoded.text().length() > maxChars) {
            throw tooLarge(path, maxChars);
        }
        List<String> warnings = new ArrayList<>();
        if (decoded.replacedInvalid()) {
            warnings.add(decoded.invalidCount() + " byte sequence(s) not valid in " + decoded.charset().name()
                    + " replaced with U+FFFD (first on line " + decoded.firstInvalidLine() + ")");
        }
        List<Block> blocks = new ArrayList<>();
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        for (String paragraph : text.split("\n[ \t\u00A0]*\n")) {
            String clean = paragraph.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            if (!clean.isEmpty()) {
                blocks.add(new Block(clean, "p", Set.of(), false, null));
            }
        }
        if (blocks.isEmpty()) {
            throw new DocumentException(path, Reason.NO_TEXT, "no text found (only white space)");
        }
        return new ParsedDocument(blocks, TEXT, null, null, Map.of(), warnings);
    }

    private static ParsedDocument tika(Path path, String type, int maxChars) throws DocumentException {
        boolean webPage = type.equals(HTML) || type.equals(XHTML);
        BlockCollector collector = new BlockCollector(webPage, maxChars);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(path.getFileName()));
        ParseContext context = new ParseContext();
        // keep every element (nav, header, footer, article, time …) so the collector can tell furniture from
        // content; Tika's default mapper drops them and keeps only their text
        context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        // stream DOCX through SAX: the default XWPF reader builds the whole document in memory first, so a
        // 200 KB zip bomb with one 200 MB paragraph exhausts the heap before any limit can look at the text
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        try (InputStream in = TikaInputStream.get(path)) {
            Parsers.AUTO.parse(in, collector, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new DocumentException(path, Reason.ENCRYPTED, "encrypted (password-protected) "
                    + TYPE_NAMES.get(type) + "; capdex cannot read it");
        } catch (ZeroByteFileException e) {
            throw new DocumentException(path, Reason.NO_TEXT, "empty file; no text found");
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw failure(path, type, e, maxChars);
        }
        List<Block> blocks = collector.blocks();
        if (type.equals(PDF)) {
            blocks = blocks.stream().filter(b -> !PAGE_NUMBER.matcher(b.text()).matches()).toList();
        }
        if (blocks.isEmpty()) {
            throw new DocumentException(path, Reason.NO_TEXT,
                    type.equals(PDF) ? "no text found (image-only PDF?)" : "no text found");
        }
        List<String> warnings = new ArrayList<>();
        for (String warning : metadata.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_WARNING)) {
            warnings.add("parser warning: " + firstLine(warning));
        }
        for (String warning : metadata.getValues(TikaCoreProperties.EMBEDDED_EXCEPTION)) {
            warnings.add("an embedded object could not be read: " + firstLine(warning));
        }
        Map<String, List<String>> meta = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            meta.put(name.toLowerCase(Locale.ROOT), List.of(metadata.getValues(name)));
        }
        return new ParsedDocument(blocks, type, blankToNull(metadata.get(TikaCoreProperties.TITLE)),
                declaredLanguage(metadata), meta, warnings);
    }

    /** The blocks inside {@code main}/{@code article} when the page has them, else all (furniture already gone). */
    private static List<Block> mainContent(List<Block> blocks) {
        List<Block> main = blocks.stream().filter(Block::inMain).toList();
        return main.isEmpty() ? blocks : main;
    }

    private static @Nullable String declaredLanguage(Metadata metadata) {
        for (String value : new String[] {metadata.get(TikaCoreProperties.LANGUAGE),
                metadata.get("Content-Language")}) {
            if (value != null && !value.isBlank()) {
                // "en, fr" in a Content-Language header lists audiences; the first one is the page's
                String tag = Languages.toTag(value.split("[,;]")[0]);
                if (!tag.equals(Languages.UNDETERMINED_CODE) && !tag.startsWith("x-")) {
                    return tag;
                }
            }
        }
        return null;
    }

    /** Maps what a parser threw to a message for people. */
    private static DocumentException failure(Path path, String type, Exception e, int maxChars) {
        String name = TYPE_NAMES.getOrDefault(type, type);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BlockCollector.LimitReached) {
                return tooLarge(path, maxChars);
            }
            if (t instanceof EncryptedDocumentException
                    || t instanceof org.apache.poi.EncryptedDocumentException) {
                return new DocumentException(path, Reason.ENCRYPTED, "encrypted (password-protected) " + name
                        + "; capdex cannot read it");
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // POI's ZipSecureFile ("Zip bomb detected!") and Tika's SecureContentHandler ("Suspected zip bomb")
            if (message.contains("zip bomb")) {
                return new DocumentException(path, Reason.TOO_LARGE, "looks like a zip bomb (a part expands far "
                        + "more than any real " + name + " does); not read");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof IOException && !(e instanceof TikaException) && root == e) {
            return new DocumentException(path, Reason.UNREADABLE, "cannot read: " + describe(e));
        }
        return new DocumentException(path, Reason.CORRUPT, "not a readable " + name + " file (" + describe(root)
                + ")");
    }

    private static DocumentException tooLarge(Path path, int maxChars) {
        return new DocumentException(path, Reason.TOO_LARGE, String.format(Locale.ROOT,
                "more than %,d characters of text; not read (a limit against zip bombs and runaway documents)",
                maxChars));
    }

    /** The type Tika sees in the bytes alone, without the file name's say. */
    private static String contentType(Path path) throws DocumentException {
        try (TikaInputStream in = TikaInputStream.get(path)) {
            MediaType type = Parsers.AUTO.getDetector().detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(path, Reason.UNREADABLE, "cannot read: " + describe(e));
        }
    }

    private static String extension(Path path) {
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String simple = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? simple : firstLine(message);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The parser, built once: Tika's configuration loads every parser and the type database. */
    static final class Parsers {
        static final AutoDetectParser AUTO = new AutoDetectParser(TikaConfig.getDefaultConfig());

        private Parsers() {
        }
    }

    /** A parsed document: its blocks, type, title, declared language, lower-cased metadata names, warnings. */
    record ParsedDocument(List<Block> blocks, String mediaType, @Nullable String title, @Nullable String language,
                          Map<String, List<String>> metadata, List<String> warnings) {
        ParsedDocument {
            blocks = List.copyOf(blocks);
            metadata = Map.copyOf(metadata);
            warnings = List.copyOf(warnings);
        }

        boolean isWebPage() {
            return mediaType.equals(HTML) || mediaType.equals(XHTML);
        }

        Optional<String> meta(String name) {
            List<String> values = metadata.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            return values.stream().filter(v -> !v.isBlank()).map(String::strip).findFirst();
        }
    }
}
