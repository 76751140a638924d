package io.capdex.batch;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules for interview IDs, which name folders under {@code DATA/tracks/}: no path separators, no {@code .} or
 * {@code ..}, no leading dot (hidden, and capdex's own temporary folders start with one), no control characters,
 * at most {@value #MAX_BYTES} bytes of UTF-8. Characters Windows refuses in names ({@code : * ? " < > |}) and
 * {@code %} are allowed in IDs and percent-encoded in folder names, so a data folder moves between systems.
 */
public final class InterviewIds {
    /** Leaves room under the usual 255-byte name limit for the temporary folder's prefix and suffix. */
    public static final int MAX_BYTES = 200;

    private static final String ENCODED = ":*?\"<>|%";

    private InterviewIds() {
    }

    /** Why {@code id} is not a usable interview ID, or empty when it is. */
    public static Optional<String> problem(String id) {
        if (id.isEmpty()) {
            return Optional.of("empty ID");
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of("ID " + id + " names a folder of the path");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("ID contains a path separator (" + c + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++; // a pair: one character outside the BMP
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("ID is not valid Unicode (a lone surrogate)"); // no file system can name it
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return Optional.of(String.format("ID contains the control character U+%04X", (int) c));
            }
        }
        if (id.startsWith(".")) {
            return Optional.of("ID starts with a dot (hidden)");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("ID is longer than " + MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /** Returns {@code id} when it is usable. @throws IllegalArgumentException saying why it is not */
    public static String check(String id) {
        Optional<String> problem = problem(id);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get() + ": " + printable(id));
        }
        return id;
    }

    /** The folder name of a (valid) ID. */
    static String folderName(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (ENCODED.indexOf(c) >= 0) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The ID of a folder name, or empty when the name is not one {@link #folderName} makes. */
    static Optional<String> fromFolderName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%') {
                if (i + 2 >= name.length()) {
                    return Optional.empty();
                }
                int code;
                try {
                    code = Integer.parseInt(name.substring(i + 1, i + 3), 16);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (ENCODED.indexOf(code) < 0) {
                    return Optional.empty();
                }
                sb.append((char) code);
                i += 2;
            } else if (ENCODED.indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                sb.append(c);
            }
        }
        String id = sb.toString();
        return problem(id).isEmpty() ? Optional.of(id) : Optional.empty();
    }

    /** The ID with control characters shown as escapes, for messages. */
    static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        id.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
