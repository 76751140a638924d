package io.capdex.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tracks and indexes for the search tests: cues of 2 s every 2.5 s from 1 s on, without speakers. */
final class SearchFixtures {
    private SearchFixtures() {}

    static TrackDocument track(String id, String lang, String source, String hash, String... cueTexts) {
        List<TrackDocument.Cue> cues = new ArrayList<>();
        long t = 1000;
        for (String text : cueTexts) {
            cues.add(new TrackDocument.Cue(t, t + 2000, text, null));
            t += 2500;
        }
        return new TrackDocument(id, "Interview " + id, lang, source, List.of(), null, null, hash, cues,
                TrackDocument.Page.NONE);
    }

    /** An English AI track whose content hash follows from its id. */
    static TrackDocument asrTrack(String id, String... cueTexts) {
        return track(id, "en", "asr", "h" + id, cueTexts);
    }

    /** Indexes {@code tracks} in {@code dir} and commits. */
    static void index(Path dir, Iterable<TrackDocument> tracks) throws IOException {
        try (TranscriptIndex index = TranscriptIndex.open(dir, "test")) {
            for (TrackDocument t : tracks) {
                index.upsert(t);
            }
            index.commit();
        }
    }
}
