package io.capdex.batch;

import io.capdex.caption.formats.CaptionFormats;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Source;
import io.capdex.caption.Track;
import java.util.List;
import java.util.Map;

/** Stored interviews for tests: two tracks read from SRT and VTT, a transcript, page facts and input hashes. */
final class StoredInterviews {
    static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i> there.\n\n"
            + "2\n00:00:03,000 --> 00:00:04,000\n- Again?\n- Yes & no.\n";
    static final String VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500 line:0\nHola <00:00:01.500>ahí.\n";

    private StoredInterviews() {
    }

    static StoredInterview sample(String id, String title) {
        Track en = CaptionFormats.reader(Format.SRT).read(SRT).track().withLanguage("en");
        Track es = CaptionFormats.reader(Format.VTT).read(VTT).track().withLanguage("es").withSource(Source.MT);
        List<ParseProblem> problems = List.of(ParseProblem.of(3, ProblemCode.OVERLAP, "found x; kept"));
        TrackFacts enFacts = new TrackFacts("en", "asr", "/in/" + id + ".en.srt", "srt", 2, 1, 0, 1,
                Map.of(ProblemCode.OVERLAP.id(), 1),
                new SyncFacts(true, 0.93, 1.0, List.of(new SyncFacts.Segment(0, 2750)), 0, "fit", "offset +2.750 s"),
                0.12);
        TrackFacts esFacts = new TrackFacts("es", "mt", "/in/" + id + ".es.vtt", "vtt", 1, 0, 0, 0, Map.of(), null,
                null);
        InterviewRecord record = new InterviewRecord(TrackStore.SCHEMA_VERSION, id, title, "samples", 2025,
                "/in/" + id + ".mp4", "en", new PageFacts(title, "Dr A", "Hospital", "2025-03-14", "About it."),
                List.of(new InputHash("/in/" + id + ".mp4", "video", 10, 1000, "ab".repeat(32))), List.of(), "ok",
                List.of("synced"), "sync=on", "2026-11-26T16:00:00Z");
        return new StoredInterview(record, List.of(new StoredTrack(enFacts, en, problems),
                new StoredTrack(esFacts, es, List.of())), Map.of("", "Interviewer: Hello.\n"));
    }
}
