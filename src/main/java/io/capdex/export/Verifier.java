package io.capdex.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.formats.CaptionFormats;
import io.capdex.caption.json.JsonReader;
import io.capdex.caption.vtt.VttReader;
import io.capdex.detect.FileKind;
import io.capdex.detect.FileKinds;
import io.capdex.detect.TextDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jspecify.annotations.Nullable;

/**
 * Proves that exported files carry the AI-accuracy warning: any text the configuration accepts, in any language,
 * compared after {@linkplain WarningTexts#normalise normalisation}. Where it looks: caption files (SRT, WebVTT,
 * SBV, TTML, capdex JSON) in the chain of cues from 00:00:00, WebVTT also in its {@code NOTE} blocks and TTML in
 * {@code ttm:desc}; transcripts in their header (TXT: before the first {@code [HH:MM:SS]} paragraph; HTML: before
 * {@code <main>}, scripts, styles and the head left out; DOCX: the paragraphs before the first timestamped one,
 * and the document description); JSON exports in their {@code warning} field; videos through the wired
 * {@link MediaVerifier}, every subtitle stream's opening cues and the container comment. Content problems are
 * results, never exceptions. Immutable and thread-safe.
 */
public final class Verifier {
    /** Text and DOCX files above this size are not read whole: no export comes near it, and memory is bounded. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    /** How much of a transcript's start can be its header when it has no timestamped paragraph. */
    static final int HEADER_CHARS = 8000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP_LINE = Pattern.compile("(?m)^\\[\\d{2,}:\\d{2}:\\d{2}\\]");
    private static final Pattern TIMESTAMP_START = Pattern.compile("^\\[?\\d{2,}:\\d{2}:\\d{2}");
    private static final Pattern DROPPED_HTML = Pattern.compile(
            "(?is)<head\\b.*?</head\\s*>|<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>|<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final WarningTexts texts;
    private final List<WarningText> accepted;
    private final @Nullable MediaVerifier media;

    /** A verifier for every text format; videos are reported as not verifiable. */
    public Verifier(WarningTexts texts) {
        this(texts, null);
    }

    public Verifier(WarningTexts texts, @Nullable MediaVerifier media) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.accepted = texts.all();
        this.media = media;
    }

    public WarningTexts texts() {
        return texts;
    }

