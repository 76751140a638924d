package io.capdex.search;

import static io.capdex.search.SearchFixtures.index;
import static io.capdex.search.SearchFixtures.asrTrack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phrases matched through the word-pairs field: the same tracks and moments as matching the words one by one. */
class PairPhraseTest {
    /** Stop words only, so every phrase is made of the words that used to be slowest to match. */
    private static final String[] WORDS = {"the", "and", "to", "of", "a", "in", "that", "it"};

    @TempDir
    Path dir;

    @Test
    void commonWordPhraseAcrossCueBoundaryMatchesAtFirstCueTime() throws Exception {
        index(dir, List.of(asrTrack("I1", "and then it was", "the end of it"),
                asrTrack("I2", "it was late", "and the end")));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchResult r = s.search(SearchRequest.of("\"was the\""));
            assertEquals(List.of("I1"), r.results().stream().map(SearchResult.Hit::interview).toList());
            SearchResult.Moment m = r.results().get(0).moments().get(0);
            assertEquals(1000, m.startMs(), "the first cue's start");
            assertEquals(5500, m.endMs(), "the second cue's end");
            assertEquals("and then it <mark>was</mark>\n<mark>the</mark> end of it", m.snippet());
        }
    }

    @Test
    void commonWordsThatAreNotAdjacentDoNotMatch() throws Exception {
        index(dir, List.of(asrTrack("I1", "the doctor and the nurse"), asrTrack("I2", "of the and")));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchResult r = s.search(SearchRequest.of("\"the and\""));
            assertEquals(List.of("I2"), r.results().stream().map(SearchResult.Hit::interview).toList());
            SearchResult none = s.search(SearchRequest.of("\"and the doctor\""));
            assertTrue(none.total() == 0 || none.soundsLike(), "the words occur, but not in this order");
        }
    }

    @Test
    void phraseWithSpellingSynonymsMatchesThroughPairs() throws Exception {
        index(dir, List.of(asrTrack("US", "her leukemia cells were gone"),
                asrTrack("UK", "leukaemia", "cells were found"),
                asrTrack("NO", "leukemia and its cells")));
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchResult r = s.search(SearchRequest.of("\"leukaemia cells were\""));
            assertEquals(List.of("UK", "US"),
                    r.results().stream().map(SearchResult.Hit::interview).sorted().toList());
        }
    }

    @Test
    void stopWordPhrasesFindWhatABruteForceScanFinds() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        List<TrackDocument> tracks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String[] cues = new String[30];
            for (int c = 0; c < cues.length; c++) {
                StringBuilder sb = new StringBuilder();
                for (int w = 0, n = 1 + rnd.nextInt(6); w < n; w++) {
                    sb.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(rnd.nextBoolean() ? 3 : WORDS.length)]);
                }
                cues[c] = sb.toString();
            }
            tracks.add(asrTrack(String.format("T%02d", i), cues));
        }
        index(dir, tracks);
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            int found = 0;
            for (int q = 0; q < 300; q++) {
                String[] phrase = new String[2 + rnd.nextInt(4)];
                for (int k = 0; k < phrase.length; k++) {
                    phrase[k] = WORDS[rnd.nextInt(WORDS.length)];
                }
                TreeMap<String, Long> expected = bruteForce(tracks, phrase);
                String query = "\"" + String.join(" ", phrase) + "\"";
                SearchResult r = s.search(SearchRequest.of(query).withLimit(1000).withMaxMoments(1));
                if (expected.isEmpty()) {
                    assertTrue(r.total() == 0 || r.soundsLike(), query + " has no exact match");
                    continue;
                }
                found++;
                assertEquals(expected.size(), r.total(), query);
                TreeMap<String, Long> actual = new TreeMap<>();
                for (SearchResult.Hit h : r.results()) {
                    actual.put(h.interview(), h.moments().get(0).startMs());
                }
                assertEquals(expected, actual, query + ": interviews and the start of each one's first moment");
            }
            assertTrue(found > 100, "most random stop-word phrases occur somewhere: " + found);
        }
    }

    /** Interview → start of the cue holding the first occurrence of the phrase, scanning the words across cues. */
    private static TreeMap<String, Long> bruteForce(List<TrackDocument> tracks, String[] phrase) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (TrackDocument t : tracks) {
            List<String> words = new ArrayList<>();
            List<Long> startOf = new ArrayList<>();
            for (TrackDocument.Cue c : t.cues()) {
                for (String w : c.text().split(" ")) {
                    words.add(w);
                    startOf.add(c.startMs());
                }
            }
            for (int i = 0; i + phrase.length <= words.size(); i++) {
                if (words.subList(i, i + phrase.length).equals(Arrays.asList(phrase))) {
                    out.put(t.interviewId(), startOf.get(i));
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void indexWithoutPairsStillMatchesPhrasesWordByWord() throws Exception {
        // an index written before the pairs field (schema 1) is searched until ingest rebuilds it
        List<TrackDocument.Cue> cues = List.of(new TrackDocument.Cue(1000, 3000, "and then it was", null),
                new TrackDocument.Cue(3500, 5500, "the end of it", null));
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analysis.exact()))) {
            Document doc = new Document();
            doc.add(new StringField(Analysis.ID, "OLD|en|asr", Field.Store.YES));
            doc.add(new StringField(Analysis.INTERVIEW, "OLD", Field.Store.YES));
            doc.add(new SortedDocValuesField(Analysis.INTERVIEW, new BytesRef("OLD")));
            doc.add(new StoredField(Analysis.TITLE, "Old"));
            doc.add(new TextField(Analysis.EXACT, "and then it was\nthe end of it", Field.Store.NO));
            doc.add(new BinaryDocValuesField(Analysis.CUES, CueTable.encode(cues, new int[] {4, 4})));
            w.addDocument(doc);
            w.setLiveCommitData(java.util.Map.of(TranscriptIndex.SCHEMA_KEY, "1").entrySet());
            w.commit();
        }
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            SearchResult r = s.search(SearchRequest.of("\"was the\""));
            assertEquals(1, r.total());
            assertEquals("Old", r.results().get(0).title(), "the stored title when there are no title doc values");
            assertEquals(1000, r.results().get(0).moments().get(0).startMs());
        }
    }

    @Test
    void rewritesAdjacentExactPhrasesToCoveringPairs() {
        Query two = TranscriptSearch.pairPhrases(phrase("of", "the"));
        assertEquals(new TermQuery(new Term(Analysis.PAIRS, "of the")), two);
        Query five = TranscriptSearch.pairPhrases(phrase("one", "of", "the", "best", "days"));
        PhraseQuery p = assertInstanceOf(PhraseQuery.class, five);
        assertEquals(List.of("one of", "the best", "best days"),
                Arrays.stream(p.getTerms()).map(Term::text).toList(), "pairs at offsets 0, 2 and the last");
        assertEquals(List.of(0, 2, 3), Arrays.stream(p.getPositions()).boxed().toList());
        Query sloppy = new PhraseQuery(1, Analysis.EXACT, "of", "the");
        assertSame(sloppy, TranscriptSearch.pairPhrases(sloppy), "a sloppy phrase is not a run of pairs");
        Query other = new PhraseQuery(Analysis.META, "of", "the");
        assertSame(other, TranscriptSearch.pairPhrases(other), "only the exact field has pairs");
    }

    private static PhraseQuery phrase(String... words) {
        return new PhraseQuery(Analysis.EXACT, words);
    }
}
