package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.ParseResult;
import io.capdex.caption.RecordingAsciiOutput;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrtWriterTest {
    private final SrtWriter writer = new SrtWriter();
    private final SrtReader reader = new SrtReader();

    private static Track track(Cue... cues) {
        return Track.of(Format.SRT, List.of(cues));
    }

    private static Cue styled(long startMs, long endMs, Line... lines) {
        return Cue.of(startMs, endMs, "x").withLines(List.of(lines));
    }

    private static Line line(Run... runs) {
        return new Line(List.of(runs));
    }

    private static final Style I = Style.PLAIN.withItalic(true);
    private static final Style B = Style.PLAIN.withBold(true);

    /** Reads back what was written and checks the reader finds nothing to complain about. */
    private Track readBack(String srt) {
        ParseResult r = reader.read(srt);
        assertTrue(r.isClean(), () -> r.problems() + " in\n" + srt);
        return r.track();
    }

    @Test
    void writesCanonicalLayoutEndingWithBlankLine() {
        String out = writer.write(track(Cue.of(1000, 2500, "Hello"), Cue.of(3_723_004, 3_724_000, "A\nB")));
        assertEquals("1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n01:02:03,004 --> 01:02:04,000\nA\nB\n\n", out);
    }

    @Test
    void writesCrlfWhenAsked() {
        String out = writer.write(track(Cue.of(0, 1000, "A\nB")), WriteOptions.defaults().withCrlf(true));
        assertEquals("1\r\n00:00:00,000 --> 00:00:01,000\r\nA\r\nB\r\n\r\n", out);
    }

    @Test
    void writesNothingForEmptyTrack() {
        assertEquals("", writer.write(track()));
    }

    @Test
    void writesHoursAboveNinetyNine() {
        long ms = 150L * 3_600_000 + 59 * 60_000 + 59_999;
        String out = writer.write(track(Cue.of(ms, ms + 1, "A")));
        assertEquals("1\n150:59:59,999 --> 151:00:00,000\nA\n\n", out);
        assertEquals(ms, readBack(out).cues().get(0).startMs());
    }

    @Test
    void writesToAppendableLikeToString() throws IOException {
        Track t = track(Cue.of(0, 1, "A"), Cue.of(2, 3, "B"));
        StringWriter w = new StringWriter();
        writer.write(t, w, WriteOptions.defaults());
        assertEquals(writer.write(t), w.toString());
    }

    @Test
    void laysOutPlainAsciiCuesAsBytesAndTheOthersAsText() throws IOException {
        Track t = track(Cue.of(1_000, 2_500, "What is remission?\nno leukaemia cells"), Cue.of(3_000, 4_000, "café"),
                Cue.of(5_000, 6_000, "10 weeks"), styled(7_000, 8_000, line(new Run("in", I))),
                Cue.of(9_000, 9_500, "a < b"), Cue.of(10_000, 11_000, "Łódź"),
                Cue.of(12_000, 13_000, "top").withSettings(Map.of("line", "0")),
                Cue.of(14_000, 15_000, "ok").withSettings(Map.of("align", "center")));
        RecordingAsciiOutput out = new RecordingAsciiOutput();
        writer.write(t, out, WriteOptions.defaults());
        assertEquals(writer.write(t), out.text());
        // plain ASCII without a position (centre is the default): the first, "10 weeks" and the last; the others
        // need escapes, tags or an alignment block, or are not ASCII
        assertEquals(3, out.byteAppends());
        assertEquals(6, out.asciiAppends());
    }

    @Test
    void nestsTagsAndClosesOnlyWhatChanges() {
        Cue cue = styled(0, 1000, line(new Run("a", I), new Run("b", I.withBold(true)), new Run("c", B),
                Run.plain(" d")));
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n<i>a<b>b</b></i><b>c</b> d\n\n", out);
        assertEquals(cue.lines(), readBack(out).cues().get(0).lines());
    }

    @Test
    void writesFontOutermostAndUnderline() {
        Style red = Style.PLAIN.withColor("#ff0000");
        Cue cue = styled(0, 1000, line(new Run("r", red), new Run("ru", red.withUnderline(true)),
                new Run("g", Style.PLAIN.withColor("green").withUnderline(true))));
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n"
                + "<font color=\"#ff0000\">r<u>ru</u></font><font color=\"green\"><u>g</u></font>\n\n", out);
        assertEquals(cue.lines(), readBack(out).cues().get(0).lines());
    }

    @Test
    void closesTagsAtLineEndAndReopensOnNextLine() {
        Cue cue = styled(0, 1000, line(new Run("one", I)), line(new Run("two", I), Run.plain(" three")));
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n<i>one</i>\n<i>two</i> three\n\n", out);
        assertEquals(cue.lines(), readBack(out).cues().get(0).lines());
    }

    @ParameterizedTest
    @CsvSource({"0, '', {\\an8}", "0, left, {\\an7}", "0%, right, {\\an9}", "50%, '', {\\an5}",
            "'50%,center', start, {\\an4}", "90%, end, {\\an3}", "-1, '', ''", "auto, left, {\\an1}", "3, '', {\\an8}"})
    void writesSsaAlignmentForSettings(String line, String align, String expected) {
        Map<String, String> settings = align.isEmpty() ? Map.of("line", line) : Map.of("line", line, "align", align);
        String out = writer.write(track(Cue.of(0, 1000, "A\nB").withSettings(settings)));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n" + expected + "A\nB\n\n", out);
    }

    @Test
    void topSettingRoundTripsAsLineZero() {
        Cue cue = Cue.of(0, 1000, "A").withSettings(Map.of("line", "0"));
        assertEquals(List.of(cue), readBack(writer.write(track(cue))).cues());
    }

    @Test
    void writesAlignmentAloneForCueWithoutText() {
        String out = writer.write(track(styled(0, 1000).withSettings(Map.of("line", "0"))));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n{\\an8}\n\n", out);
    }

    @Test
    void writesTextOnlyForSpeakerAndVoice() {
        Cue cue = Cue.of(0, 1000, "Hi").withSpeaker("Dr. Lee");
        Cue voiced = styled(0, 1000, line(new Run("x", Style.PLAIN.withVoice("Ann")), Run.plain("y")));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\nHi\n\n", writer.write(track(cue)));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\nxy\n\n", writer.write(track(voiced)));
    }

    @Test
    void dropsLinesThatShowNothing() {
        Cue cue = styled(0, 1000, Line.plain("A"), Line.plain(""), Line.plain("  "), Line.plain("B"));
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\nA\nB\n\n", out);
    }

    @Test
    void escapesOnlyWhatWouldReadAsMarkup() {
        String text = "<i>x</i> &amp; {\\an8} {i} a < b, Tom & Jerry, 3<4, {x}, &bogus; <";
        Cue cue = Cue.of(0, 1000, text);
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n"
                + "&lt;i>x&lt;/i> &amp;amp; &#123;\\an8} &#123;i} a < b, Tom & Jerry, 3<4, {x}, &bogus; <\n\n", out);
        assertEquals(List.of(cue), readBack(out).cues());
    }

    @Test
    void escapesALessThanThatEscapingALaterOneWouldTurnIntoATag() {
        // "<a" is no tag only because "<b>" follows; escaping "<b>" alone gave "<a &lt;b>", one unknown tag
        Cue cue = Cue.of(0, 1000, "<a <b> and <x <y <i> and <p <q>");
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n&lt;a &lt;b> and &lt;x &lt;y &lt;i> and <p <q>\n\n", out);
        ParseResult r = reader.read(out);
        assertEquals(List.of(cue), r.track().cues());
        assertEquals(List.of("unknown-tag"), r.problems().stream().map(p -> p.code()).toList(), "only <q> is a tag");
    }

    @Test
    void writesUnknownTagsAsTheyAreAndReadsThemBackAsText() {
        Cue cue = Cue.of(0, 1000, "<script>alert(1)</script>\n<img src=x onerror=alert(2)> <br> <FONT>");
        String out = writer.write(track(cue));
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\n<script>alert(1)</script>\n"
                + "<img src=x onerror=alert(2)> &lt;br> &lt;FONT>\n\n", out);
        ParseResult r = reader.read(out);
        assertEquals(List.of(cue), r.track().cues());
        assertEquals(List.of("unknown-tag", "unknown-tag", "unknown-tag"),
                r.problems().stream().map(p -> p.code()).toList());
    }

    @Test
    void escapesTextLineThatLooksLikeATiming() {
        Cue cue = Cue.of(0, 1000, "2\n10:00 --> 11:00");
        String out = writer.write(track(cue, Cue.of(2000, 3000, "B")));
        assertTrue(out.contains("\n10:00 --&gt; 11:00\n"), out);
        assertEquals(List.of(cue, Cue.of(2000, 3000, "B")), readBack(out).cues());
    }

    @Test
    void dropsNulCharacters() {
        assertEquals("1\n00:00:00,000 --> 00:00:01,000\nAB\n\n", writer.write(track(Cue.of(0, 1000, "A\0B"))));
    }

    @Test
    void formatsAndParsesTimes() {
        assertEquals("00:00:00,000", SrtTime.format(0));
        assertEquals("99:59:59,999", SrtTime.format(359_999_999));
        assertEquals("100:00:00,000", SrtTime.format(360_000_000));
        assertEquals(62_500, SrtTime.parse(" 01:02,5 "));
        assertEquals(3_723_004, SrtTime.parse("1:02:03.004"));
        assertThrows(IllegalArgumentException.class, () -> SrtTime.format(-1));
        assertThrows(IllegalArgumentException.class, () -> SrtTime.parse("00:60:00,000"));
        assertThrows(IllegalArgumentException.class, () -> SrtTime.parse("-00:00:01,000"));
        assertThrows(IllegalArgumentException.class, () -> SrtTime.parse("00:00:01,000x"));
    }
}
