package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QcTest {

    private static Track track(Cue... cues) {
        return Track.of(Format.SRT, List.of(cues));
    }

    private static List<String> messages(Track track, QcProfile profile, double fps) {
        return Qc.check(track, profile, fps).stream().map(ParseProblem::message).toList();
    }

    private static List<String> codes(Track track, QcProfile profile) {
        return Qc.check(track, profile, 25).stream().map(ParseProblem::code).toList();
    }

    private static String chars(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i % 6 == 5 ? ' ' : 'a');
        }
        return sb.toString().replace(' ', 'b'); // no spaces at the ends to trip anything
    }

    private static String words(int n) {
        // two lines, so that no line-length rule joins in
        String all = String.join(" ", java.util.Collections.nCopies(n, "word"));
        int middle = all.indexOf(' ', all.length() / 2 - 2);
        return middle < 0 ? all : all.substring(0, middle) + "\n" + all.substring(middle + 1);
    }

    @Test
    void acceptsLinesAtEachProfilesLimitAndFlagsOneMore() {
        for (QcProfile p : List.of(QcProfile.NETFLIX, QcProfile.BBC, QcProfile.DCMP)) {
            int max = p.maxCharsPerLine();
            // 20 s would break no reading-speed rule; 5 s is within every maximum
            Track ok = track(Cue.of(1000, 6000, chars(max)));
            assertEquals(List.of(), codes(ok, p), p.name());
            Track over = track(Cue.of(1000, 6000, chars(max + 1)));
            assertEquals(List.of("cue 1 (00:00:01,000): line of " + (max + 1) + " characters is above " + max
                    + " (" + p.name() + ")"), messages(over, p, 25), p.name());
        }
    }

    @Test
    void namesTheLineWhenACueHasSeveral() {
        Track t = track(Cue.of(62_000, 66_000, "short\n" + chars(47)));
        assertEquals(List.of("cue 1 (00:01:02,000): line 2 of 47 characters is above 42 (netflix)"),
                messages(t, QcProfile.NETFLIX, 25));
    }

    @Test
    void countsUserPerceivedCharactersNotCodeUnits() {
        String decomposed = "e\u0301".repeat(42); // 42 é written as e + combining acute: 84 chars
        String emoji = "\uD83D\uDC69\u200D\uD83D\uDD2C".repeat(21) + "\uD83C\uDDEC\uD83C\uDDE7".repeat(21);
        assertEquals(List.of(), codes(track(Cue.of(0, 5000, decomposed)), QcProfile.NETFLIX));
        assertEquals(List.of(), codes(track(Cue.of(0, 5000, emoji)), QcProfile.NETFLIX));
        assertEquals(List.of("line-too-long"), codes(track(Cue.of(0, 5000, decomposed + "e")), QcProfile.NETFLIX));
    }

    @Test
    void flagsMoreLinesThanTheProfileAllows() {
        assertEquals(List.of(), codes(track(Cue.of(0, 5000, "one\ntwo")), QcProfile.DCMP));
        assertEquals(List.of("cue 1 (00:00:00,000): 3 lines is above 2 (dcmp)"),
                messages(track(Cue.of(0, 5000, "one\ntwo\nthree")), QcProfile.DCMP, 25));
    }

    @Test
    void netflixReadingSpeedIsTwentyCharactersASecondForEnglishCountingSpacesNotLineBreaks() {
        // 40 characters in 2 s: exactly 20 per second; the line break between the halves does not count
        String forty = "aaaa bbbb cccc dddd\neeee ffff gggg hhhh i";
        assertEquals(40, CueText.readCharacters(Cue.of(0, 1, forty)));
        assertEquals(List.of(), codes(track(Cue.of(0, 2000, forty)), QcProfile.NETFLIX));
        assertEquals(List.of("cue 1 (00:00:00,000): reading speed of 20.5 characters/s is above 20 (netflix)"),
                messages(track(Cue.of(0, 2000, forty + "j")), QcProfile.NETFLIX, 25));
    }

    @Test
    void netflixReadingSpeedIsSeventeenForOtherLanguages() {
        Track ok = track(Cue.of(0, 2000, "x".repeat(34))).withLanguage("es");
        Track over = track(Cue.of(0, 2000, "x".repeat(35))).withLanguage("es");
        assertEquals(List.of(), codes(ok, QcProfile.NETFLIX));
        assertEquals(List.of("cue 1 (00:00:00,000): reading speed of 17.5 characters/s is above 17 (netflix)"),
                messages(over, QcProfile.NETFLIX, 25));
        assertEquals(List.of(), codes(track(Cue.of(0, 2000, "x".repeat(35))).withLanguage("en-GB"),
                QcProfile.NETFLIX));
    }

    @Test
    void showsTwoDecimalsWhenOneWouldPrintTheLimit() {
        // 401 characters in 20.01 s: 20.04 characters a second, which one decimal would print as 20.0
        Track t = track(Cue.of(0, 20_010, "x".repeat(401)));
        QcProfile noLength = new QcProfile("t", 0, 0, 20, 17, 0, 0, 0, 0, 0, Map.of());
        assertEquals(List.of("cue 1 (00:00:00,000): reading speed of 20.04 characters/s is above 20 (t)"),
                messages(t, noLength, 25));
    }

    @Test
    void bbcAndDcmpCountWordsPerMinute() {
        assertEquals(List.of(), codes(track(Cue.of(0, 2000, words(6))), QcProfile.BBC)); // 180 wpm
        assertEquals(List.of("cue 1 (00:00:00,000): reading speed of 210.0 words/min is above 180 (bbc)"),
                messages(track(Cue.of(0, 2000, words(7))), QcProfile.BBC, 25));
        assertEquals(List.of(), codes(track(Cue.of(0, 3000, words(8))), QcProfile.DCMP)); // 160 wpm
        assertEquals(List.of("reading-speed"), codes(track(Cue.of(0, 3000, words(9))), QcProfile.DCMP));
    }

    @Test
    void flagsCuesShorterThanTheMinimum() {
        assertEquals(List.of(), codes(track(Cue.of(0, 833, "Hi.")), QcProfile.NETFLIX));
        assertEquals(List.of("cue 1 (00:00:00,000): on screen for 832 ms, below the minimum of 833 ms (netflix)"),
                messages(track(Cue.of(0, 832, "Hi.")), QcProfile.NETFLIX, 25));
        assertEquals(List.of(), codes(track(Cue.of(0, 2000, "Hi.")), QcProfile.DCMP));
        assertEquals(List.of("too-short"), codes(track(Cue.of(0, 1999, "Hi.")), QcProfile.DCMP));
    }

    @Test
    void bbcWantsOneSecondAndThreeTenthsOfASecondPerWord() {
        assertEquals(List.of(), codes(track(Cue.of(0, 1000, "Yes.")), QcProfile.BBC));
        assertEquals(List.of("cue 1 (00:00:00,000): on screen for 999 ms, below the minimum of 1000 ms (bbc)"),
                messages(track(Cue.of(0, 999, "Yes.")), QcProfile.BBC, 25));
        // with the word rate raised, the per-word minimum shows: 5 words need 1.5 s
        QcProfile fast = new QcProfile("fast", 37, 2, 0, 0, 400, 1000, 300, 7000, 1, Map.of());
        assertEquals(List.of(), codes(track(Cue.of(0, 1500, words(5))), fast));
        assertEquals(List.of("cue 1 (00:00:00,000): on screen for 1499 ms, below the minimum of 1500 ms for 5 words"
                + " (fast)"), messages(track(Cue.of(0, 1499, words(5))), fast, 25));
        // at 180 wpm the word rate already covers it, and one fault is reported once
        assertEquals(List.of("reading-speed"), codes(track(Cue.of(0, 1499, words(5))), QcProfile.BBC));
    }

    @Test
    void flagsCuesLongerThanTheMaximum() {
        assertEquals(List.of(), codes(track(Cue.of(0, 7000, "Hello there.")), QcProfile.NETFLIX));
        assertEquals(List.of("cue 1 (00:00:00,000): on screen for 7001 ms, above the maximum of 7000 ms (netflix)"),
                messages(track(Cue.of(0, 7001, "Hello there.")), QcProfile.NETFLIX, 25));
        assertEquals(List.of(), codes(track(Cue.of(0, 6000, "Hello there.")), QcProfile.DCMP));
        assertEquals(List.of("too-long"), codes(track(Cue.of(0, 6001, "Hello there.")), QcProfile.DCMP));
    }

    @Test
    void minimumGapIsCountedInFramesAtTheGivenRate() {
        Track gap80 = track(Cue.of(0, 1000, "One."), Cue.of(1080, 2000, "Two."));
        Track gap79 = track(Cue.of(0, 1000, "One."), Cue.of(1079, 2000, "Two."));
        assertEquals(List.of(), codes(gap80, QcProfile.NETFLIX));
        assertEquals(List.of("cue 1 (00:00:00,000): gap of 79 ms to the next cue is below 80 ms (2 frames at 25 fps,"
                + " netflix)"), messages(gap79, QcProfile.NETFLIX, 25));
        double ntsc = 24000.0 / 1001; // 2 frames = 83.4 ms, rounded to 83
        assertEquals(List.of(), Qc.check(track(Cue.of(0, 1000, "One."), Cue.of(1083, 2000, "Two.")),
                QcProfile.NETFLIX, ntsc));
        assertEquals(1, Qc.check(track(Cue.of(0, 1000, "One."), Cue.of(1082, 2000, "Two.")),
                QcProfile.NETFLIX, ntsc).size());
        assertEquals(List.of(), codes(track(Cue.of(0, 1000, "One."), Cue.of(1040, 3000, "Two.")), QcProfile.BBC));
        assertEquals(List.of("gap-too-small"),
                codes(track(Cue.of(0, 1000, "One."), Cue.of(1039, 3000, "Two.")), QcProfile.BBC));
    }

    @Test
    void reportsOverlapOnTheEarlierCueAtItsLine() {
        Track t = track(Cue.of(0, 1500, "One."), Cue.of(1200, 3000, "Two."));
        List<ParseProblem> problems = Qc.check(t, QcProfile.NETFLIX, 25, new CueLines(List.of(1, 5)));
        assertEquals(List.of(new ParseProblem(1, Severity.WARNING, "overlap",
                "cue 1 (00:00:00,000): overlaps the next cue, cue 2 (00:00:01,200), by 300 ms")), problems);
    }

    @Test
    void reportsALongCueOverlappingSeveralLaterOnes() {
        Track t = track(Cue.of(0, 6000, "A long cue."), Cue.of(1000, 2000, "Two."), Cue.of(3000, 4000, "Three."));
        List<String> overlaps = Qc.check(t, QcProfile.NETFLIX, 25).stream().filter(p -> p.code().equals("overlap"))
                .map(ParseProblem::message).toList();
        assertEquals(List.of("cue 1 (00:00:00,000): overlaps the next cue, cue 2 (00:00:01,000), by 5000 ms",
                "cue 1 (00:00:00,000): overlaps a later cue, cue 3 (00:00:03,000), by 1000 ms"), overlaps);
    }

    @Test
    void reportsCuesOutOfOrder() {
        Track t = track(Cue.of(5000, 6000, "Two."), Cue.of(1000, 2000, "One."));
        List<ParseProblem> problems = Qc.check(t, QcProfile.NETFLIX, 25, new CueLines(List.of(1, 5)));
        assertEquals(List.of(new ParseProblem(5, Severity.WARNING, "out-of-order",
                "cue 2 (00:00:01,000): starts before the previous cue, which starts at 00:00:05,000")), problems);
    }

    @Test
    void reportsEmptyAndZeroLengthCues() {
        Track t = track(Cue.of(0, 2000, ""), Cue.of(3000, 3000, "Now."));
        assertEquals(List.of("cue 1 (00:00:00,000): no text", "cue 2 (00:00:03,000): starts and ends at the same time"),
                messages(t, QcProfile.NETFLIX, 25));
        assertEquals(List.of("empty-cue", "zero-duration"), codes(t, QcProfile.NETFLIX));
    }

    @Test
    void leavesTheAiWarningCuesAlone() {
        Cue warning = Cue.of(0, 300, chars(90) + "\nsecond\nthird").withId(Qc.WARNING_CUE_ID_PREFIX + "-1");
        Track t = track(warning, Cue.of(0, 3000, "Hello and welcome."));
        assertEquals(List.of(), Qc.check(t, QcProfile.NETFLIX, 25));
        Track notWarning = track(warning.withId("capdex-other"), Cue.of(0, 3000, "Hello and welcome."));
        assertTrue(Qc.check(notWarning, QcProfile.NETFLIX, 25).size() >= 4);
    }

    @Test
    void aProfileCanRaiseARuleToAnError() {
        QcProfile strict = QcProfile.NETFLIX.withName("strict").withSeverity(ProblemCode.OVERLAP, Severity.ERROR);
        Track t = track(Cue.of(0, 1500, "One."), Cue.of(1200, 3000, "Two."));
        assertEquals(Severity.ERROR, Qc.check(t, strict, 25).get(0).severity());
        assertEquals(Severity.WARNING, Qc.check(t, QcProfile.NETFLIX, 25).get(0).severity());
    }

    @Test
    void namesBuiltInProfilesAndRefusesUnknownOnes() {
        assertEquals(QcProfile.NETFLIX, QcProfile.defaults());
        assertEquals(QcProfile.BBC, QcProfile.named("BBC"));
        assertEquals(List.of("netflix", "bbc", "dcmp"), List.copyOf(QcProfile.builtIn().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QcProfile.named("itv"));
        assertEquals("unknown QC profile 'itv' (known: netflix, bbc, dcmp)", e.getMessage());
        assertEquals(80, QcProfile.NETFLIX.minGapMs(25));
        assertEquals(833, QcProfile.NETFLIX.minDurationMs());
    }

    @Test
    void capsTheProblemList() {
        List<Cue> cues = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            cues.add(Cue.of(i * 1000L, i * 1000L + 100, "Hi."));
        }
        List<ParseProblem> problems = Qc.check(Track.of(Format.SRT, cues), QcProfile.NETFLIX, 25);
        assertEquals(Problems.DEFAULT_CAP + 1, problems.size());
        assertEquals("more-problems", problems.get(problems.size() - 1).code());
    }
}
