package io.capdex.caption;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The caption file formats capdex reads and writes, with their usual file extensions. */
public enum Format {
    SRT("srt"),
    VTT("vtt"),
    SBV("sbv"),
    TTML("ttml", "dfxp", "xml"),
    /** capdex's machine-readable view of a track ({@code convert --to json}), also read back for interchange. */
    JSON("json");

    private final List<String> extensions;

    Format(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The lower-case name used on the command line and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> extensions() {
        return extensions;
    }

    public String defaultExtension() {
        return extensions.get(0);
    }

    public static Optional<Format> fromId(String id) {
        for (Format f : values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file name's extension names, if any. */
    public static Optional<Format> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
