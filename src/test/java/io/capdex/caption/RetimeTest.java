package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetimeTest {
    private static final Cue WITH_WORDS = Cue.of(1000, 3000, "Hello there")
            .withWords(List.of(new Word(1000, 1500, "Hello"), new Word(1600, 3000, "there")));

    private static Track track(Cue... cues) {
        return Track.of(Format.VTT, List.of(cues));
    }

    @Test
    void shiftsEveryCueAndItsWords() {
        RetimeResult r = Retime.shift(track(WITH_WORDS, Cue.of(5000, 6000, "Two")), 1500);
        assertEquals(List.of(), r.problems());
        Cue first = r.track().cues().get(0);
        assertEquals(new TimeSpan(2500, 4500), first.span());
        assertEquals(List.of(new Word(2500, 3000, "Hello"), new Word(3100, 4500, "there")), first.words());
        assertEquals(new TimeSpan(6500, 7500), r.track().cues().get(1).span());
    }

    @Test
    void shiftsOnlyCuesStartingAtOrAfterFrom() {
        Track t = track(Cue.of(0, 1000, "a"), Cue.of(9999, 10_500, "b"), Cue.of(10_000, 11_000, "c"));
        List<Cue> out = Retime.shift(t, 2000, 10_000).track().cues();
        assertEquals(List.of(new TimeSpan(0, 1000), new TimeSpan(9999, 10_500), new TimeSpan(12_000, 13_000)),
                out.stream().map(Cue::span).toList());
    }

    @Test
    void clampsCuesPartlyBelowZeroAndDropsCuesEntirelyBelowIt() {
        Track t = track(Cue.of(0, 400, "gone"), Cue.of(300, 500, "ends at zero"), Cue.of(400, 1200, "clamped"),
                Cue.of(2000, 3000, "moved"));
        RetimeResult r = Retime.shift(t, -500);
        assertEquals(List.of(new TimeSpan(0, 700), new TimeSpan(1500, 2500)),
                r.track().cues().stream().map(Cue::span).toList());
        assertEquals(List.of(
                ParseProblem.of(0, ProblemCode.DROPPED,
                        "cue 1 (00:00:00,000): would end at -100 ms, not after the start of the video; dropped"),
                ParseProblem.of(0, ProblemCode.DROPPED,
                        "cue 2 (00:00:00,300): would end at 0 ms, not after the start of the video; dropped"),
                ParseProblem.of(0, ProblemCode.CLAMPED,
                        "cue 3 (00:00:00,400): would start at -100 ms; start clamped to 00:00:00,000")),
                r.problems());
    }

    @Test
    void clampsWordTimingsWithTheirCue() {
        Cue c = WITH_WORDS.shiftedBy(-1000); // 0..2000, words 0..500 and 600..2000
        Cue out = Retime.shift(track(c), -550).track().cues().get(0);
        assertEquals(new TimeSpan(0, 1450), out.span());
        assertEquals(List.of(new Word(0, 0, "Hello"), new Word(50, 1450, "there")), out.words());
    }

    @Test
    void scalesCaptionsTimedAt25FpsOntoA23976FpsVideo() {
        double factor = Retime.parseFpsRatio("25:23.976");
        assertEquals(25 / (24000.0 / 1001), factor, 1e-12);
        RetimeResult r = Retime.scale(track(WITH_WORDS, Cue.of(3_600_000, 3_602_000, "an hour in")), factor);
        // 1 h at 25 fps takes 1 h 2 min 33.75 s at 24000/1001 fps (x 25 * 1001 / 24000)
        assertEquals(new TimeSpan(3_753_750, 3_755_835), r.track().cues().get(1).span());
        assertEquals(new TimeSpan(1043, 3128), r.track().cues().get(0).span());
        assertEquals(List.of(new Word(1043, 1564, "Hello"), new Word(1668, 3128, "there")),
                r.track().cues().get(0).words());
    }

    @Test
    void mapScalesThenShifts() {
        Track t = track(Cue.of(1000, 2000, "a"));
        assertEquals(new TimeSpan(2500, 4500), Retime.map(t, 2.0, 500).track().cues().get(0).span());
    }

    @Test
    void refusesScaleFactorsThatAreNotPositive() {
        Track t = track(Cue.of(0, 1, "a"));
        assertThrows(IllegalArgumentException.class, () -> Retime.scale(t, 0));
        assertThrows(IllegalArgumentException.class, () -> Retime.scale(t, -1));
        assertThrows(IllegalArgumentException.class, () -> Retime.scale(t, Double.NaN));
    }

    @Test
    void parsesOffsetsInEveryDocumentedForm() {
        assertEquals(1500, Retime.parseOffset("1.5s"));
        assertEquals(1500, Retime.parseOffset("+1.5s"));
        assertEquals(-1500, Retime.parseOffset("-1.5s"));
        assertEquals(-1500, Retime.parseOffset("\u22121.5s"));
        assertEquals(-250, Retime.parseOffset("-250ms"));
        assertEquals(1500, Retime.parseOffset("00:00:01.500"));
        assertEquals(1500, Retime.parseOffset("00:00:01,500"));
        assertEquals(-62_500, Retime.parseOffset("-1:02.5"));
        assertEquals(90_000, Retime.parseOffset("1m30s"));
        assertEquals(90_000, Retime.parseOffset("1min 30s"));
        assertEquals(3_723_004, Retime.parseOffset("1h2m3s4ms"));
        assertEquals(-500, Retime.parseOffset("-0.5"));
        assertEquals(2, Retime.parseOffset("0.0015s")); // rounded half up
        assertEquals(360_000_000, Retime.parseOffset("100:00:00"));
    }

    @Test
    void explainsOffsetsItCannotRead() {
        for (String bad : List.of("", "abc", "1.5x", "--1s", "1:60", "1:2:3:4", "s", "1.5 s s", "1e3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Retime.parseOffset(bad),
                    bad);
            assertEquals("cannot read '" + bad + "' as a time offset: write it like 1.5s, -250ms, 1m30s, "
                    + "00:00:01.500 or -1:02.5", e.getMessage());
        }
    }

    @Test
    void parsesTimesOfTheVideo() {
        assertEquals(600_000, Retime.parseTime("00:10:00"));
        assertEquals(600_000, Retime.parseTime("10:00"));
        assertEquals(600_500, Retime.parseTime("00:10:00,500"));
        assertEquals(600_000, Retime.parseTime("600s"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Retime.parseTime("-5s"));
        assertEquals("cannot read '-5s' as a time: write it like 00:10:00, 10:00, 00:10:00.500 or 600s",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Retime.parseTime("00:61:00"));
    }

    @Test
    void parsesFrameRates() {
        assertEquals(25.0, Retime.parseFps("25"));
        assertEquals(24000.0 / 1001, Retime.parseFps("23.976"));
        assertEquals(30000.0 / 1001, Retime.parseFps("30000/1001"));
        assertEquals(30000.0 / 1001, Retime.parseFps("29.97"));
        assertEquals(24.5, Retime.parseFps("24.5"));
        assertEquals(1.0, Retime.parseFpsRatio("25:25"));
        assertEquals(24.0 / 25, Retime.parseFpsRatio("24:25"), 1e-15);
        for (String bad : List.of("0", "abc", "NaN", "Infinity", "25/0", "-25", "0x19")) {
            assertThrows(IllegalArgumentException.class, () -> Retime.parseFps(bad), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Retime.parseFpsRatio("25"));
        assertEquals("cannot read '25' as frame rates: write the captions' rate and the video's, like 25:23.976",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Retime.parseFpsRatio("25:fast"));
        assertEquals("cannot read 'fast' as a frame rate: write it like 25, 23.976 or 30000/1001", e.getMessage());
    }

    @Test
    void reportsAtTheFileLineOfTheCue() {
        Track t = track(Cue.of(0, 400, "gone"), Cue.of(400, 1200, "clamped"));
        RetimeResult r = Retime.shift(t, -500, 0, new CueLines(List.of(1, 5)));
        assertEquals(List.of(1, 5), r.problems().stream().map(ParseProblem::line).toList());
    }
}
