package io.capdex.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of search results in the DESIGN.md §3 {@code search} shape: one result per interview, with moments,
 * and facet counts (interviews per value) over everything that matched.
 *
 * @param total matching interviews
 * @param soundsLike true when phonetic matching was used (asked for, or the fallback when exact found nothing)
 */
public record SearchResult(String query, int total, int offset, List<Hit> results,
        Map<String, Map<String, Integer>> facets, boolean soundsLike) {
    public SearchResult {
        results = List.copyOf(results);
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets)); // keeps the field order
    }

    /**
     * One interview: its best track's score and how many of its tracks matched.
     *
     * @param hits matching tracks of the interview
     */
    public record Hit(String interview, String title, double score, int hits, List<Moment> moments) {
        public Hit {
            moments = List.copyOf(moments);
        }
    }

    /**
     * Where the query matched: the cue (or the cues, when a phrase crosses a boundary; times are the first
     * cue's start to the last one's end), its text, and the same text HTML-escaped with the matched words in
     * {@code <mark>…</mark>}.
     *
     * @param ai true when the text is AI-made (source {@code asr} or {@code mt}) and must carry the warning
     */
    public record Moment(String lang, String source, long startMs, long endMs, String text, String snippet,
            @Nullable String speaker, boolean ai) {}
}
