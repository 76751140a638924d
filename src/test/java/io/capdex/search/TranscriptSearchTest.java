package io.capdex.search;

import static io.capdex.search.SearchFixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptSearchTest {
    @TempDir
    Path dir;

    private static TrackDocument withFacets(TrackDocument t, String collection, Integer year) {
        return new TrackDocument(t.interviewId(), t.title(), t.lang(), t.source(), t.speakers(), collection, year,
                t.contentHash(), t.cues(), t.page());
    }

    private void index(TrackDocument... tracks) throws Exception {
        SearchFixtures.index(dir, List.of(tracks));
    }

    private SearchResult search(SearchRequest r) throws Exception {
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            return s.search(r);
        }
    }

    private SearchResult search(String q) throws Exception {
        return search(SearchRequest.of(q));
    }

    private static List<String> interviews(SearchResult r) {
        return r.results().stream().map(SearchResult.Hit::interview).toList();
    }

    @Test
    void findsPhraseAcrossCueBoundaryAtFirstCueTime() throws Exception {
        index(track("I1", "en", "asr", "h", "we took a sample of the bone", "marrow after induction", "and waited"));
        SearchResult r = search("\"bone marrow\"");
        assertEquals(1, r.total());
        SearchResult.Moment m = r.results().get(0).moments().get(0);
        assertEquals(1000, m.startMs(), "the first cue's start");
        assertEquals(5500, m.endMs(), "the second cue's end");
        assertEquals("we took a sample of the bone\nmarrow after induction", m.text());
        assertEquals("we took a sample of the <mark>bone</mark>\n<mark>marrow</mark> after induction", m.snippet());
        assertTrue(m.ai());
        assertEquals(1, r.results().get(0).moments().size());
    }

    @Test
    void listsAlignedTextBeforeTheAiTextItCorrects() throws Exception {
        // the asr track says "remission" three times and so scores higher; the aligned track still comes first
        index(track("I1", "en", "asr", "a", "remission remission remission means no leukaemia"),
                track("I1", "en", "aligned", "b", "Remission means we can no longer see leukaemia cells."),
                track("I2", "en", "asr", "c", "remission remission remission remission"));
        SearchResult r = search("remission");
        SearchResult.Hit hit = r.results().stream().filter(h -> h.interview().equals("I1")).findFirst().orElseThrow();
        assertEquals("aligned", hit.moments().get(0).source());
        assertFalse(hit.moments().get(0).ai());
        assertEquals("asr", hit.moments().get(1).source());
        assertEquals(2, hit.hits());
        // the interview keeps the score of its best track, whatever its source
        assertTrue(hit.score() > 0);
    }

    @Test
    void findsFourWordPhraseAcrossCues() throws Exception {
        index(track("I1", "en", "asr", "h", "we measure residual", "disease after induction"),
                track("I2", "en", "asr", "h", "we measure the disease", "residual after induction"));
        SearchResult r = search("\"measure residual disease after\"");
        assertEquals(List.of("I1"), interviews(r));
    }

    @Test
    void soundsLikeFindsMisheardSplitWord() throws Exception {
        index(track("I1", "en", "asr", "h", "she was told it was look emia", "in the spring"),
                track("I2", "en", "asr", "h", "nothing about blood here"));
        SearchResult r = search(SearchRequest.of("leukemia").withSoundsLike(true));
        assertEquals(List.of("I1"), interviews(r));
        assertTrue(r.soundsLike());
        SearchResult.Moment m = r.results().get(0).moments().get(0);
        assertEquals(1000, m.startMs());
        assertEquals("she was told it was <mark>look emia</mark>", m.snippet());
    }

    @Test
    void soundsLikeFindsDrugNameSplitInFour() throws Exception {
        index(track("I1", "en", "asr", "h", "then they gave him blina to mo mab", "for a month"),
                track("I2", "en", "asr", "h", "then they gave him blinded tea"));
        SearchResult r = search(SearchRequest.of("blinatumomab").withSoundsLike(true));
        assertEquals(List.of("I1"), interviews(r));
        assertEquals("then they gave him <mark>blina to mo mab</mark>", r.results().get(0).moments().get(0).snippet());
    }

    @Test
    void fallsBackToSoundsLikeWhenExactFindsNothing() throws Exception {
        index(track("I1", "en", "asr", "h", "she was told it was look emia"));
        SearchResult r = search("leukemia");
        assertEquals(List.of("I1"), interviews(r));
        assertTrue(r.soundsLike(), "result says phonetic matching was used");
        SearchResult exact = search("look emia");
        assertFalse(exact.soundsLike());
    }

    @Test
    void multiWordSynonymsWorkBothWays() throws Exception {
        index(track("A", "en", "edited", "h", "her MRD was negative after induction"),
                track("B", "en", "edited", "h", "the measurable residual disease test was negative"),
                track("C", "en", "edited", "h", "the minimal residual disease test came back"),
                track("D", "en", "edited", "h", "the disease was residual and measurable"));
        assertEquals(List.of("A", "B", "C"), interviews(search("MRD")).stream().sorted().toList());
        assertEquals(List.of("A", "B", "C"),
                interviews(search("\"measurable residual disease\"")).stream().sorted().toList());
        List<String> loose = interviews(search("measurable residual disease"));
        assertEquals(List.of("A", "B", "C", "D"), loose.stream().sorted().toList(), "unquoted: all words anywhere, or MRD");
        assertEquals("D", loose.get(3), "words out of order rank last");
        SearchResult.Moment m = search("MRD").results().stream().filter(h -> h.interview().equals("B")).findFirst()
                .orElseThrow().moments().get(0);
        assertEquals("the <mark>measurable residual disease</mark> test was negative", m.snippet());
    }

    @Test
    void spellingSynonymsWorkBothWays() throws Exception {
        index(track("UK", "en", "edited", "h", "the leukaemia came back"),
                track("US", "en", "edited", "h", "the leukemia came back"));
        assertEquals(List.of("UK", "US"), interviews(search("leukemia")).stream().sorted().toList());
        assertEquals(List.of("UK", "US"), interviews(search("leukaemia")).stream().sorted().toList());
    }

    @Test
    void editedSynonymFileReplacesShippedList() throws Exception {
        index(track("A", "en", "edited", "h", "the port was flushed"), track("B", "en", "edited", "h", "the catheter was flushed"));
        Path syn = dir.resolveSibling(dir.getFileName() + "-syn.txt");
        Files.writeString(syn, "# ours\nport => port, catheter\n");
        try (TranscriptSearch s = TranscriptSearch.open(dir, syn)) {
            assertEquals(2, s.search(SearchRequest.of("port")).total());
            assertEquals(1, s.search(SearchRequest.of("catheter")).total(), "one-way rule");
            assertEquals(1, s.search(SearchRequest.of("leukaemia OR catheter")).total(), "shipped list replaced");
        }
        Files.writeString(syn, "a, b => c => d\n");
        var e = assertThrows(java.io.IOException.class, () -> TranscriptSearch.open(dir, syn));
        assertTrue(e.getMessage().contains(syn.toString()), e.getMessage());
    }

    @Test
    void toleratesTyposInLongWordsOnly() throws Exception {
        index(track("I1", "en", "asr", "h", "she has been in remission for a year"),
                track("I2", "en", "asr", "h", "a cat sat"));
        SearchResult r = search("remision");
        assertEquals(List.of("I1"), interviews(r));
        assertFalse(r.soundsLike(), "found by typo tolerance, not the phonetic fallback");
        assertEquals("she has been in <mark>remission</mark> for a year", r.results().get(0).moments().get(0).snippet());
        assertTrue(search("cta").soundsLike(), "3-letter words are not fuzzed: only the phonetic fallback finds cat");
        assertFalse(search("remisson").soundsLike());
    }

    @Test
    void exactMatchOutranksTypoMatch() throws Exception {
        index(track("TYPO", "en", "asr", "h", "she has been in remision"), track("EXACT", "en", "asr", "h", "she has been in remission"));
        assertEquals(List.of("EXACT", "TYPO"), interviews(search("remission")));
    }

    @Test
    void stemmedFieldMatchesOtherWordForms() throws Exception {
        index(track("I1", "en", "edited", "h", "the treatments were hard"), track("E1", "es", "edited", "h", "los tratamientos fueron duros"));
        assertEquals(List.of("I1"), interviews(search("treatment")));
        assertEquals(0, search("\"treatment\"").results().stream().filter(h -> h.interview().equals("I1")).count(),
                "quotes mean the exact word");
        assertEquals(List.of("E1"), interviews(search("tratamiento")));
        assertEquals("the <mark>treatments</mark> were hard", search("treatment").results().get(0).moments().get(0).snippet());
    }

    @Test
    void foldsAccentsAndCase() throws Exception {
        index(track("F1", "fr", "mt", "h", "À l'hôpital Necker"));
        assertEquals(List.of("F1"), interviews(search("hopital")));
        assertEquals(List.of("F1"), interviews(search("NECKER")));
    }

    @Test
    void supportsBooleanPrefixAndFuzzySyntax() throws Exception {
        index(track("A", "en", "asr", "h", "chemotherapy and radiation"), track("B", "en", "asr", "h", "chemotherapy only"),
                track("C", "en", "asr", "h", "a transplant"));
        assertEquals(List.of("B"), interviews(search("chemotherapy NOT radiation")));
        assertEquals(List.of("A", "C"), interviews(search("radiation OR transplant")).stream().sorted().toList());
        assertEquals(List.of("A", "B"), interviews(search("chemo*")).stream().sorted().toList());
        assertEquals(List.of("C"), interviews(search("transplnt~1")));
        assertEquals("<mark>chemotherapy only</mark>", search("chemo* AND only").results().get(0).moments().get(0).snippet());
    }

    @Test
    void badQueriesGiveMessages() throws Exception {
        index(track("A", "en", "asr", "h", "text"));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            QueryException q = assertThrows(QueryException.class, () -> s.search(SearchRequest.of("\"bone marrow")));
            assertTrue(q.getMessage().startsWith("unbalanced quotes"), q.getMessage());
            q = assertThrows(QueryException.class, () -> s.search(SearchRequest.of("*")));
            assertTrue(q.getMessage().contains("cannot start with *"), q.getMessage());
            q = assertThrows(QueryException.class, () -> s.search(SearchRequest.of("(bone marrow")));
            assertTrue(q.getMessage().contains("parentheses"), q.getMessage());
            q = assertThrows(QueryException.class, () -> s.search(SearchRequest.of("   ")));
            assertTrue(q.getMessage().contains("empty"), q.getMessage());
            q = assertThrows(QueryException.class, () -> s.search(SearchRequest.of("bone AND")));
            assertTrue(q.getMessage().startsWith("cannot understand the query 'bone AND'"), q.getMessage());
            assertFalse(q.getMessage().contains("\n"));
        }
    }

    @Test
    void filtersFacetsAndPaging() throws Exception {
        List<TrackDocument> tracks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = String.format("I%02d", i);
            String coll = i % 3 == 0 ? "kids" : "adults";
            tracks.add(withFacets(track(id, "en", "asr", "h", "we talk about relapse " + "again ".repeat(i)), coll, 2020 + i % 2));
            if (i < 4) {
                tracks.add(withFacets(track(id, "es-MX", "mt", "h", "hablamos de relapse"), coll, 2020 + i % 2));
            }
        }
        index(tracks.toArray(TrackDocument[]::new));
        SearchResult all = search(SearchRequest.of("relapse").withLimit(5));
        assertEquals(12, all.total());
        assertEquals(5, all.results().size());
        assertEquals(Map.of("en", 12, "es-MX", 4), all.facets().get("lang"));
        assertEquals(Map.of("asr", 12, "mt", 4), all.facets().get("source"));
        assertEquals(Map.of("kids", 4, "adults", 8), all.facets().get("collection"));
        assertEquals(Map.of("2020", 6, "2021", 6), all.facets().get("year"));
        assertEquals(List.of("adults", "kids"), List.copyOf(all.facets().get("collection").keySet()), "by count");

        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 12; offset += 5) {
            SearchResult page = search(SearchRequest.of("relapse").withLimit(5).withOffset(offset));
            assertEquals(offset, page.offset());
            seen.addAll(interviews(page));
        }
        assertEquals(12, seen.size());
        assertEquals(12, seen.stream().distinct().count(), "pages do not overlap");

        SearchResult kids = search(SearchRequest.of("relapse").withFilters(SearchRequest.Filters.NONE.withCollection("kids")));
        assertEquals(List.of("I00", "I03", "I06", "I09"), interviews(kids).stream().sorted().toList());
        SearchResult es = search(SearchRequest.of("relapse").withFilters(SearchRequest.Filters.NONE.withLang("es")));
        assertEquals(4, es.total());
        assertEquals("es-MX", es.results().get(0).moments().get(0).lang());
        assertEquals(2, search(SearchRequest.of("relapse").withFilters(
                SearchRequest.Filters.NONE.withLang("es").withYear(2021))).total());
        assertEquals(List.of("I05"), interviews(search(SearchRequest.of("relapse").withFilters(
                SearchRequest.Filters.NONE.withInterview("I05")))));
        SearchResult mt = search(SearchRequest.of("relapse").withFilters(SearchRequest.Filters.NONE.withSource("mt")));
        assertEquals(4, mt.total());
        assertEquals(1, mt.results().get(0).hits(), "only the mt track of each interview matched");
        assertEquals(2, search(SearchRequest.of("relapse").withFilters(SearchRequest.Filters.NONE.withInterview("I01"))).results().get(0).hits());
    }

    @Test
    void countsFacetsOncePerInterviewAcrossSegments() throws Exception {
        // three commits make three segments; I1's tracks sit in different ones, and the values' ordinals differ
        index(withFacets(track("I1", "en", "asr", "a", "the relapse came"), "kids", 2020),
                withFacets(track("I2", "fr", "asr", "b", "une relapse"), "adults", 2021));
        index(withFacets(track("I1", "es", "mt", "c", "la relapse"), "kids", 2020),
                withFacets(track("I3", "en", "edited", "d", "no relapse"), "adults", 2020));
        index(withFacets(track("I1", "fr", "mt", "e", "relapse encore"), "kids", 2020));
        SearchResult r = search("relapse");
        assertEquals(3, r.total());
        assertEquals(Map.of("en", 2, "es", 1, "fr", 2), r.facets().get("lang"));
        assertEquals(Map.of("asr", 2, "mt", 1, "edited", 1), r.facets().get("source"));
        assertEquals(Map.of("kids", 1, "adults", 2), r.facets().get("collection"));
        assertEquals(Map.of("2020", 2, "2021", 1), r.facets().get("year"));
        SearchResult.Hit i1 = r.results().stream().filter(h -> h.interview().equals("I1")).findFirst().orElseThrow();
        assertEquals(3, i1.hits());
        assertEquals("Interview I1", i1.title());
    }

    /**
     * Only the page's interviews are scored (the top tracks, widened until no left-out track could rank or tie):
     * many equal scores, documents indexed against ID order and interviews whose best track is not their first
     * must still page exactly like the full ranking, with exact totals and facets on every page.
     */
    @Test
    void pagesRankExactlyDespiteTiesAndMultiTrackInterviews() throws Exception {
        List<TrackDocument> tracks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 49; i >= 0; i--) { // reverse: index order disagrees with the ID tie-break
            String id = String.format("P%02d", i);
            int level = i % 5;
            // same length for every track, so the score grows with the count of the word alone
            tracks.add(track(id, "en", "asr", "h", "relapse ".repeat(level + 1) + "filler ".repeat(10 - level)));
            if (i % 4 == 0) {
                tracks.add(track(id, "en", "human", "h", "relapse ".repeat(8) + "filler ".repeat(3)));
            }
            expected.add(id);
        }
        // two-track interviews all tie on their human track (8 times the word), then the level decides, then the ID
        expected.sort(java.util.Comparator.comparing((String id) -> {
            int i = Integer.parseInt(id.substring(1));
            return i % 4 == 0 ? -100 : -(i % 5);
        }).thenComparing(id -> id));
        index(tracks.toArray(TrackDocument[]::new));

        SearchResult all = search(SearchRequest.of("relapse").withLimit(100));
        assertEquals(50, all.total());
        assertEquals(expected, interviews(all));
        for (int k = 1; k < all.results().size(); k++) {
            assertTrue(all.results().get(k - 1).score() >= all.results().get(k).score(), "best first at " + k);
        }
        for (SearchResult.Hit h : all.results()) {
            boolean twoTracks = Integer.parseInt(h.interview().substring(1)) % 4 == 0;
            assertEquals(twoTracks ? 2 : 1, h.hits(), h.interview());
            assertEquals(twoTracks ? "human" : "asr", h.moments().get(0).source(), "best track's moments first: " + h.interview());
        }
        for (int limit : new int[] {1, 3, 7}) {
            List<String> paged = new ArrayList<>();
            for (int offset = 0; offset < 50; offset += limit) {
                SearchResult page = search(SearchRequest.of("relapse").withLimit(limit).withOffset(offset));
                assertEquals(50, page.total(), "exact total on every page");
                assertEquals(Map.of("asr", 50, "human", 13), page.facets().get("source"), "exact facets on every page");
                for (SearchResult.Hit h : page.results()) {
                    SearchResult.Hit full = all.results().get(expected.indexOf(h.interview()));
                    assertEquals(full.score(), h.score(), h.interview());
                    assertEquals(full.hits(), h.hits(), h.interview());
                }
                paged.addAll(interviews(page));
            }
            assertEquals(expected, paged, "pages of " + limit);
        }
        SearchResult beyond = search(SearchRequest.of("relapse").withLimit(10).withOffset(50));
        assertEquals(50, beyond.total());
        assertTrue(beyond.results().isEmpty());
    }

    @Test
    void speakerFilterAppliesToCues() throws Exception {
        List<TrackDocument.Cue> cues = List.of(
                new TrackDocument.Cue(0, 1000, "what about relapse", "Interviewer"),
                new TrackDocument.Cue(1000, 2000, "relapse is rare now", "Dr Rivera"),
                new TrackDocument.Cue(2000, 3000, "only relapse questions", "Interviewer"));
        TrackDocument t = new TrackDocument("I1", "t", "en", "edited", List.of(), null, null, "h", cues, TrackDocument.Page.NONE);
        TrackDocument other = new TrackDocument("I2", "t", "en", "edited", List.of("Dr Rivera"), null, null, "h",
                List.of(new TrackDocument.Cue(0, 1000, "relapse", "Interviewer")), TrackDocument.Page.NONE);
        index(t, other);
        SearchResult r = search(SearchRequest.of("relapse").withFilters(SearchRequest.Filters.NONE.withSpeaker("Dr Rivera")));
        assertEquals(List.of("I1"), interviews(r), "I2 lists the speaker but no cue of theirs matches");
        assertEquals(List.of(1000L), r.results().get(0).moments().stream().map(SearchResult.Moment::startMs).toList());
        assertEquals("Dr Rivera", r.results().get(0).moments().get(0).speaker());
        assertEquals(Map.of("Interviewer", 2, "Dr Rivera", 2), search("relapse").facets().get("speaker"));
    }

    @Test
    void limitsMomentsAndOrdersThemByTime() throws Exception {
        String[] cues = new String[20];
        for (int i = 0; i < cues.length; i++) {
            cues[i] = i % 2 == 0 ? "relapse number " + i : "nothing here";
        }
        index(track("I1", "en", "edited", "h", cues));
        SearchResult r = search(SearchRequest.of("relapse").withMaxMoments(3));
        List<Long> starts = r.results().get(0).moments().stream().map(SearchResult.Moment::startMs).toList();
        assertEquals(List.of(1000L, 6000L, 11000L), starts);
        assertFalse(r.results().get(0).moments().get(0).ai(), "edited text is not AI text");
    }

    @Test
    void escapesHtmlInSnippets() throws Exception {
        index(track("I1", "en", "edited", "h", "<b>dose</b> & \"relapse\""));
        assertEquals("&lt;b&gt;dose&lt;/b&gt; &amp; &quot;<mark>relapse</mark>&quot;",
                search("relapse").results().get(0).moments().get(0).snippet());
    }

    @Test
    void searchesInterviewPageMetadata() throws Exception {
        TrackDocument t = new TrackDocument("I1", "Living with ALL", "en", "asr", List.of(), null, null, "h",
                List.of(new TrackDocument.Cue(0, 1000, "hello", null)),
                new TrackDocument.Page("Dr Ana Rivera", "Hospital Sant Joan", "2021-03-02", "A talk about relapse"));
        index(t);
        SearchResult r = search("rivera");
        assertEquals(List.of("I1"), interviews(r));
        assertEquals("Living with ALL", r.results().get(0).title());
        assertTrue(r.results().get(0).moments().isEmpty(), "no cue matched");
    }

    @Test
    void serialisesToTheDesignShape() throws Exception {
        index(track("I1", "en", "asr", "h", "bone marrow"));
        JsonNode json = new ObjectMapper().valueToTree(search("marrow"));
        for (String f : List.of("query", "total", "offset", "results", "facets")) {
            assertTrue(json.has(f), f);
        }
        JsonNode hit = json.get("results").get(0);
        for (String f : List.of("interview", "title", "score", "hits", "moments")) {
            assertTrue(hit.has(f), f);
        }
        JsonNode m = hit.get("moments").get(0);
        for (String f : List.of("lang", "source", "startMs", "endMs", "text", "snippet")) {
            assertTrue(m.has(f), f);
        }
        assertEquals(1000, m.get("startMs").asLong());
        assertEquals(List.of("lang", "source", "speaker", "collection", "year"), iterable(json.get("facets").fieldNames()));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
