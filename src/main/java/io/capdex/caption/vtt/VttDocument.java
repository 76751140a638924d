package io.capdex.caption.vtt;

import io.capdex.caption.ParseProblem;
import io.capdex.caption.Region;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A WebVTT file exactly as the W3C parsing algorithm (and so a browser) sees it, before capdex maps it onto the
 * caption model: cues keep their raw text and may end before they start, which the model refuses.
 *
 * @param header the text after {@code WEBVTT} on the signature line and the header lines, in order
 * @param notes the text of each {@code NOTE} block after the header (without {@code NOTE} and the space or tab
 *     after it; lines joined with {@code \n})
 * @param cues every cue the algorithm keeps, in file order
 * @param regions the regions, a later one with the same id replacing an earlier one
 * @param styles the CSS text of each {@code STYLE} block before the first cue
 * @param lineEndings as {@link io.capdex.caption.Origin#lineEndingsOf}
 * @param problems what the block-level parse found (cue text problems are reported by {@link VttReader#read})
 */
public record VttDocument(List<String> header, List<String> notes, List<RawCue> cues, List<Region> regions, List<String> styles,
                          boolean bom, String lineEndings, List<ParseProblem> problems) {

    public VttDocument {
        header = List.copyOf(header);
        notes = List.copyOf(notes);
        cues = List.copyOf(cues);
        regions = List.copyOf(regions);
        styles = List.copyOf(styles);
        Objects.requireNonNull(lineEndings, "lineEndings");
        problems = List.copyOf(problems);
    }

    /**
     * One cue as the algorithm builds it.
     *
     * @param line the 1-based line of the timing line
     * @param id the cue identifier, or null when the block had none
     * @param settings the valid settings, by WebVTT name, values as written; {@code region} only when defined
     * @param text the raw cue text (markup and character references as written, lines joined with {@code \n})
     */
    public record RawCue(int line, @Nullable String id, long startMs, long endMs, Map<String, String> settings,
                         String text) {
        public RawCue {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            Objects.requireNonNull(text, "text");
        }
    }
}
