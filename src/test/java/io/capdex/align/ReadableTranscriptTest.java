package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadableTranscriptTest {

    @Test
    void startsParagraphsAtSpeakerChangesAndLongPauses() {
        Track track = Track.of(Format.VTT, List.of(
                Cue.of(1000, 3000, "How did it start?").withSpeaker("Interviewer"),
                Cue.of(3500, 6000, "With a fever\nthat did not go away.").withSpeaker("Dr Hakobyan"),
                Cue.of(6100, 8000, "Then bruises.").withSpeaker("Dr Hakobyan"),
                Cue.of(10_500, 12_000, "Later, the test.").withSpeaker("Dr Hakobyan"),
                Cue.of(12_000, 12_000, "").withSpeaker("Dr Hakobyan"),
                new Cue(new TimeSpan(0, 5000), "capdex-warning-1", Cue.linesOf("AI subtitles"), null, List.of(),
                        Map.of())));
        ReadableTranscript r = ReadableTranscript.of(track);
        assertEquals(List.of(
                new ReadableTranscript.Paragraph("Interviewer", 1000, 3000, "How did it start?"),
                new ReadableTranscript.Paragraph("Dr Hakobyan", 3500, 8000,
                        "With a fever that did not go away. Then bruises."),
                new ReadableTranscript.Paragraph("Dr Hakobyan", 10_500, 12_000, "Later, the test.")),
                r.paragraphs());
    }

    @Test
    void usesWordTimesForPausesInsideACue() {
        Cue cue = new Cue(new TimeSpan(0, 9000), null, Cue.linesOf("Yes. Well, maybe."), "A",
                List.of(new Word(0, 400, "Yes."), new Word(6000, 6400, "Well,"), new Word(6500, 9000, "maybe.")),
                Map.of());
        ReadableTranscript r = ReadableTranscript.of(Track.of(Format.VTT, List.of(cue)));
        assertEquals(List.of(new ReadableTranscript.Paragraph("A", 0, 400, "Yes."),
                new ReadableTranscript.Paragraph("A", 6000, 9000, "Well, maybe.")), r.paragraphs());
    }

    @Test
    void breaksLongUnlabelledTextAtASentenceEnd() {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cues.add(Cue.of(i * 2000L, i * 2000L + 1900, i % 4 == 3 ? "one two three four." : "one two three four"));
        }
        ReadableTranscript r = ReadableTranscript.of(Track.of(Format.SRT, cues));
        // 120 words are reached in cue 30; the next sentence ends at cue 32 (index 31)
        assertEquals(2, r.paragraphs().size());
        assertEquals(64_000, r.paragraphs().get(1).startMs());
        assertEquals(128, r.paragraphs().get(0).text().split(" ").length);
    }

    @Test
    void readsTheAlignedTrackWithTranscriptSpeakers() throws Exception {
        SyntheticInterview s = SyntheticInterview.fromTranscript(AlignerTest.resource("interview-en.txt"), 3, "en",
                0.1);
        Track aligned = Aligner.align(s.captions(), TranscriptText.parse(s.transcript()), AlignOptions.defaults())
                .aligned();
        ReadableTranscript r = ReadableTranscript.of(aligned);
        assertEquals("Interviewer", r.paragraphs().get(0).speaker());
        assertEquals("Thank you for talking with us today. Can you tell me how it started?",
                r.paragraphs().get(0).text());
        assertEquals("Dr Hakobyan", r.paragraphs().get(1).speaker());
        for (int i = 1; i < r.paragraphs().size(); i++) {
            assertEquals(true, r.paragraphs().get(i).startMs() >= r.paragraphs().get(i - 1).endMs());
        }
    }
}
