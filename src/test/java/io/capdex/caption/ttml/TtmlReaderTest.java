package io.capdex.caption.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Run;
import io.capdex.caption.Severity;
import io.capdex.caption.Style;
import io.capdex.caption.Word;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TtmlReaderTest {
    private final TtmlReader reader = new TtmlReader();

    private static String tt(String attrs, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:tts=\"http://www.w3.org/ns/ttml#styling\""
                + " xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\""
                + " " + attrs + ">\n" + body + "\n</tt>\n";
    }

    private static String p(String attrs, String text) {
        return "<body><div><p " + attrs + ">" + text + "</p></div></body>";
    }

    private ParseResult read(String doc) {
        return reader.read(doc);
    }

    private long startOf(String rootAttrs, String pAttrs) {
        ParseResult r = read(tt(rootAttrs, p(pAttrs, "x")));
        assertEquals(1, r.track().cues().size(), () -> r.problems().toString());
        return r.track().cues().get(0).startMs();
    }

    private static ParseProblem only(ParseResult r, ProblemCode code) {
        List<ParseProblem> found = r.problems().stream().filter(p -> p.code().equals(code.id())).toList();
        assertEquals(1, found.size(), () -> "one " + code.id() + " expected in " + r.problems());
        return found.get(0);
    }

    private static List<String> codes(ParseResult r) {
        return r.problems().stream().map(ParseProblem::code).toList();
    }

    @Test
    void readsBasicDocument() {
        ParseResult r = read(tt("xml:lang=\"pt-BR\"", "<body><div>\n"
                + "<p begin=\"00:00:01.000\" end=\"00:00:02.500\">Olá<br/>mundo</p>\n"
                + "<p begin=\"00:00:03.000\" end=\"00:00:04.000\">Tchau</p>\n</div></body>"));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("pt-BR", r.track().language());
        List<Cue> cues = r.track().cues();
        assertEquals(2, cues.size());
        assertEquals(1000, cues.get(0).startMs());
        assertEquals(2500, cues.get(0).endMs());
        assertEquals("Olá\nmundo", cues.get(0).text());
        assertEquals("Tchau", cues.get(1).text());
        assertEquals(Map.of(), cues.get(0).settings());
    }

    @Test
    void takesLanguageFromFirstElementThatHasOne() {
        ParseResult r = read(tt("", "<body><div xml:lang=\"es\"><p xml:lang=\"en\" begin=\"1s\" end=\"2s\">x</p>"
                + "</div></body>"));
        assertEquals("es", r.track().language());
        assertEquals("und", read(tt("", p("begin=\"1s\" end=\"2s\"", "x"))).track().language());
    }

    @Test
    void readsClockTimes() {
        assertEquals(3_723_456, startOf("", "begin=\"01:02:03.456\" end=\"02:00:00\""));
        assertEquals(1_500, startOf("", "begin=\"00:00:01.5\" end=\"02:00:00\""));
        assertEquals(1_000, startOf("", "begin=\"00:00:01\" end=\"02:00:00\""));
    }

    @Test
    void readsFrameTimesWithDefaultAndDeclaredRates() {
        assertEquals(1_500, startOf("", "begin=\"00:00:01:15\" end=\"01:00:00\""));
        assertEquals(1_480, startOf("ttp:frameRate=\"25\"", "begin=\"00:00:01:12\" end=\"01:00:00\""));
        // 29.97 fps: frame 15 is 500.5 ms in
        assertEquals(1_501, startOf("ttp:frameRate=\"30\" ttp:frameRateMultiplier=\"1000 1001\"",
                "begin=\"00:00:01:15\" end=\"01:00:00\""));
        // sub-frames: 15.5 frames at 30 fps
        assertEquals(1_517, startOf("ttp:frameRate=\"30\" ttp:subFrameRate=\"2\"",
                "begin=\"00:00:01:15.1\" end=\"01:00:00\""));
    }

    @Test
    void readsOffsetTimesInEveryUnit() {
        assertEquals(12_300, startOf("", "begin=\"12.3s\" end=\"1h\""));
        assertEquals(1_500, startOf("", "begin=\"1500ms\" end=\"1h\""));
        assertEquals(150_000, startOf("", "begin=\"2.5m\" end=\"1h\""));
        assertEquals(3_600_000, startOf("", "begin=\"1h\" end=\"2h\""));
        assertEquals(3_333, startOf("", "begin=\"100f\" end=\"1h\""));
        assertEquals(4_000, startOf("ttp:frameRate=\"25\"", "begin=\"100f\" end=\"1h\""));
    }

    @Test
    void readsTicksWithDeclaredAndDefaultTickRates() {
        assertEquals(1_500, startOf("ttp:tickRate=\"10000000\"", "begin=\"15000000t\" end=\"1h\""));
        // TTML 1 §6.2.10: no tick rate and no frame rate means one tick per second
        assertEquals(10_000, startOf("", "begin=\"10t\" end=\"1h\""));
        // a frame rate but no tick rate: ticks are frames × sub-frames
        assertEquals(2_000, startOf("ttp:frameRate=\"25\"", "begin=\"50t\" end=\"1h\""));
    }

    @Test
    void warnsThatSmpteTimeBaseIsReadAsMediaTime() {
        ParseResult r = read(tt("ttp:timeBase=\"smpte\" ttp:frameRate=\"25\"", p("begin=\"00:00:01:00\" end=\"1h\"", "x")));
        assertEquals(1_000, r.track().cues().get(0).startMs());
        assertTrue(only(r, ProblemCode.BAD_ATTRIBUTE).message().contains("media time"));
    }

    @Test
    void usesDurWhenThereIsNoEnd() {
        ParseResult r = read(tt("", p("begin=\"2s\" dur=\"1.5s\"", "x")));
        assertEquals(3_500, r.track().cues().get(0).endMs());
        ParseResult both = read(tt("", p("begin=\"2s\" end=\"3s\" dur=\"10s\"", "x")));
        assertEquals(3_000, both.track().cues().get(0).endMs());
    }

    @Test
    void inheritsBeginFromBodyAndDiv() {
        ParseResult r = read(tt("", "<body begin=\"10s\"><div begin=\"5s\">"
                + "<p begin=\"1s\" end=\"2s\">a</p></div>"
                + "<div begin=\"00:01:00.000\" end=\"00:01:30.000\"><p begin=\"1s\">b</p></div></body>"));
        assertTrue(r.isClean(), () -> r.problems().toString());
        List<Cue> cues = r.track().cues();
        assertEquals(16_000, cues.get(0).startMs());
        assertEquals(17_000, cues.get(0).endMs());
        // no end of its own: the div's end (relative to the body) ends it
        assertEquals(71_000, cues.get(1).startMs());
        assertEquals(100_000, cues.get(1).endMs());
    }

    @Test
    void timesSequentialContainerChildrenOneAfterAnother() {
        ParseResult r = read(tt("", "<body><div timeContainer=\"seq\">"
                + "<p dur=\"2s\">a</p><p dur=\"3s\">b</p><p begin=\"1s\" dur=\"1s\">c</p></div></body>"));
        assertTrue(r.isClean(), () -> r.problems().toString());
        List<Cue> cues = r.track().cues();
        assertEquals(List.of(0L, 2_000L, 6_000L), cues.stream().map(Cue::startMs).toList());
        assertEquals(List.of(2_000L, 5_000L, 7_000L), cues.stream().map(Cue::endMs).toList());
    }

    @Test
    void readsInlineSpanStyles() {
        ParseResult r = read(tt("", p("begin=\"1s\" end=\"2s\"", "plain <span tts:fontStyle=\"italic\">it</span>"
                + " <span tts:fontWeight=\"bold\" tts:textDecoration=\"underline\">bu</span>"
                + " <span tts:color=\"#ff0000\">red</span>")));
        assertTrue(r.isClean(), () -> r.problems().toString());
        List<Run> runs = r.track().cues().get(0).lines().get(0).runs();
        assertEquals(List.of(Run.plain("plain "), new Run("it", Style.PLAIN.withItalic(true)), Run.plain(" "),
                new Run("bu", Style.PLAIN.withBold(true).withUnderline(true)), Run.plain(" "),
                new Run("red", Style.PLAIN.withColor("#ff0000"))), runs);
    }

    @Test
    void resolvesStyleReferencesChainsAndPrecedence() {
        ParseResult r = read(tt("", "<head><styling>"
                + "<style xml:id=\"base\" tts:fontWeight=\"bold\" tts:color=\"yellow\"/>"
                + "<style xml:id=\"it\" style=\"base\" tts:fontStyle=\"italic\"/>"
                + "<style xml:id=\"under\" tts:textDecoration=\"underline\"/>"
                + "</styling></head>"
                + p("begin=\"1s\" end=\"2s\" style=\"it\"", "a <span style=\"under\" tts:fontWeight=\"normal\">b</span>")));
        assertTrue(r.isClean(), () -> r.problems().toString());
        Style it = Style.PLAIN.withItalic(true).withBold(true).withColor("yellow");
        assertEquals(List.of(new Run("a ", it), new Run("b", it.withBold(false).withUnderline(true))),
                r.track().cues().get(0).lines().get(0).runs());
    }

    @Test
    void dropsWhiteBecauseItIsTheDefaultCaptionColour() {
        ParseResult r = read(tt("", p("begin=\"1s\" end=\"2s\" tts:color=\"white\"", "x")));
        assertFalse(r.track().cues().get(0).lines().get(0).isStyled());
    }

    @Test
    void reportsUnknownStyleReferenceAndStyleLoop() {
        ParseResult r = read(tt("", "<head><styling><style xml:id=\"a\" style=\"b\"/><style xml:id=\"b\" style=\"a\"/>"
                + "</styling></head>" + p("begin=\"1s\" end=\"2s\" style=\"nope a\"", "x")));
        assertEquals(1, r.track().cues().size());
        assertTrue(codes(r).contains("bad-attribute"), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("no <style> with this id")));
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("loop")));
    }

    @Test
    void placesTopRegionsAtLineZero() {
        String head = "<head><layout>"
                + "<region xml:id=\"r1\" tts:origin=\"10% 5%\" tts:extent=\"80% 20%\"/>"
                + "<region xml:id=\"r2\" tts:origin=\"10% 75%\" tts:extent=\"80% 20%\"/>"
                + "<region xml:id=\"r3\" tts:displayAlign=\"before\"/>"
                + "<region xml:id=\"r4\" tts:origin=\"0% 0%\" tts:extent=\"100% 100%\" tts:displayAlign=\"after\"/>"
                + "<region xml:id=\"subtitleTop\" tts:displayAlign=\"after\"/>"
                + "<region xml:id=\"r6\" tts:origin=\"0px 50px\" tts:extent=\"1920px 200px\"/>"
                + "</layout></head>";
        StringBuilder body = new StringBuilder("<body><div>");
        for (String region : List.of("r1", "r2", "r3", "r4", "subtitleTop", "r6", "missing")) {
            body.append("<p begin=\"1s\" end=\"2s\" region=\"").append(region).append("\">").append(region)
                    .append("</p>");
        }
        body.append("</div></body>");
        ParseResult r = read(tt("tts:extent=\"1920px 1080px\"", head + body));
        List<Boolean> top = r.track().cues().stream().map(c -> "0".equals(c.settings().get("line"))).toList();
        assertEquals(List.of(true, false, true, false, true, true, false), top);
    }

    @Test
    void inheritsRegionFromDiv() {
        ParseResult r = read(tt("", "<head><layout><region xml:id=\"top\"/></layout></head>"
                + "<body region=\"top\"><div><p begin=\"1s\" end=\"2s\">x</p></div></body>"));
        assertEquals(Map.of("line", "0"), r.track().cues().get(0).settings());
    }

    @Test
    void mapsTextAlignToAlignSetting() {
        ParseResult r = read(tt("", p("begin=\"1s\" end=\"2s\" tts:textAlign=\"left\"", "x")));
        assertEquals(Map.of("align", "left"), r.track().cues().get(0).settings());
    }

    @Test
    void readsDfxpNamespaces() {
        for (String ns : List.of("http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1")) {
            ParseResult r = read("<?xml version=\"1.0\"?>\n<tt xmlns=\"" + ns + "\" xmlns:tts=\"" + ns + "#styling\""
                    + " xml:lang=\"en\"><body><div><p begin=\"0.5s\" end=\"1.5s\">old <span tts:fontStyle=\"italic\">"
                    + "style</span></p></div></body></tt>");
            assertTrue(r.isClean(), () -> ns + ": " + r.problems());
            assertEquals("old style", r.track().cues().get(0).text());
            assertTrue(r.track().cues().get(0).lines().get(0).isStyled());
            assertEquals("en", r.track().language());
        }
    }

    @Test
    void readsTtWithoutNamespaceWithWarning() {
        ParseResult r = read("<tt><body><div><p begin=\"1s\" end=\"2s\">x</p></div></body></tt>");
        assertEquals(1, r.track().cues().size());
        assertEquals(List.of("ttml-namespace"), codes(r));
    }

    @Test
    void readsSpeakerFromAgent() {
        ParseResult r = read(tt("", "<head><metadata><ttm:agent xml:id=\"a1\" type=\"person\">"
                + "<ttm:name type=\"full\">Dr. Ada Lovelace</ttm:name></ttm:agent></metadata></head>"
                + "<body><div ttm:agent=\"a1\"><p begin=\"1s\" end=\"2s\">x</p>"
                + "<p begin=\"2s\" end=\"3s\" ttm:agent=\"unnamed\">y</p></div></body>"));
        assertEquals("Dr. Ada Lovelace", r.track().cues().get(0).speaker());
        assertEquals("unnamed", r.track().cues().get(1).speaker());
    }

    @Test
    void collapsesWhiteSpaceByDefaultAndKeepsItWhenPreserved() {
        ParseResult r = read(tt("", "<body><div>"
                + "<p begin=\"1s\" end=\"2s\">\n   Hello\n\t  world  <br/>  next </p>"
                + "<p begin=\"2s\" end=\"3s\" xml:space=\"preserve\">  two  spaces\nnew line</p></div></body>"));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("Hello world\nnext", r.track().cues().get(0).text());
        assertEquals("  two  spaces\nnew line", r.track().cues().get(1).text());
    }

    @Test
    void readsWordTimingsFromTimedSpans() {
        ParseResult r = read(tt("", "<body><div><p begin=\"10s\" end=\"12s\"><span begin=\"0s\" end=\"0.5s\">Hello</span>"
                + " <span begin=\"0.5s\" end=\"1.2s\">world</span></p>"
                + "<p><span begin=\"20s\" end=\"21s\">only</span> <span begin=\"21s\" end=\"22s\">spans</span></p>"
                + "</div></body>"));
        List<Cue> cues = r.track().cues();
        assertEquals(List.of(new Word(10_000, 10_500, "Hello"), new Word(10_500, 11_200, "world")), cues.get(0).words());
        assertEquals("Hello world", cues.get(0).text());
        assertEquals(20_000, cues.get(1).startMs());
        assertEquals(22_000, cues.get(1).endMs());
    }

    @Test
    void endsCaptionWithoutEndAtNextCaptionAndSkipsUntimedOnes() {
        ParseResult r = read(tt("", "<body><div>\n<p begin=\"1s\">a</p>\n<p begin=\"3s\" end=\"4s\">b</p>\n"
                + "<p>c</p>\n<p begin=\"5s\">d</p>\n</div></body>"));
        assertEquals(List.of("a", "b"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(3_000, r.track().cues().get(0).endMs());
        assertEquals(4, only(r, ProblemCode.LENIENT_TIME).line());
        List<ParseProblem> missing = r.problems().stream().filter(p -> p.code().equals("missing-timing")).toList();
        assertEquals(List.of(6, 7), missing.stream().map(ParseProblem::line).toList());
        assertTrue(missing.get(0).message().contains("'c'"), missing.get(0).message());
    }

    @Test
    void skipsCaptionWithBadTimeOrEndBeforeStart() {
        ParseResult r = read(tt("", "<body><div>\n<p begin=\"1x\" end=\"2s\">a</p>\n"
                + "<p begin=\"5s\" end=\"4s\">b</p>\n<p begin=\"6s\" end=\"7s\">c</p>\n</div></body>"));
        assertEquals(List.of("c"), r.track().cues().stream().map(Cue::text).toList());
        ParseProblem bad = only(r, ProblemCode.BAD_TIMING);
        assertEquals(4, bad.line());
        assertEquals(Severity.ERROR, bad.severity());
        assertEquals(5, only(r, ProblemCode.END_BEFORE_START).line());
    }

    @Test
    void refusesExternalEntityFileWithoutLeakingIt() throws IOException {
        String xxe = resource("/wild/ttml/xxe-passwd.ttml");
        ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(xxe));
        assertEquals(List.of("forbidden-xml"), codes(r));
        assertTrue(r.track().cues().isEmpty());
        assertFalse(r.problems().get(0).message().contains("root:"), "no file content in messages");
    }

    @Test
    void refusesBillionLaughsWithoutExpandingIt() throws IOException {
        String bomb = resource("/wild/ttml/billion-laughs.ttml");
        ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.read(bomb));
        assertEquals(List.of("forbidden-xml"), codes(r));
        assertEquals(2, r.problems().get(0).line());
        assertTrue(r.track().cues().isEmpty());
        assertFalse(r.problems().get(0).message().contains("lol"));
    }

    @Test
    void refusesDoctypeAfterCommentsWithoutParsingIt() {
        // a mutated entity bomb once made the JDK's DTD scanner throw MissingResourceException (found by fuzzing)
        ParseResult r = read("<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE tt [\n<!ENTITY a \"&b; b;\">\n"
                + "<!ENTITY b \"\u0001\">]>\n<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div>"
                + "<p begin=\"1s\" end=\"2s\">&a;</p></div></body></tt>");
        assertEquals(List.of("forbidden-xml"), codes(r));
        assertEquals(3, r.problems().get(0).line());
        assertTrue(r.track().cues().isEmpty());
        assertEquals(-1, TtmlReader.doctypeInProlog("<tt><!DOCTYPE x></tt>"));
    }

    @Test
    void reportsMalformedXmlWithLineAndKeepsEarlierCaptions() {
        ParseResult r = read(tt("", "<body><div>\n<p begin=\"1s\" end=\"2s\">a</p>\n<p begin=\"2s\" end=\"3s\">b</span>"
                + "\n</div></body>"));
        assertEquals(List.of("a"), r.track().cues().stream().map(Cue::text).toList());
        ParseProblem p = only(r, ProblemCode.BAD_XML);
        assertEquals(5, p.line());
        assertTrue(p.message().contains("kept"), p.message());
    }

    @Test
    void keepsCaptionsOfTruncatedFile() {
        String whole = tt("", "<body><div>\n<p begin=\"1s\" end=\"2s\">a</p>\n<p begin=\"2s\" end=\"3s\">b</p>\n"
                + "</div></body>");
        ParseResult r = read(whole.substring(0, whole.indexOf(">b<") + 2));
        assertEquals(List.of("a"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(1, r.problems().stream().filter(p -> p.code().equals("bad-xml")).count());
    }

    @Test
    void stopsAtAbsurdNestingInsteadOfOverflowingTheStack() {
        String deep = "<span>".repeat(100_000);
        ParseResult r = read(tt("", "<body><div><p begin=\"1s\" end=\"2s\">a</p><p begin=\"2s\" end=\"3s\">" + deep));
        assertEquals(List.of("a"), r.track().cues().stream().map(Cue::text).toList());
        assertTrue(only(r, ProblemCode.BAD_XML).message().contains("nested deeper than 256"));
    }

    @Test
    void refusesXmlThatIsNotTtml() {
        ParseResult r = read("<?xml version=\"1.0\"?>\n<html><body><p>hi</p></body></html>");
        assertEquals(List.of("not-ttml"), codes(r));
        assertEquals(2, r.problems().get(0).line());
        assertTrue(r.track().cues().isEmpty());
    }

    @Test
    void reportsEmptyFileAndTextThatIsNotXml() {
        assertEquals(List.of("empty-file"), codes(read("  \n")));
        ParseResult r = read("1\n00:00:01,000 --> 00:00:02,000\nSRT!\n");
        assertEquals(List.of("bad-xml"), codes(r));
        assertTrue(r.hasErrors());
    }

    @Test
    void readsHtmlEntitiesAndStrayAmpersands() {
        ParseResult r = read(tt("", "<body><div>\n<p begin=\"1s\" end=\"2s\">Tom &amp; Jerry&nbsp;&hellip; R&D &bogus;</p>"
                + "</div></body>"));
        assertEquals("Tom & Jerry\u00A0\u2026 R&D &bogus;", r.track().cues().get(0).text());
        List<ParseProblem> entities = r.problems().stream().filter(p -> p.code().equals("bad-entity")).toList();
        assertEquals(4, entities.size(), r.problems().toString());
        assertTrue(entities.stream().allMatch(p -> p.line() == 4));
    }

    @Test
    void skipsBomAndBlankLinesBeforeDeclaration() {
        ParseResult r = read("\uFEFF\n\n" + tt("", p("begin=\"1s\" end=\"2s\"", "x")));
        assertEquals(List.of("bom", "extra-space"), codes(r));
        assertEquals(1, r.track().cues().size());
        assertTrue(r.track().origin().bom());
    }

    @Test
    void readsHtmlStyleTagsAsStylingWithWarning() {
        ParseResult r = read(tt("", p("begin=\"1s\" end=\"2s\"", "<i>slanted</i> <b>strong</b>")));
        Line line = r.track().cues().get(0).lines().get(0);
        assertEquals(new Run("slanted", Style.PLAIN.withItalic(true)), line.runs().get(0));
        assertEquals(new Run("strong", Style.PLAIN.withBold(true)), line.runs().get(2));
        assertEquals(2, r.problems().stream().filter(p -> p.code().equals("unknown-element")).count());
    }

    @Test
    void ignoresForeignMetadataInsideCaptions() {
        ParseResult r = read(tt("xmlns:x=\"urn:example\"", p("begin=\"1s\" end=\"2s\"", "a<x:note>secret</x:note>b"
                + "<metadata>also hidden</metadata>")));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("ab", r.track().cues().get(0).text());
    }

    @Test
    void keepsEmptyCaptionWithWarning() {
        ParseResult r = read(tt("", p("begin=\"1s\" end=\"2s\"", "  <br/> ")));
        assertEquals(1, r.track().cues().size());
        assertTrue(r.track().cues().get(0).lines().isEmpty());
        assertNull(r.track().cues().get(0).speaker());
        assertEquals(List.of("empty-cue"), codes(r));
    }

    static String resource(String path) throws IOException {
        try (InputStream in = TtmlReaderTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
