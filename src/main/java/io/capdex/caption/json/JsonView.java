package io.capdex.caption.json;

import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import java.util.List;

/**
 * A JSON view read back: the track with the problems of reading the JSON itself, and the problems the view
 * recorded about its original file (its {@code "problems"} array).
 */
public record JsonView(ParseResult result, List<ParseProblem> recorded) {
    public JsonView {
        recorded = List.copyOf(recorded);
    }
}
