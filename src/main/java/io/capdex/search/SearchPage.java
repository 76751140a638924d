package io.capdex.search;

import java.util.Map;

/**
 * A page of search results with each listed interview's timeline: the start of every matching cue, in time order
 * and without repeats, capped (see {@link TranscriptSearch#page}).
 */
public record SearchPage(SearchResult result, Map<String, long[]> timelines) {
    public SearchPage {
        timelines = Map.copyOf(timelines);
    }
}
