package io.capdex.caption.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.WriteOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TtmlWriterTest {
    private final TtmlWriter writer = new TtmlWriter();
    private final TtmlReader reader = new TtmlReader();

    private static String body(String ttml) {
        int from = ttml.indexOf("<div>") + "<div>".length();
        return ttml.substring(from, ttml.indexOf("</div>")).strip();
    }

    @Test
    void writesCanonicalDocument() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(1000, 2500, "Hello\nworld"))).withLanguage("en");
        String out = writer.write(t);
        assertTrue(out.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\""),
                out);
        assertTrue(out.contains("xmlns:tts=\"http://www.w3.org/ns/ttml#styling\""), out);
        assertTrue(out.contains(" xml:lang=\"en\">"), out);
        assertTrue(out.contains("<region xml:id=\"bottom\""), out);
        assertTrue(out.contains("<region xml:id=\"top\""), out);
        assertEquals("<p begin=\"00:00:01.000\" end=\"00:00:02.500\" region=\"bottom\">Hello<br/>world</p>", body(out));
        assertTrue(out.endsWith("</tt>\n"));
    }

    @Test
    void writesStylesAsSpans() {
        Line line = new Line(List.of(Run.plain("a "), new Run("b", Style.PLAIN.withItalic(true).withBold(true)),
                new Run("c", Style.PLAIN.withUnderline(true).withColor("#00ff00"))));
        Cue c = new Cue(new TimeSpan(0, 1000), null, List.of(line), null, List.of(), Map.of());
        assertEquals("<p begin=\"00:00:00.000\" end=\"00:00:01.000\" region=\"bottom\">a <span tts:fontStyle=\"italic\""
                + " tts:fontWeight=\"bold\">b</span><span tts:textDecoration=\"underline\" tts:color=\"#00ff00\">c</span></p>",
                body(writer.write(Track.of(Format.VTT, List.of(c)))));
    }

    @Test
    void writesTopCuesIntoTopRegion() {
        Cue top = Cue.of(0, 1000, "up").withSettings(Map.of("line", "0"));
        Cue percent = Cue.of(0, 1000, "up").withSettings(Map.of("line", "10%"));
        Cue bottom = Cue.of(0, 1000, "down").withSettings(Map.of("line", "-1"));
        String out = body(writer.write(Track.of(Format.VTT, List.of(top, percent, bottom))));
        assertEquals(2, out.split("region=\"top\"", -1).length - 1, out);
        assertEquals(1, out.split("region=\"bottom\"", -1).length - 1, out);
    }

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotHold() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 1000, "<b> & \"q\" \u0001x"))).withLanguage("x\"y");
        String out = writer.write(t);
        assertEquals("<p begin=\"00:00:00.000\" end=\"00:00:01.000\" region=\"bottom\">&lt;b&gt; &amp; \"q\" x</p>",
                body(out));
        assertTrue(out.contains("xml:lang=\"x&quot;y\""));
        ParseResult r = reader.read(out);
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("<b> & \"q\" x", r.track().cues().get(0).text());
    }

    @Test
    void writesEmptyLanguageForUndetermined() {
        String out = writer.write(Track.of(Format.SRT, List.of()));
        assertTrue(out.contains(" xml:lang=\"\">"), out);
    }

    @Test
    void preservesSpacesTheReaderWouldCollapse() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 1000, " two  spaces ")));
        String out = writer.write(t);
        assertTrue(body(out).contains("xml:space=\"preserve\""), out);
        assertEquals(" two  spaces ", reader.read(out).track().cues().get(0).text());
    }

    @Test
    void writesSpeakersAsAgentsAndAlignment() {
        Track t = Track.of(Format.VTT, List.of(Cue.of(0, 1000, "hi").withSpeaker("Ana & Bo"),
                Cue.of(1000, 2000, "yo").withSettings(Map.of("align", "left"))));
        String out = writer.write(t);
        assertTrue(out.contains("<ttm:agent xml:id=\"speaker1\" type=\"person\"><ttm:name>Ana &amp; Bo</ttm:name>"), out);
        ParseResult r = reader.read(out);
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("Ana & Bo", r.track().cues().get(0).speaker());
        assertEquals(Map.of("align", "left"), r.track().cues().get(1).settings());
    }

    @Test
    void writesDescriptionIntoHeadMetadata() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 1000, "a")));
        String out = writer.withDescription("AI captions <may> be wrong").write(t);
        assertTrue(out.contains("<metadata>\n      <ttm:desc>AI captions &lt;may&gt; be wrong</ttm:desc>"), out);
        assertTrue(!writer.write(t).contains("ttm:desc"));
        ParseResult r = reader.read(out);
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(t.cues(), r.track().cues());
    }

    @Test
    void writesCrlfWhenAsked() {
        String out = writer.write(Track.of(Format.SRT, List.of(Cue.of(0, 1, "a"))), WriteOptions.defaults().withCrlf(true));
        assertEquals(out.split("\n", -1).length - 1, out.split("\r\n", -1).length - 1);
    }

    @Test
    void readsBackStyledTopAndBottomCues() {
        Line styled = new Line(List.of(new Run("it", Style.PLAIN.withItalic(true)), Run.plain(" plain "),
                new Run("red", Style.PLAIN.withColor("red").withBold(true))));
        Track t = Track.of(Format.TTML, List.of(
                new Cue(new TimeSpan(0, 1500), null, List.of(styled, Line.plain("second")), null, List.of(), Map.of()),
                new Cue(new TimeSpan(1500, 3_600_000), null, List.of(Line.plain("top")), null, List.of(),
                        Map.of("line", "0")))).withLanguage("de");
        ParseResult r = reader.read(writer.write(t));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(t.cues(), r.track().cues());
        assertEquals("de", r.track().language());
    }
}