    /** Verifies every path; a file that cannot be read is a result (not stamped) rather than an exception. */
    public VerifyReport verifyAll(List<Path> paths) {
        List<VerifyResult> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            try {
                out.add(verify(p));
            } catch (IOException e) {
                out.add(new VerifyResult(p, "unreadable", false, List.of(), "cannot read the file: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }
        return VerifyReport.of(out);
    }

    /**
     * Verifies one file, its kind detected from its name and content.
     *
     * @throws IOException when the file cannot be read
     */
    public VerifyResult verify(Path path) throws IOException {
        FileKind kind;
        try (InputStream in = Files.newInputStream(path)) {
            kind = FileKinds.detect(path, in.readNBytes(FileKinds.HEAD_BYTES));
        }
        if (kind.kind() == FileKind.Kind.VIDEO || kind.kind() == FileKind.Kind.AUDIO) {
            return verifyMedia(path, kind);
        }
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            return new VerifyResult(path, kind.mediaType(), false, List.of(), "not read: " + size + " bytes is "
                    + "more than any exported text file (" + MAX_FILE_BYTES + ")");
        }
        return verify(path, Files.readAllBytes(path), kind);
    }

    /** Verifies a file's content held in memory; {@code path} names it (its extension helps detection). */
    public VerifyResult verify(Path path, byte[] content) {
        FileKind kind = FileKinds.detect(path, content.length > FileKinds.HEAD_BYTES
                ? java.util.Arrays.copyOf(content, FileKinds.HEAD_BYTES) : content);
        if (kind.kind() == FileKind.Kind.VIDEO || kind.kind() == FileKind.Kind.AUDIO) {
            return new VerifyResult(path, mediaKind(kind), false, List.of(),
                    "a video held in memory cannot be verified; verify the file");
        }
        return verify(path, content, kind);
    }

    /** Verifies an export's content as the format it was written in, without detecting its kind. */
    VerifyResult verifyExport(ExportFormat format, byte[] content) {
        Path path = Path.of("export." + format.extension());
        return switch (format) {
            case SRT -> captions(path, Format.SRT, text(content));
            case VTT -> captions(path, Format.VTT, text(content));
            case SBV -> captions(path, Format.SBV, text(content));
            case TTML -> captions(path, Format.TTML, text(content));
            case TXT -> txt(path, text(content));
            case HTML -> html(path, text(content));
            case DOCX -> docx(path, content);
            case JSON -> json(path, text(content));
            case MP4, MKV, MP4_BURNED -> throw new IllegalArgumentException(format.id() + " is verified from a file");
        };
    }

    private VerifyResult verify(Path path, byte[] content, FileKind kind) {
        Optional<Format> caption = kind.captionSyntax().flatMap(s -> s.format());
        if (kind.kind() == FileKind.Kind.CAPTION && caption.isEmpty()) {
            return new VerifyResult(path, kind.caption().displayName(), false, List.of(),
                    kind.caption().displayName() + " captions are not a format capdex exports or reads");
        }
        String type = kind.mediaType();
        if (caption.isPresent()) {
            return caption.get() == Format.JSON ? json(path, text(content)) : captions(path, caption.get(),
                    text(content));
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return html(path, text(content));
        }
        if (type.equals(DOCX_TYPE) || type.equals("application/x-tika-ooxml") || type.equals("application/zip")) {
            return docx(path, content);
        }
        if (type.equals("application/json")) {
            return json(path, text(content));
        }
        if (kind.isText()) {
            return txt(path, text(content));
        }
        return new VerifyResult(path, type, false, List.of(), "not a file capdex exports (" + type + ")");
    }

    private static String text(byte[] content) {
        return TextDecoder.decode(content).text();
    }

    private VerifyResult captions(Path path, Format format, String text) {
        List<Cue> cues = CaptionFormats.reader(format).read(text).track().cues();
        List<String> where = new ArrayList<>();
        WarningFinder.find(cues, accepted).ifPresent(f -> where.add(f.where()));
        if (format == Format.VTT) {
            for (String note : new VttReader().parse(text).notes()) {
                if (contains(note)) {
                    where.add("NOTE block");
                    break;
                }
            }
        }
        if (format == Format.TTML && ttmlDescriptions(text).stream().anyMatch(this::contains)) {
            where.add("ttm:desc");
        }
        String places = switch (format) {
            case VTT -> "in the cues from 00:00:00 or a NOTE block";
            case TTML -> "in the cues from 00:00:00 or ttm:desc";
            default -> "in the cues from 00:00:00";
        };
        return result(path, format.id(), where, places);
    }

    private VerifyResult txt(Path path, String text) {
        Matcher m = TIMESTAMP_LINE.matcher(text);
        String header = m.find() ? text.substring(0, m.start()) : head(text);
        return result(path, "txt", contains(header) ? List.of("header") : List.of(),
                "in the header before the first [HH:MM:SS] paragraph");
    }

    private VerifyResult html(Path path, String html) {
        String body = DROPPED_HTML.matcher(html).replaceAll(" ");
        int main = body.toLowerCase(Locale.ROOT).indexOf("<main");
        String header = main >= 0 ? body.substring(0, main) : head(body);
        String text = decodeEntities(TAG.matcher(header).replaceAll(" "));
        return result(path, "html", contains(text) ? List.of("header") : List.of(),
                "in the page text before <main>");
    }

    private VerifyResult docx(Path path, byte[] content) {
        List<String> where = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder header = new StringBuilder();
            int n = 0;
            for (XWPFParagraph p : doc.getParagraphs()) {
                String t = p.getText().strip();
                if (TIMESTAMP_START.matcher(t).find() || header.length() > HEADER_CHARS) {
                    break;
                }
                if (n == 0 && !t.isEmpty() && contains(t)) {
                    where.add("first paragraph");
                }
                if (!t.isEmpty()) {
                    n++;
                }
                header.append(t).append('\n');
            }
            if (where.isEmpty() && contains(header.toString())) {
                where.add("header");
            }
            String description = doc.getProperties().getCoreProperties().getDescription();
            if (description != null && contains(description)) {
                where.add("document description");
            }
        } catch (IOException | RuntimeException e) {
            // POI reports damaged or foreign packages with a range of runtime exceptions; any of them means the
            // file is not a DOCX we can read, which is a result here
            return new VerifyResult(path, "docx", false, List.of(), "not a readable DOCX document: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return result(path, "docx", where, "in the paragraphs before the first timestamp or the description");
    }

    private VerifyResult json(Path path, String text) {
        List<String> where = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode w = root == null ? null : root.get("warning");
            if (w != null && w.isTextual() && contains(w.asText())) {
                where.add("warning field");
            }
        } catch (IOException e) {
            return new VerifyResult(path, "json", false, List.of(), "not valid JSON: "
                    + e.getClass().getSimpleName());
        }
        List<Cue> cues = new JsonReader().read(text).track().cues();
        WarningFinder.find(cues, accepted).ifPresent(f -> where.add(f.where()));
        return result(path, "json", where, "in the warning field or the cues from 00:00:00");
    }

    private VerifyResult verifyMedia(Path path, FileKind kind) throws IOException {
        String k = mediaKind(kind);
        if (media == null) {
            return new VerifyResult(path, k, false, List.of(), "videos cannot be verified: no media reader is "
                    + "wired into this verifier");
        }
        MediaSubtitles subs = media.read(path);
        List<String> where = new ArrayList<>();
        for (String tag : List.of("comment", "description")) {
            String v = subs.tags().get(tag);
            if (v != null && contains(v)) {
                where.add("container " + tag);
            }
        }
        List<String> missing = new ArrayList<>();
        for (MediaSubtitles.SubtitleStream s : subs.streams()) {
            Optional<WarningFinder.Found> f = WarningFinder.find(s.openingCues(), accepted);
            if (f.isPresent()) {
                where.add("stream " + s.index() + " (" + s.language() + ") " + f.get().where());
            } else {
                missing.add(s.index() + " (" + s.language() + ")");
            }
        }
        boolean stamped = subs.streams().isEmpty() ? !where.isEmpty() : missing.isEmpty();
        String detail = stamped ? "warning found" : subs.streams().isEmpty()
                ? "no subtitle stream and no warning in the container comment"
                : "no warning in the opening cues of subtitle stream " + String.join(", ", missing);
        return new VerifyResult(path, k, stamped, where, detail);
    }

    private static String mediaKind(FileKind kind) {
        return switch (kind.mediaType()) {
            case "video/mp4", "application/mp4", "video/quicktime" -> "mp4";
            case "video/x-matroska", "application/x-matroska" -> "mkv";
            default -> kind.mediaType();
        };
    }

    private static VerifyResult result(Path path, String kind, List<String> where, String places) {
        return new VerifyResult(path, kind, !where.isEmpty(), where, where.isEmpty()
                ? "no accepted warning text " + places : "warning found");
    }

    private boolean contains(String text) {
        String n = WarningTexts.normalise(text);
        for (WarningText w : accepted) {
            if (n.contains(WarningTexts.normalise(w.text()))) {
                return true;
            }
        }
        return false;
    }

    private static String head(String text) {
        return text.length() <= HEADER_CHARS ? text : text.substring(0, HEADER_CHARS);
    }

    /** The text of every {@code desc} element in a TTML document's head metadata. */
    static List<String> ttmlDescriptions(String xml) {
        List<String> out = new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        // no DTDs, no external entities: a caption file must not make verify read other files or the network
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml.startsWith("\uFEFF")
                    ? xml.substring(1) : xml));
            boolean inHead = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("head")) {
                        inHead = true;
                    } else if (name.equals("body")) {
                        break;
                    } else if (inHead && name.equals("desc")) {
                        out.add(r.getElementText());
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            // a damaged document: the descriptions read before the damage count, the reader reports the rest
        }
        return out;
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                rep = codePoint(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                rep = codePoint(Integer.parseInt(e.substring(1)));
            } else {
                rep = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00A0";
                    case "rsquo" -> "\u2019";
                    case "lsquo" -> "\u2018";
                    case "ldquo" -> "\u201C";
                    case "rdquo" -> "\u201D";
                    default -> m.group();
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD";
    }
}
