package io.capdex.caption.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Severity;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    private final JsonReader reader = new JsonReader();
    private final JsonWriter writer = new JsonWriter();

    private static List<String> codes(ParseResult r) {
        return r.problems().stream().map(ParseProblem::code).toList();
    }

    @Test
    void readsBackEverythingTheWriterWrites() throws IOException {
        Line styled = new Line(List.of(new Run("a", new Style(true, false, true, "#fff000", "Bo", List.of("x", "y"),
                "fr")), Run.plain(" b")));
        Track t = new Track("pt-BR", Source.MT, List.of(
                new Cue(new TimeSpan(0, 10), "one", List.of(styled, Line.plain("c")), "Ana",
                        List.of(new Word(0, 5, "a")), Map.of("line", "0", "align", "start")),
                Cue.of(20, 30, "plain")),
                List.of(new Region("r1", Map.of("width", "40%"))), List.of("::cue { color: red }"),
                new Origin(Format.VTT, "UTF-16LE", true, "CRLF"));
        List<ParseProblem> problems = List.of(ParseProblem.of(3, ProblemCode.BAD_SETTING, "x"));
        StringBuilder sb = new StringBuilder();
        writer.write(t, problems, sb);
        JsonView view = reader.readView(sb);
        assertTrue(view.result().isClean(), () -> view.result().problems().toString());
        assertEquals(t, view.result().track());
        assertEquals(problems, view.recorded());
    }

    @Test
    void readsTheMinimalDesignShape() {
        ParseResult r = reader.read("{\"format\":\"sbv\",\"encoding\":\"UTF-8\",\"language\":\"es\",\"cues\":["
                + "{\"startMs\":5,\"endMs\":9,\"text\":\"hola\\nmundo\"}]}");
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(Format.SBV, r.track().origin().format());
        assertEquals("es", r.track().language());
        assertEquals(List.of(Cue.of(5, 9, "hola\nmundo")), r.track().cues());
    }

    @Test
    void takesBomAndLineEndingsFromTheRecordedOriginElseFromTheViewItself() {
        ParseResult recorded = reader.read("\uFEFF{\"bom\":false,\"lineEndings\":\"CRLF\",\"cues\":[]}");
        assertEquals(false, recorded.track().origin().bom());
        assertEquals("CRLF", recorded.track().origin().lineEndings());
        ParseResult bare = reader.read("\uFEFF{\"cues\":[]}\n");
        assertEquals(true, bare.track().origin().bom());
        assertEquals("LF", bare.track().origin().lineEndings());
        assertEquals(List.of("bom"), codes(bare));
    }

    @Test
    void ignoresUnknownFields() {
        ParseResult r = reader.read("{\"future\":{\"a\":[1,2]},\"cues\":[{\"startMs\":1,\"endMs\":2,"
                + "\"lines\":[\"x\"],\"confidence\":0.9}]}");
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals("x", r.track().cues().get(0).text());
    }

    @Test
    void skipsCuesWithBadTimingAtTheirLine() {
        ParseResult r = reader.read("{\"cues\":[\n{\"startMs\":1,\"endMs\":2,\"text\":\"a\"},\n"
                + "{\"startMs\":\"x\",\"endMs\":2,\"text\":\"b\"},\n{\"startMs\":5,\"endMs\":4,\"text\":\"c\"},\n"
                + "{\"startMs\":1.5,\"endMs\":4,\"text\":\"d\"}\n]}");
        assertEquals(List.of("a"), r.track().cues().stream().map(Cue::text).toList());
        assertEquals(List.of("bad-timing", "end-before-start", "bad-timing"), codes(r));
        assertEquals(List.of(3, 4, 5), r.problems().stream().map(ParseProblem::line).toList());
        assertEquals(Severity.ERROR, r.problems().get(0).severity());
    }

    /** The parser reports the end of "{\n" on line 2; the file has one line, so the problem is on line 1. */
    @Test
    void aFileCutShortAfterALineEndHasItsProblemOnItsLastLine() {
        assertEquals(1, reader.read("{\n").problems().get(0).line());
        assertEquals(2, reader.read("{\r\n\r\n").problems().get(0).line());
        assertEquals(2, reader.read("{\n ").problems().get(0).line()); // the second line has a space
    }

    @Test
    void reportsMalformedJsonAndKeepsEarlierCues() {
        ParseResult r = reader.read("{\"cues\":[\n{\"startMs\":1,\"endMs\":2,\"text\":\"a\"},\n{\"startMs\":3,");
        assertEquals(1, r.track().cues().size());
        assertEquals(List.of("bad-json"), codes(r));
        assertEquals(3, r.problems().get(0).line());
    }

    @Test
    void reportsDocumentsOfTheWrongShape() {
        assertEquals(List.of("bad-json"), codes(reader.read("[1,2]")));
        assertEquals(List.of("bad-json"), codes(reader.read("{\"cues\":{}}")));
        assertEquals(List.of("empty-file"), codes(reader.read(" ")));
        assertEquals(List.of("bad-json"), codes(reader.read("WEBVTT\n")));
    }

    @Test
    void fallsBackToPlainLinesWhenStyledLinesAreBroken() {
        ParseResult r = reader.read("{\"cues\":[{\"startMs\":1,\"endMs\":2,\"lines\":[\"ok\"],"
                + "\"styledLines\":[[{\"italic\":true}]]}]}");
        assertEquals("ok", r.track().cues().get(0).text());
        assertEquals(List.of("bad-json"), codes(r));
    }
}
