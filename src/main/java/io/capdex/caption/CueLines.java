package io.capdex.caption;

import java.util.List;

/**
 * Where each cue of a track starts in its file, so that QC and repair, which work on the model, can report
 * file lines. Readers fill it; an empty map reports line 0 ("no line applies") for every cue.
 *
 * @param firstLines the 1-based file line of cue {@code i}'s first line (its number or timing line), by index
 */
public record CueLines(List<Integer> firstLines) {
    private static final CueLines NONE = new CueLines(List.of());

    public CueLines {
        firstLines = List.copyOf(firstLines);
        for (Integer line : firstLines) {
            if (line < 0) {
                throw new IllegalArgumentException("negative line " + line);
            }
        }
    }

    /** No line information: every problem is reported at line 0. */
    public static CueLines none() {
        return NONE;
    }

    /** The file line of the cue at this 0-based index, or 0 when not known. */
    public int lineOf(int cueIndex) {
        return cueIndex >= 0 && cueIndex < firstLines.size() ? firstLines.get(cueIndex) : 0;
    }
}
