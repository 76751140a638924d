package io.capdex.batch;

import io.capdex.caption.ParseProblem;
import io.capdex.caption.Track;
import java.util.List;
import java.util.Objects;

/**
 * One processed track as stored under {@code DATA/tracks/ID/LANG.SOURCE.json} (capdex's JSON view, readable by
 * {@code io.capdex.caption.json.JsonReader}), with what was done to it.
 *
 * @param problems the problems met reading and checking it, kept in the track file
 */
public record StoredTrack(TrackFacts facts, Track track, List<ParseProblem> problems) {
    public StoredTrack {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(track, "track");
        problems = List.copyOf(problems);
        if (!facts.lang().equals(track.language()) || !facts.source().equals(track.source().id())) {
            throw new IllegalArgumentException("facts for " + facts.lang() + "." + facts.source() + " on a "
                    + track.language() + "." + track.source().id() + " track");
        }
    }

    /** The file name in the interview's folder: {@code en.asr.json}. */
    public String fileName() {
        return facts.lang() + "." + facts.source() + ".json";
    }
}
