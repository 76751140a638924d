package io.capdex.caption;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one caption format from decoded text, leniently: problems are reported, never thrown. A leading U+FEFF
 * is a byte order mark left by decoding and is skipped. The returned track's origin has the format, {@code
 * UTF-8} (the file layer replaces it with the real encoding), whether a BOM was seen, and the line endings.
 * Implementations are stateless and thread-safe.
 */
public interface CaptionReader {
    ParseResult read(CharSequence text);

    /**
     * Reads like {@link #read(CharSequence)} with the same problems, but hands each cue to {@code sink} in file
     * order instead of keeping it, so that a conversion need not hold the whole track: the result's track has no
     * cues and its cue lines are {@link CueLines#none()}. Readers that cannot stream (the default) read the whole
     * track first and then hand its cues over. A {@code sink} that throws stops the read.
     */
    default ParseResult read(CharSequence text, Consumer<Cue> sink) {
        ParseResult whole = read(text);
        whole.track().cues().forEach(sink);
        return new ParseResult(whole.track().withCues(List.of()), whole.problems());
    }
}
