package io.capdex.caption;

import java.util.List;
import java.util.Objects;

/** A track read leniently, with every problem met on the way. */
public record ParseResult(Track track, List<ParseProblem> problems) {
    public ParseResult {
        Objects.requireNonNull(track, "track");
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ParseProblem::isError);
    }
}
