package io.capdex.caption.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ProblemCode;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonWriter writer = new JsonWriter();

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Track sample() {
        Line styled = new Line(List.of(Run.plain("so "), new Run("loud", Style.PLAIN.withBold(true).withColor("red"))));
        Cue plain = new Cue(new TimeSpan(1000, 2500), null, List.of(Line.plain("Hello"), Line.plain("there")), null,
                List.of(new Word(1000, 1400, "Hello"), new Word(1500, 2500, "there")), Map.of());
        Cue fancy = new Cue(new TimeSpan(3000, 4000), "c2", List.of(styled), "Dr. Ada", List.of(),
                Map.of("line", "0", "align", "start"));
        return new Track("en", io.capdex.caption.Source.EDITED, List.of(plain, fancy), List.of(), List.of(),
                new Origin(Format.SRT, "windows-1252", true, "CRLF"));
    }

    @Test
    void writesTheDesignShapeWithExactFieldNames() throws IOException {
        StringBuilder sb = new StringBuilder();
        writer.write(sample(), List.of(ParseProblem.of(7, ProblemCode.MISSING_INDEX, "cue has no number; kept")), sb);
        JsonNode root = MAPPER.readTree(sb.toString());
        assertEquals(List.of("format", "encoding", "language", "source", "bom", "lineEndings", "cues", "regions",
                "styles", "problems"), fieldNames(root));
        assertEquals("srt", root.get("format").asText());
        assertEquals("windows-1252", root.get("encoding").asText());
        assertEquals("en", root.get("language").asText());
        JsonNode cue = root.get("cues").get(0);
        assertEquals(List.of("startMs", "endMs", "text", "lines", "speaker", "words", "settings", "id"),
                fieldNames(cue));
        assertEquals(1000, cue.get("startMs").asLong());
        assertTrue(cue.get("startMs").isIntegralNumber());
        assertEquals(2500, cue.get("endMs").asLong());
        assertEquals("Hello\nthere", cue.get("text").asText());
        assertEquals("[\"Hello\",\"there\"]", cue.get("lines").toString());
        assertTrue(cue.get("speaker").isNull());
        assertEquals(List.of("startMs", "endMs", "text"), fieldNames(cue.get("words").get(0)));
        assertEquals("{\"startMs\":1000,\"endMs\":1400,\"text\":\"Hello\"}", cue.get("words").get(0).toString());
        assertEquals("{}", cue.get("settings").toString());
        JsonNode problem = root.get("problems").get(0);
        assertEquals(List.of("line", "severity", "code", "message"), fieldNames(problem));
        assertEquals("{\"line\":7,\"severity\":\"warning\",\"code\":\"missing-index\","
                + "\"message\":\"cue has no number; kept\"}", problem.toString());
    }

    @Test
    void addsStyledLinesOnlyForCuesWithStyling() throws IOException {
        JsonNode cues = MAPPER.readTree(writer.write(sample())).get("cues");
        assertFalse(cues.get(0).has("styledLines"));
        JsonNode fancy = cues.get(1);
        assertEquals("Dr. Ada", fancy.get("speaker").asText());
        assertEquals("c2", fancy.get("id").asText());
        assertEquals(MAPPER.readTree("{\"line\":\"0\",\"align\":\"start\"}"), fancy.get("settings"));
        JsonNode runs = fancy.get("styledLines").get(0);
        assertEquals(2, runs.size());
        assertEquals(List.of("text", "italic", "bold", "underline", "color", "voice", "classes", "lang"),
                fieldNames(runs.get(1)));
        assertEquals("{\"text\":\"loud\",\"italic\":false,\"bold\":true,\"underline\":false,\"color\":\"red\","
                + "\"voice\":null,\"classes\":[],\"lang\":null}", runs.get(1).toString());
        assertEquals("so ", runs.get(0).get("text").asText());
    }

    @Test
    void writesProblemsToAString() throws IOException {
        String out = writer.write(Track.of(Format.SBV, List.of()), List.of(ParseProblem.of(0, ProblemCode.BOM, "b")));
        assertEquals("bom", MAPPER.readTree(out).get("problems").get(0).get("code").asText());
        assertEquals(0, MAPPER.readTree(out).get("problems").get(0).get("line").asInt());
    }

    @Test
    void writesEmptyProblemsThroughTheCaptionWriterMethod() throws IOException {
        JsonNode root = MAPPER.readTree(writer.write(Track.of(Format.SBV, List.of())));
        assertEquals("[]", root.get("problems").toString());
        assertEquals("[]", root.get("cues").toString());
        assertEquals("und", root.get("language").asText());
    }

    @Test
    void writesIndentedJsonWithChosenNewlines() {
        String lf = writer.write(sample());
        assertTrue(lf.startsWith("{\n  \"format\": \"srt\",\n  \"encoding\": \"windows-1252\",\n"), lf);
        assertTrue(lf.endsWith("}\n"));
        assertFalse(lf.contains("\r"));
        String crlf = writer.write(sample(), WriteOptions.defaults().withCrlf(true));
        assertEquals(lf.replace("\n", "\r\n"), crlf);
    }

    @Test
    void writesIntoAWriterWithoutClosingIt() throws IOException {
        StringWriter w = new StringWriter();
        writer.write(sample(), List.of(), w);
        w.write("more");
        assertTrue(w.toString().endsWith("}\nmore"));
    }

    @Test
    void escapesTextAsJson() throws IOException {
        Track t = Track.of(Format.SRT, List.of(Cue.of(0, 1, "quote \" backslash \\ tab \t \u0001")));
        JsonNode cue = MAPPER.readTree(writer.write(t)).get("cues").get(0);
        assertEquals("quote \" backslash \\ tab \t \u0001", cue.get("text").asText());
    }
}
