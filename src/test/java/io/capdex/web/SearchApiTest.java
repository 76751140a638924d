package io.capdex.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.search.SearchResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SearchApi#tree}: the hand-built JSON tree of a search result is the one Jackson's mapper makes. */
class SearchApiTest {
    @Test
    void buildsTheSameJsonAsTheMapper() {
        SearchResult.Moment withSpeaker = new SearchResult.Moment("en", "asr", 61_000, 63_500,
                "after the <relapse> & \u2028 more", "after the <mark>relapse</mark>", "Dr Rivera", true);
        SearchResult.Moment noSpeaker = new SearchResult.Moment("es", "edited", 3_600_000_123L, 3_600_002_000L,
                "la recaída", "la <mark>recaída</mark>", null, false);
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        facets.put("lang", Map.of("en", 2));
        facets.put("source", new LinkedHashMap<>(Map.of("asr", 1)));
        facets.put("speaker", Map.of());
        SearchResult result = new SearchResult("relapse \"quoted\"", 12, 10, List.of(
                new SearchResult.Hit("I1", "Living with leukaemia", 3.25, 2, List.of(withSpeaker, noSpeaker)),
                new SearchResult.Hit("I2", "Title", 0.1 + 0.2, 1, List.of())), facets, true);
        String expected = new String(Json.bytes(Json.MAPPER.valueToTree(result)), StandardCharsets.UTF_8);
        assertEquals(expected, new String(Json.bytes(SearchApi.tree(result)), StandardCharsets.UTF_8));
    }
}
