package io.capdex.caption.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TtmlProperties {
    private final TtmlReader reader = new TtmlReader();
    private final TtmlWriter writer = new TtmlWriter();

    /**
     * Legal tracks of what TTML carries here: italic, bold, underline and colour (not white, the default), top or
     * bottom, speakers, any XML-legal text including markup characters and odd spacing.
     */
    @Provide
    Arbitrary<Track> tracks() {
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars(" \t<>&\"';:[]/é漢ß")
                .withCharRange('\u00C0', '\u00FF').ofMinLength(1).ofMaxLength(12);
        Arbitrary<Style> style = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of("", "red", "#00ff00", "yellow", "rgb(1,2,3)"))
                .as((i, b, u, c) -> new Style(i, b, u, c.isEmpty() ? null : c, null, List.of(), null));
        Arbitrary<Run> run = Combinators.combine(text, style).as(Run::new);
        Arbitrary<Line> line = run.list().ofMinSize(1).ofMaxSize(4).map(Line::new)
                .filter(l -> !l.text().isBlank());
        Arbitrary<Cue> cue = Combinators.combine(Arbitraries.longs().between(0, 360_000_000L),
                Arbitraries.longs().between(1, 20_000), line.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("", "Ana", "Dr. Bo & Co"), Arbitraries.of(true, false))
                .as((start, length, lines, speaker, top) -> new Cue(new TimeSpan(start, start + length), null, lines,
                        speaker.isEmpty() ? null : speaker, List.of(), top ? Map.of("line", "0") : Map.of()));
        return Combinators.combine(cue.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of("und", "en", "pt-BR", "de"))
                .as((cues, lang) -> Track.of(Format.TTML, cues).withLanguage(lang));
    }

    @Property(tries = 300)
    void writeThenReadGivesTheSameTrack(@ForAll("tracks") Track track) {
        ParseResult r = reader.read(writer.write(track));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(track.cues(), r.track().cues());
        assertEquals(track.language(), r.track().language());
    }

    @Property(tries = 100)
    void bomAndCrlfDoNotChangeCues(@ForAll("tracks") Track track) {
        String text = writer.write(track);
        List<Cue> cues = reader.read(text).track().cues();
        assertEquals(cues, reader.read("\uFEFF" + text).track().cues());
        assertEquals(cues, reader.read(text.replace("\n", "\r\n")).track().cues());
        assertEquals(cues, reader.read(text.strip()).track().cues());
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> token = Arbitraries.of("<?xml version=\"1.0\"?>", "<tt xmlns=\"http://www.w3.org/ns/ttml\">",
                "<tt>", "</tt>", "<body>", "</body>", "<div begin=\"1s\">", "</div>", "<p begin=\"1s\" end=\"2s\">",
                "<p begin=\"x\">", "<p dur=\"3f\">", "</p>", "<br/>", "<span tts:color=\"red\">", "</span>", "&nbsp;",
                "&", "&#0;", "<!DOCTYPE tt>", "<!-- c -->", "<![CDATA[x]]>", "\n", "\r\n", "\r", " ", "text", "\uFEFF",
                "<p begin=\"00:00:01:99\" end=\"-1s\">", "<styling><style xml:id=\"s\" style=\"s\"/></styling>");
        return Arbitraries.oneOf(token.list().ofMaxSize(30).map(l -> String.join("", l)),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    @Property(tries = 500)
    void lenientReadNeverThrowsAndReportsLinesInsideTheFile(@ForAll("junk") String text) {
        ParseResult r = reader.read(text);
        int lines = TtmlReader.countLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        for (ParseProblem p : r.problems()) {
            assertTrue(p.line() >= 1 && p.line() <= lines, () -> p + " outside 1.." + lines);
        }
    }
}
