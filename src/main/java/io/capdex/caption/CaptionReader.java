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
     * Does what reading {@code text} needs before it knows where the cues go (the SRT reader finds the lines), so
     * that a caller can do it early, on another thread: a conversion reads its input while its command line is
     * still being parsed (issue #2). The prepared text is then read once, by either method of {@link Prepared},
     * with the same result and problems as {@link #read(CharSequence)} or {@link #read(CharSequence, Consumer)}.
     * The default prepares nothing.
     */
    default Prepared prepare(String text) {
        return new Prepared() {
            @Override
            public ParseResult read() {
                return CaptionReader.this.read(text);
            }

            @Override
            public ParseResult read(Consumer<Cue> sink) {
                return CaptionReader.this.read(text, sink);
            }
        };
    }

    /** Text made ready by {@link #prepare}; read it once, on any one thread. */
    interface Prepared {
        /** As {@link CaptionReader#read(CharSequence)}. */
        ParseResult read();

        /** As {@link CaptionReader#read(CharSequence, Consumer)}. */
        ParseResult read(Consumer<Cue> sink);
    }

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
