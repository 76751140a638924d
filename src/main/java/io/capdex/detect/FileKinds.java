package io.capdex.detect;

import io.capdex.caption.Format;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Says what a file is from its name and first bytes (Tika's type detection), and which caption syntax a decoded
 * text is in (capdex's own sniffing, because Tika knows neither SBV nor the old TTML namespaces, and calls a
 * UTF-16 SRT without a telling name {@code application/octet-stream}). Stateless and thread-safe.
 */
public final class FileKinds {
    /** How many leading bytes {@link #detect} wants: Tika's longest magic, and the decoder's detection prefix. */
    public static final int HEAD_BYTES = 64 * 1024;

    /** How many leading characters of decoded text the caption sniffing looks at. */
    static final int SNIFF_CHARS = 64 * 1024;

    private static final String OCTET_STREAM = "application/octet-stream";

    /** A timing line this early (SRT: index, then timing) makes a file evidently captions, without Tika. */
    private static final int EVIDENT_LINES = 4;

    private static final Set<String> DOCUMENT_TYPES = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            "application/vnd.oasis.opendocument.text",
            "application/rtf",
            "text/html",
            "application/xhtml+xml",
            "application/epub+zip");

    private static final Set<String> TTML_NAMESPACES = Set.of(
            "http://www.w3.org/ns/ttml",
            "http://www.w3.org/2006/10/ttaf1",
            "http://www.w3.org/2006/04/ttaf1");

    // Timing lines are short; longer lines are cue text and are not matched at all (a 1 MB line stays cheap).
    private static final int MAX_TIMING_LINE = 256;
    private static final Pattern SBV_TIMING = Pattern.compile(
            "\\s*\\d{1,3}:\\d{1,2}:\\d{1,2}\\.\\d{1,3}\\s*,\\s*\\d{1,3}:\\d{1,2}:\\d{1,2}\\.\\d{1,3}\\s*");
    // SRT's 00:00:01,000 and WebVTT's 00:01.000 forms, and the damaged ones readers tolerate (00:00:01:000, no ms)
    private static final Pattern ARROW_TIMING = Pattern.compile(
            "\\s*(?:\\d{1,3}:)?\\d{1,2}:\\d{1,2}(?:([.,:])\\d{1,3})?\\s*-->.*");
    private static final Pattern TT_ROOT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?tt[\\s>/]");
    private static final Pattern JSON_CUES = Pattern.compile("\"cues\"\\s*:");

    private FileKinds() {
    }

    /** Reads the first {@link #HEAD_BYTES} of a file and {@linkplain #detect(Path, byte[]) detects} its kind. */
    public static FileKind kindOf(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return detect(path, in.readNBytes(HEAD_BYTES));
        }
    }

    /**
     * What a file is, from its name and its first bytes ({@link #HEAD_BYTES} of them, or the whole file if
     * shorter). Bytes that look like text are decoded first; text that opens like captions is captions whatever
     * the name says. Otherwise Tika decides from the name and the magic bytes, and text (by Tika's type, or
     * unknown bytes that look like text) is sniffed for captions once more, all the way through the head. Text
     * with many control bytes is binary data ({@code application/octet-stream}).
     */
    public static FileKind detect(Path path, byte[] head) {
        Path name = path.getFileName();
        String fileName = name == null ? "" : name.toString();
        boolean binary = looksBinary(head);
        String text = binary ? "" : TextDecoder.decode(head).text();
        if (!binary) {
            // Text that opens like captions needs no Tika, whose type database takes a second or more to load:
            // `capdex check one.srt` should not wait for it.
            Optional<CaptionSyntax> evident = sniff(fileName, text, EVIDENT_LINES, false);
            if (evident.isPresent()) {
                return new FileKind(evident.get().mediaType(), FileKind.Kind.CAPTION, evident.get());
            }
        }
        MediaType detected = tikaType(fileName, head);
        String type = detected.getBaseType().toString();
        if (!isTextual(detected)) {
            return new FileKind(type, kindOfBinary(type), null);
        }
        if (binary) {
            return new FileKind(OCTET_STREAM, FileKind.Kind.OTHER, null);
        }
        Optional<CaptionSyntax> caption = sniffCaption(fileName, text);
        if (caption.isPresent()) {
            return new FileKind(caption.get().mediaType(), FileKind.Kind.CAPTION, caption.get());
        }
        if (type.equals(OCTET_STREAM) || isCaptionType(type)) {
            type = "text/plain"; // not what the name promised (or unknown), but text all the same
        }
        return new FileKind(type, DOCUMENT_TYPES.contains(type) ? FileKind.Kind.DOCUMENT : FileKind.Kind.TEXT, null);
    }

    /**
     * The supported caption format of a decoded text, or empty when it holds none or one capdex does not support
     * (see {@link #sniffCaption} to tell those apart).
     */
    public static Optional<Format> sniffCaptionFormat(String fileName, String text) {
        return sniffCaption(fileName, text).flatMap(CaptionSyntax::format);
    }

    /**
     * The caption syntax of a decoded text, from its first {@value #SNIFF_CHARS} characters: a {@code WEBVTT}
     * signature is VTT; XML with a TTML namespace (or a {@code tt} root) is TTML; {@code [Script Info]} is
     * ASS/SSA; JSON with a {@code "cues"} member is capdex JSON; otherwise the first timing line decides, an
     * SBV pair {@code 0:00:01.000,0:00:02.000} or an arrow {@code -->} (SRT; VTT when the file is named
     * {@code .vtt} and the milliseconds use {@code .}). Content beats the extension; the extension only decides
     * when the content says nothing (an empty or garbled file named {@code .srt} is SRT, and its reader reports
     * what is wrong).
     */
    public static Optional<CaptionSyntax> sniffCaption(String fileName, String text) {
        return sniff(fileName, text, Integer.MAX_VALUE, true);
    }

    /**
     * {@link #sniffCaption} looking for the first timing line in at most {@code maxLines} lines, and falling back
     * to the file name's extension only when {@code nameFallback} is set.
     */
    private static Optional<CaptionSyntax> sniff(String fileName, String text, int maxLines, boolean nameFallback) {
        Optional<CaptionSyntax> byName = syntaxOfName(fileName);
        Optional<CaptionSyntax> fallback = nameFallback ? byName : Optional.empty();
        int limit = Math.min(text.length(), SNIFF_CHARS);
        int start = 0;
        while (start < limit && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (start == limit) {
            return fallback;
        }
        String firstLine = lineAt(text, start, limit);
        if (firstLine.startsWith("WEBVTT")
                && (firstLine.length() == 6 || firstLine.charAt(6) == ' ' || firstLine.charAt(6) == '\t')) {
            return Optional.of(CaptionSyntax.VTT);
        }
        String header = firstLine.strip().toLowerCase(Locale.ROOT);
        if (header.equals("[script info]") || header.equals("[v4+ styles]") || header.equals("[v4 styles]")) {
            return Optional.of(CaptionSyntax.ASS);
        }
        char first = text.charAt(start);
        if (first == '<') {
            String prefix = text.substring(start, limit);
            if (TTML_NAMESPACES.stream().anyMatch(prefix::contains) || TT_ROOT.matcher(prefix).find()) {
                return Optional.of(CaptionSyntax.TTML);
            }
            // .xml names any XML; only .ttml and .dfxp promise TTML (its reader then says what is wrong)
            return fallback.filter(s -> s == CaptionSyntax.TTML && !fileName.toLowerCase(Locale.ROOT).endsWith(".xml"));
        }
        if ((first == '{' || first == '[') && JSON_CUES.matcher(text.substring(start, limit)).find()) {
            return Optional.of(CaptionSyntax.JSON);
        }
        Optional<CaptionSyntax> byTiming = firstTiming(text, start, limit, maxLines, byName);
        return byTiming.isPresent() ? byTiming : fallback;
    }

    /** SBV or SRT/VTT by the first line that is a timing line. */
    private static Optional<CaptionSyntax> firstTiming(String text, int start, int limit, int maxLines,
                                                       Optional<CaptionSyntax> byName) {
        int i = start;
        for (int lines = 0; i < limit && lines < maxLines; lines++) {
            int end = i;
            while (end < limit && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end - i <= MAX_TIMING_LINE && end > i) {
                String line = text.substring(i, end);
                if (SBV_TIMING.matcher(line).matches()) {
                    return Optional.of(CaptionSyntax.SBV);
                }
                var arrow = ARROW_TIMING.matcher(line);
                if (arrow.matches()) {
                    boolean dotMillis = ".".equals(arrow.group(1));
                    return Optional.of(dotMillis && byName.orElse(null) == CaptionSyntax.VTT
                            ? CaptionSyntax.VTT : CaptionSyntax.SRT);
                }
            }
            i = end + (end + 1 < limit && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return Optional.empty();
    }

    private static String lineAt(String text, int start, int limit) {
        int end = start;
        while (end < limit && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(start, end);
    }

    /** The syntax a file name's extension names: the supported formats, plus {@code .ass} and {@code .ssa}. */
    private static Optional<CaptionSyntax> syntaxOfName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ass") || lower.endsWith(".ssa")) {
            return Optional.of(CaptionSyntax.ASS);
        }
        return Format.fromFileName(lower).map(CaptionSyntax::of);
    }

    /**
     * True when the bytes are binary data rather than text: more than 5 % control bytes other than white space,
     * not counting a trailing run of NULs (a text file whose end was preallocated but never written is still a
     * text file; its reader reports the NULs). UTF-16 and UTF-32 text, whose NULs follow a pattern, is not binary.
     * A head of NULs only is binary.
     */
    public static boolean looksBinary(byte[] head) {
        int length = head.length;
        if (length == 0) {
            return false;
        }
        if (hasUnicodeBom(head) || TextDecoder.wideUnicodeByNuls(head, length) != null) {
            return false;
        }
        while (length > 0 && head[length - 1] == 0) {
            length--;
        }
        if (length == 0) {
            return true;
        }
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B) {
                controls++;
            }
        }
        return controls * 20L > length;
    }

    private static boolean hasUnicodeBom(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF
                && b[1] == (byte) 0xFE) || (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE
                && b[3] == (byte) 0xFF));
    }

    private static MediaType tikaType(String fileName, byte[] head) {
        Metadata metadata = new Metadata();
        if (!fileName.isEmpty()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        byte[] bytes = head.length > HEAD_BYTES ? Arrays.copyOf(head, HEAD_BYTES) : head;
        try {
            return Tika.MIME_TYPES.detect(new ByteArrayInputStream(bytes), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayInputStream does not fail
        }
    }

    /** Text by Tika's type hierarchy, or unknown bytes (which {@link #looksBinary} then judges). */
    private static boolean isTextual(MediaType type) {
        MediaTypeRegistry registry = Tika.MIME_TYPES.getMediaTypeRegistry();
        MediaType base = type.getBaseType();
        return base.getType().equals("text")
                || base.equals(MediaType.OCTET_STREAM)
                || base.equals(MediaType.APPLICATION_XML)
                || base.toString().equals("application/json")
                || registry.isSpecializationOf(base, MediaType.TEXT_PLAIN)
                || registry.isSpecializationOf(base, MediaType.APPLICATION_XML);
    }

    private static boolean isCaptionType(String type) {
        for (CaptionSyntax s : CaptionSyntax.values()) {
            if (s.mediaType().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static FileKind.Kind kindOfBinary(String type) {
        if (type.startsWith("video/") || type.equals("application/mp4") || type.equals("application/x-matroska")) {
            return FileKind.Kind.VIDEO;
        }
        if (type.startsWith("audio/")) {
            return FileKind.Kind.AUDIO;
        }
        if (DOCUMENT_TYPES.contains(type)) {
            return FileKind.Kind.DOCUMENT;
        }
        return FileKind.Kind.OTHER;
    }

    /** Tika's type database, loaded on first use (parsing it takes a noticeable fraction of a second). */
    private static final class Tika {
        static final MimeTypes MIME_TYPES = TikaConfig.getDefaultConfig().getMimeRepository();
    }
}
