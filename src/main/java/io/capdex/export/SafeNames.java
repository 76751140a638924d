package io.capdex.export;

import io.capdex.caption.Source;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Output file names that stay where they are put: one path component, no traversal, nothing Windows refuses.
 * {@link #fileName} refuses an unsafe name (for interview IDs, where changing the name would hide a problem);
 * {@link #sanitised} turns any text (a title) into a safe name.
 */
public final class SafeNames {
    /** The longest name in UTF-8 bytes: most file systems allow 255. */
    public static final int MAX_BYTES = 255;

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT¹", "LPT²", "LPT³");
    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private SafeNames() {
    }

    /**
     * The name itself (NFC) when it is one safe path component.
     *
     * @throws IllegalArgumentException saying why it is not: empty, {@code .} or {@code ..}, a path separator or
     *     drive ({@code / \ :}), a character Windows forbids ({@code * ? " < > |}), NUL or another control
     *     character, a leading dot (a hidden file) or a trailing dot or space (Windows drops them), a reserved
     *     Windows device name ({@code CON}, {@code nul.srt}, {@code COM1}, …), or longer than {@value #MAX_BYTES}
     *     bytes
     */
    public static String fileName(String name) {
        String why = problem(name);
        if (why != null) {
            throw new IllegalArgumentException("unsafe file name '" + printable(name) + "': " + why);
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /** True when {@link #fileName} accepts the name. */
    public static boolean isSafe(String name) {
        return problem(name) == null;
    }

    /**
     * Any text as a safe file name: forbidden and control characters become {@code _}, white space one space,
     * leading dots and trailing dots and spaces go, a reserved device name gets a leading {@code _}, and the result
     * is cut to {@value #MAX_BYTES} bytes; an empty result is {@code _}.
     */
    public static String sanitised(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else if (c < 0x20 || c == 0x7F || FORBIDDEN.indexOf(c) >= 0) {
                sb.append('_');
            } else {
                sb.append(c);
            }
        }
        while (sb.length() > 0 && sb.charAt(0) == '.') {
            sb.deleteCharAt(0);
        }
        trimEnd(sb);
        if (RESERVED.contains(stem(sb.toString()))) {
            sb.insert(0, '_');
        }
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            int cut = sb.offsetByCodePoints(sb.length(), -1);
            sb.setLength(cut);
            trimEnd(sb);
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    /**
     * The export file name of a track: {@code ID.LANG.srt} (plus {@code .edited} or {@code .aligned} for those
     * sources, as ingest pairs them), {@code ID.LANG.transcript.txt|html|docx}, {@code ID.LANG.json},
     * {@code ID.mp4}, {@code ID.mkv}, {@code ID.LANG.burned.mp4}.
     *
     * @throws IllegalArgumentException for an unsafe id or a malformed language tag
     */
    public static String exportName(String id, String language, Source source, ExportFormat format) {
        fileName(id);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("'" + printable(language) + "' is not a language tag");
        }
        String base = id + "." + language;
        String suffix = source == Source.EDITED || source == Source.ALIGNED ? "." + source.id() : "";
        String name = switch (format) {
            case SRT, VTT, SBV, TTML, JSON -> base + suffix + "." + format.extension();
            case TXT, HTML, DOCX -> base + suffix + ".transcript." + format.extension();
            case MP4, MKV -> id + "." + format.extension();
            case MP4_BURNED -> base + suffix + ".burned." + format.extension();
        };
        return fileName(name);
    }

    private static @Nullable String problem(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "a directory reference";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "holds a path separator";
            }
            if (c == ':') {
                return "holds ':' (a drive or an NTFS stream)";
            }
            if (c == 0) {
                return "holds NUL";
            }
            if (c < 0x20 || c == 0x7F) {
                return "holds a control character";
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "holds '" + c + "', which Windows forbids";
            }
        }
        if (name.charAt(0) == '.') {
            return "starts with a dot (a hidden file)";
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return "ends with a dot or space, which Windows drops";
        }
        if (RESERVED.contains(stem(name))) {
            return "a reserved Windows device name";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes";
        }
        return null;
    }

    /** The part before the first dot, upper case, trailing spaces dropped: what Windows compares device names by. */
    private static String stem(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
    }

    private static void trimEnd(StringBuilder sb) {
        while (sb.length() > 0 && (sb.charAt(sb.length() - 1) == '.' || sb.charAt(sb.length() - 1) == ' ')) {
            sb.setLength(sb.length() - 1);
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 120; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
