package io.capdex.batch;

import io.capdex.caption.Format;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a file's name says under the pairing rules of DESIGN.md §4: its role, the interview ID (the stem: the name
 * up to the first recognised suffix), a language and the {@code edited} mark.
 *
 * <p>Suffixes are read from the right, so dots inside an ID are kept: {@code my.talk.en.srt} is ID
 * {@code my.talk} in {@code en}, and {@code my.talk.srt} is ID {@code my.talk} with no language ({@code talk} is no
 * language code). A segment counts as a language only when its primary subtag is a known ISO 639 code, so an ID
 * whose last segment happens to be one ({@code what.is.it.srt}: Italian) needs a {@code capdex.csv} row.
 *
 * @param lang the BCP 47 tag from the name, or empty when the name gives none
 * @param extension the last extension, lower case ({@code srt}, {@code mp4}, {@code docx})
 * @param format the caption format the extension names, for {@link FileRole#CAPTIONS}; else null
 */
record FileName(FileRole role, String id, String lang, boolean edited, String extension,
                @Nullable Format format) {

    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "mkv", "webm", "m4a");
    static final Set<String> CAPTION_EXTENSIONS = Set.of("srt", "vtt", "sbv", "ttml", "dfxp");
    static final Set<String> TRANSCRIPT_EXTENSIONS = Set.of("txt", "docx", "pdf", "odt", "html");
    private static final String TRANSCRIPT = ".transcript";
    private static final String EDITED = ".edited";

    /** Reads a file name; empty when no rule of DESIGN.md §4 names it (the caller may still sniff its content). */
    static Optional<FileName> parse(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String rest = name.substring(0, dot);
        if (VIDEO_EXTENSIONS.contains(extension)) {
            return Optional.of(new FileName(FileRole.VIDEO, rest, "", false, extension, null));
        }
        if (CAPTION_EXTENSIONS.contains(extension)) {
            return captions(rest, extension, Format.fromFileName(name).orElse(null));
        }
        if (TRANSCRIPT_EXTENSIONS.contains(extension) && endsWithIgnoreCase(rest, TRANSCRIPT)) {
            Stem stem = Stem.split(rest.substring(0, rest.length() - TRANSCRIPT.length()));
            if (stem.id().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FileName(FileRole.TRANSCRIPT, stem.id(), stem.lang(), false, extension, null));
        }
        if (extension.equals("html") || extension.equals("htm")) {
            return Optional.of(new FileName(FileRole.PAGE, rest, "", false, extension, null));
        }
        return Optional.empty();
    }

    /**
     * A name with an unrecognised extension whose content turned out to be captions ({@code talk.en.txt} holding
     * SRT, {@code talk.xml} holding TTML): everything before the last extension, read like a caption stem.
     */
    static Optional<FileName> asCaptions(String name, Format format) {
        int dot = name.lastIndexOf('.');
        String rest = dot <= 0 ? name : name.substring(0, dot);
        String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return captions(rest, extension, format);
    }

    /** A caption stem {@code ID[.LANG][.edited]} (the extension already cut off). */
    private static Optional<FileName> captions(String rest, String extension, @Nullable Format format) {
        boolean edited = endsWithIgnoreCase(rest, EDITED);
        if (edited) {
            rest = rest.substring(0, rest.length() - EDITED.length());
        }
        Stem stem = Stem.split(rest);
        if (stem.id().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileName(FileRole.CAPTIONS, stem.id(), stem.lang(), edited, extension, format));
    }

    /** A file whose content is media though its extension is none of the usual ones ({@code talk.mpg}). */
    static FileName asVideo(String name) {
        int dot = name.lastIndexOf('.');
        String rest = dot <= 0 ? name : name.substring(0, dot);
        String extension = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return new FileName(FileRole.VIDEO, rest, "", false, extension, null);
    }

    private static boolean endsWithIgnoreCase(String text, String suffix) {
        return text.length() > suffix.length()
                && text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** An ID and the language segment after it, if the last segment is one. */
    private record Stem(String id, String lang) {
        static Stem split(String rest) {
            int dot = rest.lastIndexOf('.');
            if (dot > 0) {
                Optional<String> lang = LanguageTags.parse(rest.substring(dot + 1));
                if (lang.isPresent()) {
                    return new Stem(rest.substring(0, dot), lang.get());
                }
            }
            return new Stem(rest, "");
        }
    }
}
