package io.capdex.caption;

import java.util.List;
import java.util.Objects;

/**
 * A whole caption track: one language from one source, its cues in file order, and where it came from.
 *
 * @param language BCP 47 ({@code en}, {@code es}, {@code pt-BR}), or {@code und} when unknown
 * @param regions WebVTT regions (TTML regions mapped onto them)
 * @param styles WebVTT {@code STYLE} blocks, each as its CSS text
 */
public record Track(String language, Source source, List<Cue> cues, List<Region> regions, List<String> styles,
                    Origin origin) {

    /** The language tag for "not known". */
    public static final String UNDETERMINED = "und";

    public Track {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        cues = List.copyOf(cues);
        regions = List.copyOf(regions);
        styles = List.copyOf(styles);
    }

    /** An {@code und}/{@code asr} track with just these cues, as if read from canonical UTF-8. */
    public static Track of(Format format, List<Cue> cues) {
        return new Track(UNDETERMINED, Source.ASR, cues, List.of(), List.of(), Origin.of(format));
    }

    public Track withCues(List<Cue> newCues) {
        return new Track(language, source, newCues, regions, styles, origin);
    }

    public Track withLanguage(String newLanguage) {
        return new Track(newLanguage, source, cues, regions, styles, origin);
    }

    public Track withSource(Source newSource) {
        return new Track(language, newSource, cues, regions, styles, origin);
    }

    public Track withOrigin(Origin newOrigin) {
        return new Track(language, source, cues, regions, styles, newOrigin);
    }

    /** The end of the last-ending cue, or 0 for an empty track. */
    public long endMs() {
        long end = 0;
        for (Cue c : cues) {
            end = Math.max(end, c.endMs());
        }
        return end;
    }
}
