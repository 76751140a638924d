package io.capdex.search;

import static io.capdex.search.SearchFixtures.index;
import static io.capdex.search.SearchFixtures.asrTrack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sounds-like for words the recogniser heard as four pieces: the index has no 4-token shingles, so the query cuts
 * the word in two and looks for a 3-token shingle next to a single piece ({@link TranscriptSearch#fourPieces}).
 */
class SoundsLikePiecesTest {
    @TempDir
    Path dir;

    private SearchResult soundsLike(String query) throws Exception {
        try (TranscriptSearch s = TranscriptSearch.open(dir)) {
            return s.search(SearchRequest.of(query).withSoundsLike(true).withLimit(1000).withMaxMoments(1));
        }
    }

    /** Every way to cut {@code word} into four pieces of 1..7 letters, as the pieces joined by spaces. */
    private static List<String> fourPieceSplits(String word) {
        List<String> out = new ArrayList<>();
        int n = word.length();
        for (int a = 1; a <= 7; a++) {
            for (int b = a + 1; b <= a + 7; b++) {
                for (int c = b + 1; c <= b + 7; c++) {
                    if (c < n && n - c <= 7) {
                        out.add(word.substring(0, a) + " " + word.substring(a, b) + " " + word.substring(b, c) + " "
                                + word.substring(c));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether the cut-in-two query is sure to find {@code split}: its first three pieces form a shingle and its last
     * piece has two or more sounds, or its first piece has two or more sounds and the last three form a shingle.
     */
    private static boolean findable(String split) {
        String[] p = split.split(" ");
        Analysis.Phonetics ph = new Analysis.Phonetics();
        int firstThree = p[0].length() + p[1].length() + p[2].length();
        int lastThree = p[1].length() + p[2].length() + p[3].length();
        boolean threeOne = firstThree >= Analysis.MIN_SHINGLE_CHARS && firstThree <= Analysis.MAX_SHINGLE_CHARS
                && ph.code(p[3]).length() >= TranscriptSearch.MIN_PIECE_SOUNDS;
        boolean oneThree = lastThree >= Analysis.MIN_SHINGLE_CHARS && lastThree <= Analysis.MAX_SHINGLE_CHARS
                && ph.code(p[0]).length() >= TranscriptSearch.MIN_PIECE_SOUNDS;
        return threeOne || oneThree;
    }

    @Test
    void everyFourPieceSplitOfALongWordIsFoundAndMarkedWhole() throws Exception {
        // 10 to 19 letters: the shortest and the longest words whose every split has a shingle of three pieces
        List<String> words = List.of("cytarabine", "blinatumomab", "lymphoblastic", "dexamethasone",
                "hematologists", "immunosuppression", "myelodysplasticity", "immunohistochemical");
        List<TrackDocument> tracks = new ArrayList<>();
        Map<String, String> splitOf = new HashMap<>();
        Map<String, TreeSet<String>> idsOf = new HashMap<>();
        int skipped = 0;
        for (String word : words) {
            int k = 0;
            for (String split : fourPieceSplits(word)) {
                if (!findable(split)) {
                    skipped++;
                    continue;
                }
                String id = word + "-" + k++;
                tracks.add(asrTrack(id, "then they said " + split + " again"));
                splitOf.put(id, split);
                idsOf.computeIfAbsent(word, w -> new TreeSet<>()).add(id);
            }
        }
        assertTrue(tracks.size() > 1000, "a real sample of splits: " + tracks.size());
        assertTrue(skipped < tracks.size() / 4, "most splits have pieces of two sounds at their ends: " + skipped);
        index(dir, tracks);
        for (String word : words) {
            SearchResult r = soundsLike(word);
            TreeSet<String> found = new TreeSet<>();
            for (SearchResult.Hit hit : r.results()) {
                found.add(hit.interview());
                if (idsOf.get(word).contains(hit.interview())) {
                    assertEquals("then they said <mark>" + splitOf.get(hit.interview()) + "</mark> again",
                            hit.moments().get(0).snippet(), word + " in " + hit.interview());
                }
            }
            TreeSet<String> missed = new TreeSet<>(idsOf.get(word));
            missed.removeAll(found);
            assertEquals(new TreeSet<>(), missed, word + ": splits not found");
        }
    }

    @Test
    void aWordWhoseFirstThreePiecesAreShortIsFoundThroughItsLastThree() throws Exception {
        // "im a ti" has five letters, too few for a shingle; "a ti nib" is one
        index(dir, List.of(asrTrack("I1", "she is on im a ti nib", "every day"), asrTrack("I2", "she is on a tin")));
        SearchResult r = soundsLike("imatinib");
        assertEquals(List.of("I1"), r.results().stream().map(SearchResult.Hit::interview).toList());
        assertEquals("she is on <mark>im a ti nib</mark>", r.results().get(0).moments().get(0).snippet());
    }

    @Test
    void piecesMustBeAdjacentAndEachShingleSpansWhatItSays() throws Exception {
        index(dir, List.of(
                // a fifth piece in between
                asrTrack("GAP", "then they gave him blina to mo and mab"),
                // "blintam" alone sounds like "blinatumo" (PLNTM), three tokens before "mab": without the mark that
                // sets pieces apart from shingles, it would pass for the first three pieces
                asrTrack("SINGLE", "then they gave him blintam so we mab"),
                // "blind amo" is a 2-token shingle sounding like "blinatumo": without the mark of 3-token shingles,
                // it and a piece three tokens on would pass for four pieces with a fifth in between
                asrTrack("PAIR", "then they gave him blind amo so mab"),
                asrTrack("FOUND", "then they gave him blina to mo mab")));
        SearchResult r = soundsLike("blinatumomab");
        assertEquals(List.of("FOUND"), r.results().stream().map(SearchResult.Hit::interview).toList());
    }

    @Test
    void aFourWordQueryFindsTheSameWordSplitElsewhere() throws Exception {
        index(dir, List.of(asrTrack("I1", "they gave him blin a tumo mab"),
                asrTrack("I2", "they gave him blinatumomab"),
                asrTrack("I3", "they gave him a blind tumour")));
        SearchResult r = soundsLike("blina to mo mab");
        assertEquals(List.of("I1", "I2"), r.results().stream().map(SearchResult.Hit::interview).sorted().toList());
    }

    @Test
    void cutsAreAskedOnceEachAndOnlyForWordsPiecesCanMake() {
        assertEquals(List.of(), TranscriptSearch.fourPieces("tumor", new Analysis.Phonetics()), "shorter than a shingle");
        assertEquals(List.of(), TranscriptSearch.fourPieces("a".repeat(26), new Analysis.Phonetics()), "longer than a shingle and a piece");
        List<String> queries = TranscriptSearch.fourPieces("blinatumomab", new Analysis.Phonetics()).stream().map(Object::toString).toList();
        assertEquals(queries.size(), new TreeSet<>(queries).size(), "no cut asked twice");
        assertTrue(queries.contains("phonetic_shingle:\"+PLNTM ? ? =MP\""), queries.toString());
        assertTrue(queries.contains("phonetic_shingle:\"=PLN +ATMMP\""), queries.toString());
    }
}
