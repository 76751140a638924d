package io.capdex.caption;

import java.util.List;
import java.util.Objects;

/**
 * A track read leniently, with every problem met on the way.
 *
 * @param cueLines where each cue starts in the file, so that QC and repair can report file lines
 */
public record ParseResult(Track track, List<ParseProblem> problems, CueLines cueLines) {
    public ParseResult {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(cueLines, "cueLines");
        problems = List.copyOf(problems);
    }

    /** A result whose cues have no known file lines. */
    public ParseResult(Track track, List<ParseProblem> problems) {
        this(track, problems, CueLines.none());
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ParseProblem::isError);
    }
}
