package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.Qc;
import io.capdex.caption.QcProfile;
import io.capdex.caption.Track;
import io.capdex.caption.Format;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    /** Tokens spoken one after another, 350 ms each with 50 ms between, 1 s between sentences. */
    private static List<TimedToken> spoken(String speaker, long fromMs, String text) {
        List<TimedToken> out = new ArrayList<>();
        long t = fromMs;
        boolean first = true;
        for (String piece : text.split(" ")) {
            out.add(new TimedToken(piece, t, t + 350, speaker, first));
            first = false;
            t += piece.endsWith(".") ? 1350 : 400;
        }
        return out;
    }

    @Test
    void cutsAtSentenceEndsAndNeverAcrossSpeakers() {
        List<TimedToken> tokens = new ArrayList<>(spoken("Interviewer", 0, "How are you today?"));
        tokens.addAll(spoken("Dr Ruiz", 3000, "I am well. The results came back this morning and they are good. "
                + "We can stop the treatment."));
        List<Cue> cues = Segmenter.segment(tokens, QcProfile.NETFLIX, 25, "en");
        assertEquals("How are you today?", cues.get(0).text());
        assertEquals("Interviewer", cues.get(0).speaker());
        for (int i = 1; i < cues.size(); i++) {
            assertEquals("Dr Ruiz", cues.get(i).speaker());
            assertTrue(cues.get(i).text().endsWith("."), cues.get(i).text());
        }
        assertEquals(tokens.size(), cues.stream().mapToInt(c -> c.words().size()).sum());
    }

    @Test
    void keepsLongUnpunctuatedSpeechWithinTwoLinesAndSevenSeconds() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append(i == 0 ? "" : " ").append(i % 3 == 0 ? "treatment" : i % 3 == 1 ? "and" : "blood");
        }
        List<Cue> cues = Segmenter.segment(spoken(null, 0, text.toString()), QcProfile.NETFLIX, 25, "en");
        for (Cue c : cues) {
            assertTrue(c.lines().size() <= 2, c.lines().toString());
            for (Line l : c.lines()) {
                assertTrue(l.text().length() <= 42, l.text());
            }
            assertTrue(c.span().durationMs() <= 7000, c.span().toString());
        }
        List<ParseProblem> problems = Qc.check(Track.of(Format.VTT, cues), QcProfile.NETFLIX, 25);
        assertEquals(List.of(), problems);
    }

    @Test
    void holdsShortCuesForTheMinimumDurationAndKeepsTheGap() {
        List<TimedToken> tokens = new ArrayList<>(spoken("A", 0, "Yes."));
        tokens.addAll(spoken("B", 2000, "Good."));
        List<Cue> cues = Segmenter.segment(tokens, QcProfile.NETFLIX, 25, "en");
        assertEquals(2, cues.size());
        assertEquals(833, cues.get(0).span().durationMs());
        assertEquals(2000, cues.get(1).startMs());
        List<TimedToken> tight = new ArrayList<>(spoken("A", 0, "Yes."));
        tight.addAll(spoken("B", 400, "No."));
        List<Cue> close = Segmenter.segment(tight, QcProfile.NETFLIX, 25, "en");
        assertEquals(320, close.get(0).endMs()); // 80 ms (2 frames at 25 fps) before the next cue
    }

    @Test
    void aWordLongerThanALineGetsALineOfItsOwn() {
        String longWord = "pneumonoultramicroscopicsilicovolcanoconiosis-like";
        List<Cue> cues = Segmenter.segment(spoken(null, 0, "It was " + longWord + " they said."),
                QcProfile.NETFLIX, 25, "en");
        assertTrue(cues.stream().flatMap(c -> c.lines().stream()).anyMatch(l -> l.text().equals(longWord)),
                cues.toString());
        assertTrue(cues.stream().allMatch(c -> c.lines().size() <= 2));
        assertEquals("It was " + longWord + " they said.", String.join(" ", cues.stream().map(Cue::text)
                .map(t -> t.replace('\n', ' ')).toList()));
    }
}
