package io.capdex.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The server's URLs, built in one place so pages, JSON and tests agree on them. */
final class Links {
    private Links() {}

    /** A path segment percent-encoded (RFC 3986 unreserved characters stay as they are). */
    static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** A query value percent-encoded the same way. */
    static String query(String s) {
        return segment(s);
    }

    static String interview(String id) {
        return "/interviews/" + segment(id);
    }

    /**
     * The interview page at a moment: {@code /interviews/ID?t=83.5&lang=en&source=asr}. Seconds are rounded down
     * to a tenth, so the player starts at or just before the moment, never after its first word.
     */
    static String moment(String id, long startMs, String lang, String source) {
        long tenths = Math.max(0, startMs) / 100;
        return interview(id) + "?t=" + String.format(Locale.ROOT, "%d.%d", tenths / 10, tenths % 10)
                + "&lang=" + query(lang) + "&source=" + query(source);
    }

    static String video(String id) {
        return "/video/" + segment(id);
    }

    static String thumbnail(String id, long atMs) {
        return "/thumbs/" + segment(id + ".jpg") + "?t=" + Math.max(0, atMs);
    }

    static String captions(String id, String lang, String source) {
        return "/captions/" + segment(id) + "/" + segment(lang + ".vtt") + "?source=" + query(source);
    }

    static String cues(String id, String lang, String source) {
        return "/api/interviews/" + segment(id) + "/cues?lang=" + query(lang) + "&source=" + query(source);
    }

    static String export(String id, String fileName) {
        return "/export/" + segment(id) + "/" + segment(fileName);
    }
}
