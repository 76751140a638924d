package io.capdex.caption.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Problems;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Severity;
import io.capdex.caption.Style;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VttReaderTest {
    private final VttReader reader = new VttReader();

    private ParseResult read(String text) {
        return reader.read(text);
    }

    private static List<String> codes(ParseResult r) {
        return r.problems().stream().map(ParseProblem::code).toList();
    }

    private static ParseProblem only(ParseResult r, String code) {
        List<ParseProblem> found = r.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> "one " + code + " in " + r.problems());
        return found.get(0);
    }

    @Test
    void readsMinimalFile() {
        ParseResult r = read("WEBVTT\n\n00:01.000 --> 00:02.500\nHello\nworld\n");
        assertTrue(r.isClean(), r.problems()::toString);
        Cue cue = r.track().cues().get(0);
        assertEquals(1000, cue.startMs());
        assertEquals(2500, cue.endMs());
        assertEquals("Hello\nworld", cue.text());
        assertNull(cue.id());
        assertEquals("LF", r.track().origin().lineEndings());
        assertFalse(r.track().origin().bom());
    }

    @Test
    void readsHoursAbove99AndBothTimestampForms() {
        ParseResult r = read("WEBVTT\n\n123:04:05.006 --> 123:04:06.000\na\n\n59:59.999 --> 01:00:00.000\nb\n");
        assertTrue(r.isClean(), r.problems()::toString);
        assertEquals(((123L * 60 + 4) * 60 + 5) * 1000 + 6, r.track().cues().get(0).startMs());
        assertEquals(3_599_999, r.track().cues().get(1).startMs());
        assertEquals(3_600_000, r.track().cues().get(1).endMs());
    }

    @Test
    void keepsCueIdentifiers() {
        ParseResult r = read("WEBVTT\n\nintro-1\n00:00.000 --> 00:01.000\nHi\n");
        assertEquals("intro-1", r.track().cues().get(0).id());
    }

    @Test
    void skipsBomAndReadsCrlfAndCr() {
        ParseResult crlf = read("\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nA\r\nB\r\n");
        assertTrue(crlf.track().origin().bom());
        assertEquals("CRLF", crlf.track().origin().lineEndings());
        assertEquals("A\nB", crlf.track().cues().get(0).text());
        ParseResult cr = read("WEBVTT\r\r00:00.000 --> 00:01.000\rA\r");
        assertEquals("A", cr.track().cues().get(0).text());
        assertEquals("CR", cr.track().origin().lineEndings());
    }

    @Test
    void rejectsFileWithoutSignatureAsBrowsersDo() {
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nSRT, not VTT\n");
        assertTrue(r.track().cues().isEmpty());
        ParseProblem p = only(r, "missing-header");
        assertEquals(1, p.line());
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().contains("found \"1\""), p.message());
        assertEquals(List.of("missing-header"), codes(read("WEBVTTX\n\n00:00.000 --> 00:01.000\nx\n")));
        assertEquals(List.of("missing-header"), codes(read("webvtt\n")));
    }

    @Test
    void reportsEmptyFile() {
        assertEquals(List.of("empty-file"), codes(read("")));
        assertEquals(1, read("").problems().get(0).line());
    }

    @Test
    void acceptsTextAfterSignatureAndHeaderLines() {
        ParseResult r = read("WEBVTT - interview 12\nKind: captions\nLanguage: pt-BR\n\n00:00.000 --> 00:01.000\nOlá\n");
        assertTrue(r.isClean(), r.problems()::toString);
        assertEquals("pt-BR", r.track().language());
        assertEquals(1, r.track().cues().size());
        assertEquals(List.of("- interview 12", "Kind: captions", "Language: pt-BR"), reader.parse(
                "WEBVTT - interview 12\nKind: captions\nLanguage: pt-BR\n").header());
    }

    @Test
    void ignoresNoteBlocksSilently() {
        ParseResult r = read("WEBVTT\n\nNOTE a comment\nover two lines\n\nNOTE\nanother\n\n00:00.000 --> 00:01.000\nx\n");
        assertTrue(r.isClean(), r.problems()::toString);
        assertEquals(1, r.track().cues().size());
    }

    @Test
    void keepsStyleBlocksBeforeTheFirstCueOnly() {
        ParseResult r = read("WEBVTT\n\nSTYLE\n::cue { color: yellow; }\n::cue(.loud) { font-weight: bold; }\n\n"
                + "00:00.000 --> 00:01.000\nx\n\nSTYLE\n::cue { color: red; }\n");
        assertEquals(List.of("::cue { color: yellow; }\n::cue(.loud) { font-weight: bold; }"), r.track().styles());
        ParseProblem p = only(r, "bad-style");
        assertEquals(10, p.line());
        assertTrue(p.message().contains("after the first cue"), p.message());
    }

    @Test
    void readsRegionsWithAllSettings() {
        ParseResult r = read("WEBVTT\n\nREGION\nid:fred width:40% lines:3\nregionanchor:0%,100%\n"
                + "viewportanchor:10%,90%\nscroll:up\n\n00:00.000 --> 00:01.000 region:fred\nx\n");
        assertTrue(r.isClean(), r.problems()::toString);
        Region region = r.track().regions().get(0);
        assertEquals("fred", region.id());
        assertEquals(Map.of("width", "40%", "lines", "3", "regionanchor", "0%,100%", "viewportanchor", "10%,90%",
                "scroll", "up"), region.settings());
        VttRegionSettings s = VttRegionSettings.of(region.settings());
        assertEquals(new VttRegionSettings(40, 3, 0, 100, 10, 90, "up"), s);
        assertEquals("fred", r.track().cues().get(0).settings().get("region"));
    }

    @Test
    void reportsBadRegionSettingsWithLines() {
        ParseResult r = read("WEBVTT\n\nREGION\nid:a\nwidth:140%\ncolour:red\n\nREGION\nlines:2\n");
        List<ParseProblem> bad = r.problems().stream().filter(p -> p.code().equals("bad-region")).toList();
        assertEquals(3, bad.size(), r.problems()::toString);
        assertEquals(5, bad.get(0).line());
        assertTrue(bad.get(0).message().contains("width:140%"));
        assertEquals(6, bad.get(1).line());
        assertEquals(8, bad.get(2).line());
        assertTrue(bad.get(2).message().contains("without an id"));
        assertEquals(List.of("a"), r.track().regions().stream().map(Region::id).toList());
        assertEquals(Map.of(), r.track().regions().get(0).settings());
    }

    @Test
    void readsAllCueSettingsWithWebVttNames() {
        ParseResult r = read("WEBVTT\n\nREGION\nid:r\n\n00:00.000 --> 00:01.000 vertical:rl line:-2,end position:30%,line-left"
                + " size:50.5% align:right region:r\nx\n");
        assertTrue(r.isClean(), r.problems()::toString);
        Map<String, String> s = r.track().cues().get(0).settings();
        assertEquals(Map.of("vertical", "rl", "line", "-2,end", "position", "30%,line-left", "size", "50.5%",
                "align", "right", "region", "r"), s);
        VttCueSettings typed = VttCueSettings.of(s);
        assertEquals(new VttCueSettings("rl", true, -2.0, "end", 30.0, "line-left", 50.5, "right", "r"), typed);
        assertEquals(s, typed.toMap());
    }

    @Test
    void lineAsPercentageTurnsOffSnapToLines() {
        VttCueSettings s = VttCueSettings.of(read("WEBVTT\n\n00:00.000 --> 00:01.000 line:10%\nx\n")
                .track().cues().get(0).settings());
        assertFalse(s.snapToLines());
        assertEquals(10.0, s.line());
    }

    @Test
    void ignoresBadSettingsWithWarnings() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000 align:middle size:101% foo:bar line: vertical:lr\nx\n");
        assertEquals(Map.of("vertical", "lr"), r.track().cues().get(0).settings());
        List<ParseProblem> bad = r.problems().stream().filter(p -> p.code().equals("bad-setting")).toList();
        assertEquals(4, bad.size(), r.problems()::toString);
        assertTrue(bad.stream().allMatch(p -> p.line() == 3 && p.severity() == Severity.WARNING));
        assertTrue(bad.get(0).message().contains("align:middle"), bad.get(0).message());
        assertTrue(bad.get(2).message().contains("unknown cue setting \"foo\""), bad.get(2).message());
    }

    @Test
    void keepsNumberOfLineWithBadAlignment() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000 line:3,middle\nx\n");
        assertEquals(Map.of("line", "3"), r.track().cues().get(0).settings());
        assertTrue(only(r, "bad-setting").message().contains("kept line:3"));
    }

    @Test
    void dropsRegionSettingForUndefinedRegion() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000 region:nowhere\nx\n");
        assertEquals(Map.of(), r.track().cues().get(0).settings());
        assertEquals(3, only(r, "bad-setting").line());
    }

    @Test
    void skipsCueWithBadTimingAndReportsItsLine() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:00:02,000 --> 00:00:03,000\ncomma\n\n"
                + "00:04.000 --> 00:05.000\nok2\n");
        assertEquals(List.of("ok", "ok2"), r.track().cues().stream().map(Cue::text).toList());
        ParseProblem p = only(r, "bad-timing");
        assertEquals(6, p.line());
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().contains("cue skipped"), p.message());
    }

    @Test
    void reportsOutOfRangeMinutes() {
        ParseResult r = read("WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nx\n");
        assertTrue(r.track().cues().isEmpty());
        assertEquals(3, only(r, "time-out-of-range").line());
    }

    @Test
    void skipsCueEndingBeforeItStartsButDocumentKeepsIt() {
        String text = "WEBVTT\n\n00:02.000 --> 00:01.000\nbackwards\n\n00:03.000 --> 00:03.000\nzero\n";
        ParseResult r = read(text);
        assertEquals(List.of("zero"), r.track().cues().stream().map(Cue::text).toList());
        ParseProblem p = only(r, "end-before-start");
        assertEquals(3, p.line());
        assertEquals("end before start (00:00:02.000 --> 00:00:01.000); cue skipped", p.message());
        assertEquals(6, only(r, "zero-duration").line());
        assertEquals(2, reader.parse(text).cues().size());
        assertEquals("backwards", reader.parse(text).cues().get(0).text());
    }

    @Test
    void reportsStrayTextBlock() {
        ParseResult r = read("WEBVTT\n\nsome stray words\nmore\n\n00:00.000 --> 00:01.000\nx\n");
        assertEquals(3, only(r, "stray-block").line());
        assertEquals(1, r.track().cues().size());
    }

    @Test
    void startsNewCueAtTimingLineWithoutBlankLine() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\none\n00:01.000 --> 00:02.000\ntwo\n");
        assertEquals(List.of("one", "two"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(5, only(r, "missing-blank-line").line());
    }

    @Test
    void replacesNulAndReportsIt() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\na\0b\n");
        assertEquals("a\uFFFDb", r.track().cues().get(0).text());
        assertEquals(4, only(r, "nul-character").line());
    }

    @Test
    void readsInlineStyling() {
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<i>it</i> <b>bo</b> <u>un</u> <c.loud.red>cl</c>\n")
                .track().cues().get(0);
        List<Run> runs = cue.lines().get(0).runs();
        assertEquals(new Run("it", Style.PLAIN.withItalic(true)), runs.get(0));
        assertEquals(new Run("bo", Style.PLAIN.withBold(true)), runs.get(2));
        assertEquals(new Run("un", Style.PLAIN.withUnderline(true)), runs.get(4));
        assertEquals(new Run("cl", Style.PLAIN.withClasses(List.of("loud")).withColor("red")), runs.get(6));
        assertEquals("it bo un cl", cue.text());
    }

    @Test
    void stylingSpansLines() {
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<i>one\ntwo</i> three\n").track().cues().get(0);
        assertEquals(new Line(List.of(new Run("one", Style.PLAIN.withItalic(true)))), cue.lines().get(0));
        assertEquals(new Line(List.of(new Run("two", Style.PLAIN.withItalic(true)), Run.plain(" three"))),
                cue.lines().get(1));
    }

    @Test
    void singleVoiceBecomesSpeaker() {
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Dr.  Ana Ruiz>Take it\nwith food.\n")
                .track().cues().get(0);
        assertEquals("Dr. Ana Ruiz", cue.speaker());
        assertEquals("Take it\nwith food.", cue.text());
        assertFalse(cue.lines().get(0).isStyled());
    }

    @Test
    void voiceAroundOnlyWhiteSpaceIsStillTheSpeaker() {
        // found by VttProperties (seed-dependent): the writer writes a speaker's blank cue as "<v Ana>\t"
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Dr. Ruiz>\t\n").track().cues().get(0);
        assertEquals("Dr. Ruiz", cue.speaker());
        assertNull(cue.lines().get(0).runs().get(0).style().voice());
        Cue two = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana> </v><v Ben> </v>\n").track().cues().get(0);
        assertNull(two.speaker(), "two voices and no visible text: no single speaker");
    }

    @Test
    void severalVoicesStayOnRuns() {
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>Hello.</v>\n<v.loud Ben>Hi!</v>\n")
                .track().cues().get(0);
        assertNull(cue.speaker());
        assertEquals("Ana", cue.lines().get(0).runs().get(0).style().voice());
        assertEquals(Style.PLAIN.withVoice("Ben").withClasses(List.of("loud")), cue.lines().get(1).runs().get(0).style());
    }

    @Test
    void dropsLineHoldingOnlyMarkup() {
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana>\nHello\n").track().cues().get(0);
        assertEquals("Ana", cue.speaker());
        assertEquals(1, cue.lines().size());
    }

    @Test
    void readsLangSpans() {
        Cue cue = read("WEBVTT\n\n00:00.000 --> 00:01.000\nHe said <lang fr>bonjour</lang>.\n")
                .track().cues().get(0);
        assertEquals("fr", cue.lines().get(0).runs().get(1).style().lang());
    }

    @Test
    void flattensRubyWithAnnotationInParentheses() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\n<ruby>漢字<rt>かんじ</rt></ruby>です\n");
        assertTrue(r.isClean(), r.problems()::toString);
        assertEquals("漢字(かんじ)です", r.track().cues().get(0).text());
        assertEquals("a(b)", read("WEBVTT\n\n00:00.000 --> 00:01.000\n<ruby>a<rt>b</ruby>\n")
                .track().cues().get(0).text());
    }

    @Test
    void decodesCharacterReferences() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\n&amp; &lt;&gt; &lrm;&rlm;&nbsp;&eacute;&mdash;&#233;&#xE9;"
                + "&hellip;&euro;&copy;\n");
        assertTrue(r.isClean(), r.problems()::toString);
        assertEquals("& <> \u200E\u200F\u00A0é—éé…€©",
                r.track().cues().get(0).text());
    }

    @Test
    void reportsUnknownAndUnterminatedReferences() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\nfish &chips; R&D &amp no\nline2 &#xZZ;\n");
        assertEquals("fish &chips; R&D & no\nline2 &#xZZ;", r.track().cues().get(0).text());
        List<ParseProblem> bad = r.problems().stream().filter(p -> p.code().equals("bad-entity")).toList();
        assertEquals(3, bad.size(), r.problems()::toString);
        assertEquals(4, bad.get(0).line());
        assertTrue(bad.get(0).message().contains("&chips;"));
        assertEquals(4, bad.get(1).line());
        assertEquals(5, bad.get(2).line());
    }

    @Test
    void reportsUnknownTagsAndKeepsTheirText() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\nline one\n<font color=\"red\">red</font> <i>open\n");
        assertEquals("line one\nred open", r.track().cues().get(0).text());
        List<ParseProblem> unknown = r.problems().stream().filter(p -> p.code().equals("unknown-tag")).toList();
        assertEquals(2, unknown.size(), r.problems()::toString);
        assertTrue(unknown.stream().allMatch(p -> p.line() == 5));
        assertEquals(5, only(r, "unclosed-tag").line());
    }

    @Test
    void turnsInlineTimestampsIntoWords() {
        ParseResult r = read("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
                + "we<00:00:01.500><c> take</c><00:00:02.000><c> it daily</c>\n");
        assertTrue(r.isClean(), r.problems()::toString);
        Cue cue = r.track().cues().get(0);
        assertEquals("we take it daily", cue.text());
        assertEquals(List.of(new Word(1000, 1500, "we"), new Word(1500, 2000, "take"), new Word(2000, 3000, "it"),
                new Word(2000, 3000, "daily")), cue.words());
        assertFalse(cue.lines().get(0).isStyled());
    }

    @Test
    void ignoresTimestampsOutsideTheCueOrBackwards() {
        ParseResult r = read("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\na <00:00:04.000>b <00:00:02.000>c\n"
                + "<00:00:01.500>d <00:00:xx>e\n");
        List<ParseProblem> bad = r.problems().stream().filter(p -> p.code().equals("bad-timestamp")).toList();
        assertEquals(3, bad.size(), r.problems()::toString);
        assertEquals(4, bad.get(0).line());
        assertTrue(bad.get(0).message().contains("after the cue end"));
        assertEquals(5, bad.get(1).line());
        assertTrue(bad.get(1).message().contains("before the previous timestamp"));
        assertEquals(List.of(new Word(1000, 2000, "a"), new Word(1000, 2000, "b"), new Word(2000, 3000, "c"),
                new Word(2000, 3000, "d"), new Word(2000, 3000, "e")), r.track().cues().get(0).words());
    }

    @Test
    void readsColourClassesFromCapdexColourBlock() {
        ParseResult r = read("WEBVTT\n\nSTYLE\n" + VttReader.COLOUR_BLOCK_MARK + "\n::cue(.cff8800) { color: #ff8800; }\n\n"
                + "00:00.000 --> 00:01.000\n<c.cff8800>amber</c>\n");
        assertTrue(r.isClean(), r.problems()::toString);
        assertEquals(List.of(), r.track().styles());
        assertEquals("#ff8800", r.track().cues().get(0).lines().get(0).runs().get(0).style().color());
    }

    @Test
    void reportsEmptyCue() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\n\n00:01.000 --> 00:02.000\nx\n");
        assertEquals(2, r.track().cues().size());
        assertEquals(3, only(r, "empty-cue").line());
    }

    @Test
    void readsLastCueWithoutFinalNewline() {
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\nlast");
        assertEquals("last", r.track().cues().get(0).text());
    }

    @Test
    void capsProblemList() {
        StringBuilder sb = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < Problems.DEFAULT_CAP + 50; i++) {
            sb.append("00:00.000 --> bad\nx\n\n");
        }
        ParseResult r = read(sb.toString());
        assertEquals(Problems.DEFAULT_CAP + 1, r.problems().size());
        assertEquals("more-problems", r.problems().get(Problems.DEFAULT_CAP).code());
    }

    @Test
    void trackDefaultsAreUndeterminedAsr() {
        Track t = read("WEBVTT\n").track();
        assertEquals(Track.UNDETERMINED, t.language());
        assertTrue(t.cues().isEmpty());
    }

    @Test
    void capsTagNesting() {
        String deep = "<i>x".repeat(20_000);
        ParseResult r = read("WEBVTT\n\n00:00.000 --> 00:01.000\n" + deep + "\n");
        Cue cue = r.track().cues().get(0);
        assertEquals("x".repeat(20_000), cue.text());
        assertTrue(cue.lines().get(0).runs().get(0).style().italic());
        long ignored = r.problems().stream().filter(p -> p.message().contains("nested deeper")).count()
                + r.problems().stream().filter(p -> p.code().equals("more-problems")).count();
        assertTrue(ignored > 0, r.problems().toString().substring(0, 200));
    }
}
