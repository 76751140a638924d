package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Problems;
import io.capdex.caption.Run;
import io.capdex.caption.Severity;
import io.capdex.caption.Style;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrtReaderTest {
    private final SrtReader reader = new SrtReader();

    private ParseResult read(String text) {
        return reader.read(text);
    }

    private static List<Cue> cues(ParseResult r) {
        return r.track().cues();
    }

    /** Asserts the problems are exactly these code@line pairs, in order, e.g. {@code "missing-index@1"}. */
    private static void assertProblems(ParseResult r, String... expected) {
        String actual = r.problems().stream().map(p -> p.code() + "@" + p.line()).collect(Collectors.joining(", "));
        assertEquals(String.join(", ", expected), actual, () -> "problems: " + r.problems());
    }

    private static final String TWO_CUES = """
            1
            00:00:01,000 --> 00:00:02,500
            Hello there.

            2
            00:00:03,000 --> 00:00:04,000
            Second cue,
            two lines.

            """;

    @Test
    void readsCanonicalFileWithoutProblems() {
        ParseResult r = read(TWO_CUES);
        assertProblems(r);
        assertEquals(List.of(Cue.of(1000, 2500, "Hello there."), Cue.of(3000, 4000, "Second cue,\ntwo lines.")),
                cues(r));
        assertEquals(Format.SRT, r.track().origin().format());
        assertEquals("UTF-8", r.track().origin().encoding());
        assertFalse(r.track().origin().bom());
        assertEquals("LF", r.track().origin().lineEndings());
    }

    @Test
    void skipsBomAndReportsIt() {
        ParseResult r = read("\uFEFF" + TWO_CUES);
        assertProblems(r, "bom@1");
        assertTrue(r.track().origin().bom());
        assertEquals(cues(read(TWO_CUES)), cues(r));
    }

    @Test
    void readsCrlfAndCrLineEndings() {
        ParseResult crlf = read(TWO_CUES.replace("\n", "\r\n"));
        ParseResult cr = read(TWO_CUES.replace("\n", "\r"));
        assertProblems(crlf);
        assertProblems(cr);
        assertEquals("CRLF", crlf.track().origin().lineEndings());
        assertEquals("CR", cr.track().origin().lineEndings());
        assertEquals(cues(read(TWO_CUES)), cues(crlf));
        assertEquals(cues(read(TWO_CUES)), cues(cr));
    }

    @Test
    void reportsLineOfFirstMixedLineEnding() {
        ParseResult r = read("1\r\n00:00:01,000 --> 00:00:02,000\r\nA\nB\r\n\r\n");
        assertProblems(r, "mixed-line-endings@3");
        assertEquals("mixed", r.track().origin().lineEndings());
        assertEquals("A\nB", cues(r).get(0).text());
    }

    @Test
    void readsCueWithoutIndex() {
        ParseResult r = read("00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n\n");
        assertProblems(r, "missing-index@1", "missing-index@4");
        assertEquals(List.of(Cue.of(1000, 2000, "A"), Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void missingIndexDoesNotAlsoBreakTheSequence() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n\n"
                + "3\n00:00:05,000 --> 00:00:06,000\nC\n");
        assertProblems(r, "missing-index@5");
        assertEquals(3, cues(r).size());
    }

    @Test
    void reportsBadIndex() {
        ParseResult r = read("#1\n00:00:01,000 --> 00:00:02,000\nA\n");
        assertProblems(r, "bad-index@1");
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    /** Cue numbers as written (digits only) and otherwise: the sequence check sees the same number either way. */
    @Test
    void readsCueNumbersOfEveryWidth() {
        String cues = "0001\n00:00:01,000 --> 00:00:02,000\nA\n\n 2 \n00:00:03,000 --> 00:00:04,000\nB\n\n"
                + "3\n00:00:05,000 --> 00:00:06,000\nC\n\n"
                + "123456789012345678\n00:00:07,000 --> 00:00:08,000\nD\n\n"
                + "123456789012345679\n00:00:09,000 --> 00:00:10,000\nE\n\n"
                + "1234567890123456789\n00:00:11,000 --> 00:00:12,000\nF\n\n"
                + "12a\n00:00:13,000 --> 00:00:14,000\nG\n";
        ParseResult r = read(cues);
        assertProblems(r, "extra-space@5", "index-sequence@13", "bad-index@21", "bad-index@25");
        assertTrue(r.problems().get(1).message().contains("cue number 123456789012345678 where 4 was expected"));
        assertEquals(7, cues(r).size());
    }

    @Test
    void reportsIndexOutOfSequence() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n5\n00:00:03,000 --> 00:00:04,000\nB\n\n"
                + "6\n00:00:05,000 --> 00:00:06,000\nC\n");
        assertProblems(r, "index-sequence@5");
        assertTrue(r.problems().get(0).message().contains("cue number 5 where 2 was expected"));
        assertEquals(3, cues(r).size());
    }

    @Test
    void readsDotBeforeMilliseconds() {
        ParseResult r = read("1\n00:00:01.250 --> 00:00:02.500\nA\n");
        assertProblems(r, "lenient-time@2");
        assertEquals(List.of(Cue.of(1250, 2500, "A")), cues(r));
    }

    @Test
    void readsColonBeforeMilliseconds() {
        ParseResult r = read("1\n00:00:01:250 --> 00:00:02:500\nA\n");
        assertProblems(r, "lenient-time@2");
        assertEquals(List.of(Cue.of(1250, 2500, "A")), cues(r));
    }

    @Test
    void readsShortMillisecondsAsFractionOfSecond() {
        ParseResult r = read("1\n00:00:01,5 --> 00:00:02,05\nA\n");
        assertProblems(r, "lenient-time@2");
        assertEquals(List.of(Cue.of(1500, 2050, "A")), cues(r));
    }

    @Test
    void readsMissingHours() {
        ParseResult r = read("1\n01:02,500 --> 01:03,000\nA\n");
        assertProblems(r, "lenient-time@2");
        assertEquals(List.of(Cue.of(62_500, 63_000, "A")), cues(r));
        assertTrue(r.problems().get(0).message().contains("no hours"), r.problems()::toString);
    }

    @Test
    void readsHoursAbove99AndAbove24WithoutProblems() {
        String text = "1\n25:00:00,000 --> 25:00:01,000\nA\n\n2\n123:00:00,000 --> 123:00:01,000\nB\n\n";
        ParseResult r = read(text);
        assertProblems(r);
        assertEquals(25 * 3_600_000L, cues(r).get(0).startMs());
        assertEquals(123 * 3_600_000L, cues(r).get(1).startMs());
        assertEquals(text, new SrtWriter().write(r.track()));
    }

    @Test
    void reportsExtraSpaceAroundArrowAndNumber() {
        ParseResult r = read("  1 \n  00:00:01,000   -->  00:00:02,000  \nA\n");
        assertProblems(r, "extra-space@1", "extra-space@2");
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    @Test
    void reportsMissingSpaceAroundArrow() {
        ParseResult r = read("1\n00:00:01,000-->00:00:02,000\nA\n");
        assertProblems(r, "extra-space@2");
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"->", "—>", "–>", "--->"})
    void acceptsArrowVariants(String arrow) {
        ParseResult r = read("1\n00:00:01,000 " + arrow + " 00:00:02,000\nA\n");
        assertProblems(r, "arrow-variant@2");
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    @Test
    void keepsTextAfterBlankLineInsideCue() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\nstill A\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "blank-line-in-text@4");
        assertEquals(List.of(Cue.of(1000, 2000, "A\nstill A"), Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void blankLineBeforeTimingWithoutNumberEndsCue() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "missing-index@5");
        assertEquals(List.of(Cue.of(1000, 2000, "A"), Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void numberLikeTextAfterBlankLineStaysInCue() {
        // "42" is followed by text, not a timing: it is the cue's text, not the next cue's number.
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n42\nmore\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "blank-line-in-text@4");
        assertEquals("A\n42\nmore", cues(r).get(0).text());
    }

    @Test
    void readsMissingBlankLineBetweenCues() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "missing-blank-line@4");
        assertEquals(List.of(Cue.of(1000, 2000, "A"), Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void keepsArrowTextInsideCueAsText() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nfrom 5 -> 6\n5 -> 6 mg\n-2 --> colder\n");
        assertProblems(r);
        assertEquals("from 5 -> 6\n5 -> 6 mg\n-2 --> colder", cues(r).get(0).text());
    }

    @Test
    void readsLastCueWithoutFinalNewline() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB");
        assertProblems(r, "missing-final-newline@7");
        assertEquals(List.of(Cue.of(1000, 2000, "A"), Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void reportsTrailingGarbage() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n\n\u001A\n");
        assertProblems(r, "trailing-garbage@5");
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    @Test
    void reportsStrayTextBeforeFirstCue() {
        ParseResult r = read("Subtitles by someone\nwww.example.com\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n");
        assertProblems(r, "stray-text@1");
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    @Test
    void ignoresCoordinatesAfterTiming() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:300 Y2:400\nA\n");
        assertProblems(r, "coordinates@2");
        assertTrue(r.problems().get(0).message().contains("X1:100"));
        assertEquals(List.of(Cue.of(1000, 2000, "A")), cues(r));
    }

    @Test
    void reportsLineOfOutOfRangeTimeAndReadsTheRest() {
        ParseResult r = read("1\n99:99:99,999 --> 99:99:99,999\nbad\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "time-out-of-range@2");
        assertEquals(Severity.ERROR, r.problems().get(0).severity());
        assertTrue(r.problems().get(0).message().endsWith("cue skipped"));
        assertEquals(List.of(Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void reportsNegativeTime() {
        ParseResult r = read("1\n-00:00:01,000 --> 00:00:02,000\nbad\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "negative-time@2");
        assertEquals(List.of(Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void reportsEndBeforeStart() {
        ParseResult r = read("1\n00:01:02,000 --> 00:01:01,500\nbad\n\n2\n00:01:03,000 --> 00:01:04,000\nB\n");
        assertProblems(r, "end-before-start@2");
        assertEquals("end before start (00:01:02,000 --> 00:01:01,500); cue skipped", r.problems().get(0).message());
        assertEquals(List.of(Cue.of(63_000, 64_000, "B")), cues(r));
    }

    @Test
    void warnsAboutZeroDuration() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:01,000\nA\n");
        assertProblems(r, "zero-duration@2");
        assertEquals(List.of(Cue.of(1000, 1000, "A")), cues(r));
    }

    @Test
    void reportsLineOfBadTiming() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> soon\nlost\n\n"
                + "3\n00:00:05,000 --> 00:00:06,000\nC\n");
        assertProblems(r, "bad-timing@6");
        assertTrue(r.problems().get(0).message().contains("'00:00:03,000 --> soon'"));
        assertEquals(List.of(Cue.of(1000, 2000, "A"), Cue.of(5000, 6000, "C")), cues(r));
    }

    @Test
    void removesNulCharacters() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\0B\0\n");
        assertProblems(r, "nul-character@3");
        assertEquals("2 NUL characters removed", r.problems().get(0).message());
        assertEquals(List.of(Cue.of(1000, 2000, "AB")), cues(r));
    }

    @Test
    void readsMegabyteLineOfMarkupCharacters() {
        String huge = "<a <".repeat(250_000) + "{\\".repeat(10_000) + "&".repeat(10_000);
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n" + huge + "\n");
        assertProblems(r);
        assertEquals(huge, cues(r).get(0).text());
    }

    @Test
    void readsMegabyteTimingLikeLine() {
        String huge = "1" + " ".repeat(1_000_000) + "--> 2";
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n" + huge + "\n");
        assertProblems(r);
        assertEquals(huge, cues(r).get(0).text());
    }

    @Test
    void reportsEmptyCue() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "empty-cue@2");
        assertEquals(List.of(new Cue(new io.capdex.caption.TimeSpan(1000, 2000), null, List.of(), null, List.of(),
                Map.of()), Cue.of(3000, 4000, "B")), cues(r));
    }

    @Test
    void reportsEmptyFile() {
        assertProblems(read(""), "empty-file@1");
        assertProblems(read("\n \n"), "empty-file@1");
    }

    @Test
    void reportsFileWithoutCues() {
        ParseResult r = read("just some text\n");
        assertProblems(r, "trailing-garbage@1", "no-cues@1");
        assertTrue(cues(r).isEmpty());
    }

    // --- styling ---

    private static Style italic() {
        return Style.PLAIN.withItalic(true);
    }

    @Test
    void readsItalicBoldUnderlineInAnyCase() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n<I>a</I> <b>b</B> <u>c</u>\n");
        assertProblems(r);
        assertEquals(new Line(List.of(new Run("a", italic()), Run.plain(" "), new Run("b", Style.PLAIN.withBold(true)),
                Run.plain(" "), new Run("c", Style.PLAIN.withUnderline(true)))), cues(r).get(0).lines().get(0));
        assertEquals("a b c", cues(r).get(0).text());
    }

    @Test
    void readsBraceStyleTags() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n{i}a{/i}{b}b{/b}{U}c{/U}\n");
        assertProblems(r);
        assertEquals(new Line(List.of(new Run("a", italic()), new Run("b", Style.PLAIN.withBold(true)),
                new Run("c", Style.PLAIN.withUnderline(true)))), cues(r).get(0).lines().get(0));
    }

    @Test
    void carriesStylingAcrossLinesOfACue() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n<i>one\ntwo</i> three\n");
        assertProblems(r);
        List<Line> lines = cues(r).get(0).lines();
        assertEquals(new Line(List.of(new Run("one", italic()))), lines.get(0));
        assertEquals(new Line(List.of(new Run("two", italic()), Run.plain(" three"))), lines.get(1));
    }

    @Test
    void readsFontColorAndIgnoresFaceAndSize() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n"
                + "<font face=\"Arial\" color=\"#ff0000\" size=12>red</font> <font color=yellow>y</font>"
                + " <font face='Times'>plain</font>\n");
        assertProblems(r);
        assertEquals(new Line(List.of(new Run("red", Style.PLAIN.withColor("#ff0000")), Run.plain(" "),
                new Run("y", Style.PLAIN.withColor("yellow")), Run.plain(" plain"))), cues(r).get(0).lines().get(0));
    }

    @Test
    void keepsUnknownTagAsText() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA\n<s>struck</s> text\n");
        assertProblems(r, "unknown-tag@4", "unknown-tag@4");
        assertEquals("A\n<s>struck</s> text", cues(r).get(0).text());
    }

    @Test
    void readsBrTagAsLineBreak() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n<i>one<br>two</i><BR/>three\n");
        assertProblems(r, "unknown-tag@3", "unknown-tag@3");
        assertEquals(List.of(new Line(List.of(new Run("one", italic()))), new Line(List.of(new Run("two", italic()))),
                Line.plain("three")), cues(r).get(0).lines());
    }

    @Test
    void dropsSelfClosingStyleTag() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA<i/>B\n");
        assertProblems(r, "unknown-tag@3");
        assertEquals(List.of(Line.plain("AB")), cues(r).get(0).lines());
    }

    @Test
    void closesUnclosedTagAtCueEnd() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n<i>open\nstill\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n");
        assertProblems(r, "unclosed-tag@3");
        assertEquals(new Line(List.of(new Run("still", italic()))), cues(r).get(0).lines().get(1));
        assertEquals(List.of(Line.plain("B")), cues(r).get(1).lines());
    }

    @Test
    void dropsClosingTagWithoutOpening() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nA</i>B\n");
        assertProblems(r, "unknown-tag@3");
        assertEquals(List.of(Line.plain("AB")), cues(r).get(0).lines());
    }

    @Test
    void keepsLiteralLessThanAndBraces() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\na < b, 3<4, {x} & so on <3\n");
        assertProblems(r);
        assertEquals("a < b, 3<4, {x} & so on <3", cues(r).get(0).text());
    }

    @Test
    void decodesEntities() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n&amp; &lt;i&gt; &quot;q&quot; &#39;s&nbsp;x &#x263A; &bogus;\n");
        assertProblems(r);
        assertEquals("& <i> \"q\" 's\u00A0x \u263A &bogus;", cues(r).get(0).text());
    }

    @Test
    void mapsAn8ToLineZero() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Top text\n");
        assertProblems(r);
        assertEquals(Map.of("line", "0"), cues(r).get(0).settings());
        assertEquals("Top text", cues(r).get(0).text());
    }

    @ParameterizedTest
    @CsvSource({"1, align:left", "2, ''", "3, align:right", "4, line:50% align:left", "5, line:50%",
            "6, line:50% align:right", "7, line:0 align:left", "8, line:0", "9, line:0 align:right"})
    void mapsEverySsaAlignment(int an, String expected) {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n{\\an" + an + "}X\n");
        assertProblems(r);
        String settings = cues(r).get(0).settings().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        assertEquals(expected, settings);
        assertEquals(an == 2 ? 0 : an, SrtWriter.alignmentOf(cues(r).get(0).settings()));
    }

    @Test
    void stripsOtherOverrideBlocksWithWarning() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n{\\an8\\pos(10,20)}A {\\fad(100,100)}B\n");
        assertProblems(r, "unknown-tag@3", "unknown-tag@3");
        assertEquals("A B", cues(r).get(0).text());
        assertEquals(Map.of("line", "0"), cues(r).get(0).settings());
    }

    @Test
    void dropsLinesThatShowNothingOnceMarkupIsRemoved() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}\n<i> </i>\nA\n");
        assertProblems(r);
        assertEquals(List.of(Line.plain("A")), cues(r).get(0).lines());
    }

    @Test
    void capsProblemsAndKeepsLastOmittedLine() {
        StringBuilder sb = new StringBuilder();
        int cueCount = 100_000;
        for (int i = 1; i <= cueCount; i++) {
            // One zero-duration warning per cue, 3 lines per cue.
            sb.append(i).append('\n').append("00:00:01,000 --> 00:00:01,000\nA\n\n");
        }
        ParseResult r = read(sb.toString());
        assertEquals(cueCount, cues(r).size());
        assertEquals(Problems.DEFAULT_CAP + 1, r.problems().size());
        ParseProblem last = r.problems().get(Problems.DEFAULT_CAP);
        assertEquals(ProblemCode.MORE_PROBLEMS.id(), last.code());
        assertEquals((cueCount - 1) * 4 + 2, last.line());
        assertTrue(last.message().startsWith("99000 more problems omitted"), last.message());
    }

    @Test
    void neverThrowsOnOddStarts() {
        for (String s : List.of("-", "-1", "1\n-", "1\n-->", "1\n1 -> ", "0:0 -> 0:0", "\r", "\uFEFF", "<", "{\\",
                "&#", "1\n00:00:01,000 --> 00:00:02,000\n&#10;&#13;")) {
            ParseResult r = read(s);
            for (ParseProblem p : r.problems()) {
                assertTrue(p.line() >= 1, () -> s + ": " + p);
            }
        }
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\n&#xFFFFFFFFF;&#0;&#xD800;&#10;&#x0d;\n");
        assertEquals("&#xFFFFFFFFF;&#0;&#xD800;&#10;&#x0d;", cues(r).get(0).text());
    }
}
