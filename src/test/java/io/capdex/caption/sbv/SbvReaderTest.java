package io.capdex.caption.sbv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbvReaderTest {
    private final SbvReader reader = new SbvReader();

    private static List<String> codes(ParseResult r) {
        return r.problems().stream().map(ParseProblem::code).toList();
    }

    private static ParseProblem only(ParseResult r, ProblemCode code) {
        List<ParseProblem> found = r.problems().stream().filter(p -> p.code().equals(code.id())).toList();
        assertEquals(1, found.size(), () -> "one " + code.id() + " expected in " + r.problems());
        return found.get(0);
    }

    @Test
    void readsCanonicalFile() {
        ParseResult r = reader.read("0:00:01.000,0:00:03.500\nHello there.\nSecond line\n\n"
                + "0:00:04.000,0:00:05.250\nBye.\n");
        assertTrue(r.isClean(), () -> r.problems().toString());
        List<Cue> cues = r.track().cues();
        assertEquals(2, cues.size());
        assertEquals(1000, cues.get(0).startMs());
        assertEquals(3500, cues.get(0).endMs());
        assertEquals("Hello there.\nSecond line", cues.get(0).text());
        assertEquals(2, cues.get(0).lines().size());
        assertEquals(4000, cues.get(1).startMs());
        assertEquals(5250, cues.get(1).endMs());
        assertEquals("Bye.", cues.get(1).text());
        assertEquals(Format.SBV, r.track().origin().format());
        assertEquals("LF", r.track().origin().lineEndings());
        assertEquals("und", r.track().language());
    }

    @Test
    void readsHoursAboveNine() {
        ParseResult r = reader.read("12:34:56.789,123:00:00.000\nLong\n");
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(((12 * 60 + 34) * 60 + 56) * 1000L + 789, r.track().cues().get(0).startMs());
        assertEquals(123 * 3_600_000L, r.track().cues().get(0).endMs());
    }

    @Test
    void skipsBomWithWarning() {
        ParseResult r = reader.read("\uFEFF0:00:01.000,0:00:02.000\nHi\n");
        assertEquals(List.of("bom"), codes(r));
        assertTrue(r.track().origin().bom());
        assertEquals("Hi", r.track().cues().get(0).text());
    }

    @Test
    void readsCrlfAndCrLineEndings() {
        ParseResult crlf = reader.read("0:00:01.000,0:00:02.000\r\nA\r\nB\r\n\r\n0:00:03.000,0:00:04.000\r\nC\r\n");
        assertTrue(crlf.isClean(), () -> crlf.problems().toString());
        assertEquals("CRLF", crlf.track().origin().lineEndings());
        assertEquals("A\nB", crlf.track().cues().get(0).text());
        ParseResult cr = reader.read("0:00:01.000,0:00:02.000\rA\r\r0:00:03.000,0:00:04.000\rC\r");
        assertTrue(cr.isClean(), () -> cr.problems().toString());
        assertEquals(2, cr.track().cues().size());
    }

    @Test
    void reportsMixedLineEndingsAtFirstDifferentLine() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nA\r\n\n0:00:03.000,0:00:04.000\nC\n");
        assertEquals(2, only(r, ProblemCode.MIXED_LINE_ENDINGS).line());
        assertEquals(2, r.track().cues().size());
    }

    @Test
    void toleratesExtraSpacesInTiming() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nA\n\n  0:00:03.000 , 0:00:04.000  \nB\n");
        ParseProblem p = only(r, ProblemCode.EXTRA_SPACE);
        assertEquals(4, p.line());
        assertEquals(Severity.WARNING, p.severity());
        assertEquals(3000, r.track().cues().get(1).startMs());
        assertEquals(4000, r.track().cues().get(1).endMs());
    }

    @Test
    void readsShortFractionsAsDecimalSeconds() {
        ParseResult r = reader.read("0:00:01.5,0:00:02.25\nA\n");
        assertEquals(1500, r.track().cues().get(0).startMs());
        assertEquals(2250, r.track().cues().get(0).endMs());
        ParseProblem p = only(r, ProblemCode.LENIENT_TIME);
        assertEquals(1, p.line());
        assertTrue(p.message().contains("1-digit fraction read as 500 ms"), p.message());
    }

    @Test
    void readsTimesWithoutHoursOrFraction() {
        ParseResult r = reader.read("01:02.000,0:01:03\nA\n");
        assertEquals(62_000, r.track().cues().get(0).startMs());
        assertEquals(63_000, r.track().cues().get(0).endMs());
        assertTrue(only(r, ProblemCode.LENIENT_TIME).message().contains("no hours"));
    }

    @Test
    void readsSrtArrowAsSeparator() {
        ParseResult r = reader.read("0:00:01.000 --> 0:00:02.000\nA\n");
        assertEquals(1, r.track().cues().size());
        assertEquals(1, only(r, ProblemCode.SRT_SYNTAX).line());
    }

    @Test
    void readsRenamedSrtFileWithOneWarning() {
        ParseResult r = reader.read("1\n00:00:01,000 --> 00:00:02,500\nOne\n\n2\n00:00:03,000 --> 00:00:04,000 X1:10\n"
                + "Two\nlines\n\n3\n00:00:05,000 --> 00:00:06,000\nThree\n");
        assertEquals(List.of("One", "Two\nlines", "Three"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(2500, r.track().cues().get(0).endMs());
        assertEquals(List.of("srt-syntax"), codes(r));
        assertEquals(1, r.problems().get(0).line());
    }

    @Test
    void keepsBlankLineInsideTextWhenATimingFollowsLater() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nFirst part\n\nsecond part\n\n"
                + "0:00:03.000,0:00:04.000\nNext\n");
        assertEquals(2, r.track().cues().size());
        assertEquals("First part\n\nsecond part", r.track().cues().get(0).text());
        ParseProblem p = only(r, ProblemCode.BLANK_LINE_IN_TEXT);
        assertEquals(3, p.line());
        assertTrue(p.message().contains("kept as part of the cue"));
    }

    @Test
    void ignoresTrailingGarbageAfterLastCue() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nA\n\n\nSubtitles by someone\nmore\n");
        assertEquals(1, r.track().cues().size());
        assertEquals("A", r.track().cues().get(0).text());
        assertEquals(5, only(r, ProblemCode.TRAILING_GARBAGE).line());
    }

    @Test
    void readsLastCueWithoutFinalNewline() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nA\n\n0:00:03.000,0:00:04.000\nLast");
        assertEquals(2, r.track().cues().size());
        assertEquals("Last", r.track().cues().get(1).text());
        assertEquals(5, only(r, ProblemCode.MISSING_FINAL_NEWLINE).line());
    }

    @Test
    void skipsCueWithBadTimingAndReportsItsLine() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nA\n\n0:00:0x.000,0:00:04.000\nB\n\n"
                + "0:00:05.000,0:00:06.000\nC\n");
        assertEquals(List.of("A", "C"), r.track().cues().stream().map(Cue::text).toList());
        ParseProblem p = only(r, ProblemCode.BAD_TIMING);
        assertEquals(4, p.line());
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().endsWith("cue skipped"), p.message());
    }

    @Test
    void skipsCueEndingBeforeItStarts() {
        ParseResult r = reader.read("0:01:02.000,0:01:01.500\nA\n\n0:01:03.000,0:01:04.000\nB\n");
        assertEquals(1, r.track().cues().size());
        ParseProblem p = only(r, ProblemCode.END_BEFORE_START);
        assertEquals("end before start (0:01:02.000,0:01:01.500); cue skipped", p.message());
        assertEquals(1, p.line());
    }

    @Test
    void skipsCueWithMinutesOutOfRange() {
        ParseResult r = reader.read("0:61:00.000,0:62:00.000\nA\n\n0:00:03.000,0:00:04.000\nB\n");
        assertEquals(1, r.track().cues().size());
        assertEquals(1, only(r, ProblemCode.TIME_OUT_OF_RANGE).line());
    }

    @Test
    void skipsCueWithNegativeTime() {
        ParseResult r = reader.read("-0:00:01.000,0:00:02.000\nA\n\n0:00:03.000,0:00:04.000\nB\n");
        assertEquals(List.of("B"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(1, only(r, ProblemCode.NEGATIVE_TIME).line());
    }

    @Test
    void readsBrMarkerAsLineBreak() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nfirst[br]second [BR] third\n");
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(List.of("first", "second", "third"),
                r.track().cues().get(0).lines().stream().map(l -> l.text()).toList());
    }

    @Test
    void startsNewCueWhenTimingFollowsTextWithoutBlankLine() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nA\n0:00:03.000,0:00:04.000\nB\n");
        assertEquals(List.of("A", "B"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(3, only(r, ProblemCode.MISSING_BLANK_LINE).line());
    }

    @Test
    void skipsTextWithoutTimingUpToNextTiming() {
        ParseResult r = reader.read("Some title\nby me\n\n0:00:03.000,0:00:04.000\nB\n");
        assertEquals(List.of("B"), r.track().cues().stream().map(Cue::text).toList());
        ParseProblem p = only(r, ProblemCode.BAD_TIMING);
        assertEquals(1, p.line());
        assertTrue(p.message().contains("line 4"), p.message());
    }

    @Test
    void reportsEmptyFileAndNonSbvText() {
        assertEquals(List.of("empty-file"), codes(reader.read("")));
        assertEquals(List.of("empty-file"), codes(reader.read("\n\n  \n")));
        ParseResult prose = reader.read("Dear diary,\ntoday nothing happened.\n");
        assertEquals(List.of("no-cues"), codes(prose));
        assertTrue(prose.hasErrors());
    }

    @Test
    void keepsEmptyCueAndZeroDurationWithWarnings() {
        ParseResult r = reader.read("0:00:01.000,0:00:01.000\nA\n\n0:00:03.000,0:00:04.000\n\n"
                + "0:00:05.000,0:00:06.000\nC\n");
        assertEquals(3, r.track().cues().size());
        assertEquals(1, only(r, ProblemCode.ZERO_DURATION).line());
        assertEquals(4, only(r, ProblemCode.EMPTY_CUE).line());
        assertFalse(r.hasErrors());
    }

    @Test
    void warnsAboutCuesOutOfOrderAndKeepsFileOrder() {
        ParseResult r = reader.read("0:00:05.000,0:00:06.000\nA\n\n0:00:01.000,0:00:02.000\nB\n");
        assertEquals(List.of("A", "B"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(4, only(r, ProblemCode.OUT_OF_ORDER).line());
    }

    @Test
    void removesNulCharacters() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\nH\0i\n");
        assertEquals("Hi", r.track().cues().get(0).text());
        assertEquals(2, only(r, ProblemCode.NUL_CHARACTER).line());
    }

    @Test
    void treatsOrdinaryCommaTextAsText() {
        ParseResult r = reader.read("0:00:01.000,0:00:02.000\n1,000 people, at 10:30, came\n");
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("1,000 people, at 10:30, came", r.track().cues().get(0).text());
    }
}
