package io.capdex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every cue keeps exactly its own tokens when the index tokenizes the whole transcript at once. */
class CuePositionsTest {
    @TempDir
    Path dir;

    /** Cue texts that produce no token, several tokens, odd scripts and punctuation at cue edges. */
    private static final List<String> TEXTS = List.of(
            "", "...", "♪ ♪", "leu-", "kemia came back", "she said: \"it's gone\"", "line one\nline two",
            "3.5 mg/kg on day 1", "Հայերեն բառեր", "e-mail me at nurse@example.org", "—", "don't stop",
            "🙂 fine", "end.", "   ", "x");

    @Test
    void eachMarkerIsFoundAtItsOwnCue() throws Exception {
        List<TrackDocument.Cue> cues = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            if (i % 3 == 0) {
                cues.add(new TrackDocument.Cue(t, t + 1000, text, null)); // a cue with no marker between
                t += 1000;
            }
            String marker = "zmark" + (char) ('a' + i);
            markers.add(marker);
            String withMarker = switch (i % 3) {
                case 0 -> marker + " " + text;
                case 1 -> text + " " + marker;
                default -> text.isEmpty() ? marker : text.charAt(0) + text.substring(1) + "\n" + marker;
            };
            cues.add(new TrackDocument.Cue(t, t + 1000, withMarker, null));
            t += 1000;
        }
        TrackDocument track = new TrackDocument("I1", "Interview", "en", "asr", List.of(), null, null, "h", cues,
                TrackDocument.Page.NONE);
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            index.upsert(track);
            index.commit();
        }
        try (TranscriptSearch search = TranscriptSearch.open(dir)) {
            for (String marker : markers) {
                SearchResult r = search.search(SearchRequest.of("\"" + marker + "\"")); // quoted: no typo tolerance
                assertEquals(1, r.total(), marker);
                SearchResult.Moment m = r.results().get(0).moments().get(0);
                TrackDocument.Cue expected = cues.stream().filter(c -> c.text().contains(marker)).findFirst()
                        .orElseThrow();
                assertEquals(expected.startMs(), m.startMs(), marker + " in " + expected.text());
                assertEquals(expected.text(), m.text(), marker);
            }
            // a phrase from the last word of one cue to the first of the next still crosses the boundary
            SearchResult r = search.search(SearchRequest.of("\"leu kemia\""));
            assertEquals(1, r.total());
        }
    }
}
