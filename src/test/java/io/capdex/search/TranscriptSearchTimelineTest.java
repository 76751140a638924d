package io.capdex.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TranscriptSearch#timelines} and {@link TranscriptSearch#page}'s strips: every matching cue's start, as the
 * moments would give them, without snippets.
 */
class TranscriptSearchTimelineTest {
    @TempDir
    Path dir;

    private static TrackDocument track(String id, String source, String speakerOfOddCues, String... cueTexts) {
        List<TrackDocument.Cue> cues = new ArrayList<>();
        long t = 1000;
        for (int i = 0; i < cueTexts.length; i++) {
            cues.add(new TrackDocument.Cue(t, t + 2000, cueTexts[i], i % 2 == 1 ? speakerOfOddCues : "Interviewer"));
            t += 2500;
        }
        return new TrackDocument(id, "Interview " + id, "en", source, List.of(), null, null, id + source, cues,
                TrackDocument.Page.NONE);
    }

    private void index(TrackDocument... tracks) throws Exception {
        SearchFixtures.index(dir, List.of(tracks));
    }

    @Test
    void listsEveryMatchingCueStartOnceInTimeOrder() throws Exception {
        String[] texts = new String[40];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = i % 3 == 0 ? "after the relapse we waited" : "nothing to see";
        }
        // the aligned track matches the same cues again: each start is listed once
        index(track("I1", "asr", "Dr Rivera", texts), track("I1", "aligned", "Dr Rivera", texts),
                track("I2", "asr", "Dr Rivera", "a relapse", "and another relapse"));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchRequest request = SearchRequest.of("relapse").withMaxMoments(1000);
            SearchResult all = s.search(request);
            Map<String, long[]> timelines = s.page(request, 1000).timelines();
            long[] expected = all.results().stream().filter(h -> h.interview().equals("I1"))
                    .flatMap(h -> h.moments().stream()).mapToLong(SearchResult.Moment::startMs).distinct().sorted().toArray();
            assertEquals(14, expected.length);
            assertArrayEquals(expected, timelines.get("I1"), "the same starts the moments have");
            assertArrayEquals(new long[] {1000, 3500}, timelines.get("I2"));
            assertArrayEquals(new long[] {1000, 8500, 16000}, s.page(request, 3).timelines().get("I1"),
                    "at most max, the earliest");
            assertEquals(List.of("I2"), List.copyOf(s.page(request.withFilters(SearchRequest.Filters.NONE.withInterview("I2")), 10).timelines().keySet()),
                    "only the interviews asked for");

            SearchPage page = s.page(request, 1000);
            assertEquals(all, page.result(), "the page's results are the search's");
            assertEquals(java.util.Set.of("I1", "I2"), page.timelines().keySet(), "a strip per interview on the page");
            assertArrayEquals(expected, page.timelines().get("I1"), "the same starts as the moments");
            assertArrayEquals(new long[] {1000, 3500}, page.timelines().get("I2"));
            assertArrayEquals(new long[] {1000, 8500, 16000}, s.page(request, 3).timelines().get("I1"),
                    "at most max, the earliest");
            assertEquals(java.util.Set.of(all.results().get(1).interview()),
                    s.page(request.withOffset(1), 10).timelines().keySet(), "only the interviews on the page");
            assertTrue(s.page(request, 0).timelines().isEmpty(), "no strips asked for");
        }
    }

    @Test
    void keepsOnlyCuesOfTheFilteredSpeaker() throws Exception {
        index(track("I1", "edited", "Dr Rivera", "relapse", "relapse", "relapse", "relapse"));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchRequest request = SearchRequest.of("relapse")
                    .withFilters(SearchRequest.Filters.NONE.withSpeaker("Dr Rivera"));
            assertArrayEquals(new long[] {3500, 8500}, s.page(request, 100).timelines().get("I1"));
            assertArrayEquals(new long[] {3500, 8500}, s.page(request, 100).timelines().get("I1"));
        }
    }

    @Test
    void repeatsTheSoundsLikeFallbackOfTheSearch() throws Exception {
        index(track("I1", "asr", "Dr Rivera", "nothing", "living with look emia", "nothing"));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchRequest request = SearchRequest.of("leukemia");
            SearchResult r = s.search(request);
            assertTrue(r.soundsLike() && r.total() == 1, "the search fell back to sounds-like");
            assertArrayEquals(new long[] {3500}, s.page(request, 10).timelines().get("I1"));
            SearchPage page = s.page(request, 10);
            assertTrue(page.result().soundsLike(), "the page fell back too");
            assertArrayEquals(new long[] {3500}, page.timelines().get("I1"));
        }
    }

    @Test
    void refusesABadQueryLikeTheSearch() throws Exception {
        index(track("I1", "asr", "Dr Rivera", "relapse"));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            assertThrows(QueryException.class, () -> s.page(SearchRequest.of("\"open"), 0));
            assertThrows(QueryException.class, () -> s.page(SearchRequest.of("\"open"), 10));
        }
    }
}
