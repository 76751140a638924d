package io.capdex.caption.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseResult;
import io.capdex.caption.RecordingAsciiOutput;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import io.capdex.caption.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The canonical writer. Golden files: src/test/resources/golden/vtt/CASE.vtt is read and written, and must
 * equal CASE.expected.vtt (run with -Dgolden.update=true to rewrite those, then review the diff).
 */
class VttWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/vtt");
    private final VttReader reader = new VttReader();
    private final VttWriter writer = new VttWriter();

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            inputs = files.filter(p -> p.toString().endsWith(".vtt") && !p.toString().endsWith(".expected.vtt"))
                    .sorted().toList();
        }
        assertTrue(inputs.size() >= 6, "golden inputs present");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path input : inputs) {
            tests.add(DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                String name = input.getFileName().toString();
                Path expectedFile = GOLDEN.resolve(name.substring(0, name.length() - 4) + ".expected.vtt");
                String written = writer.write(reader.read(Files.readString(input, StandardCharsets.UTF_8)).track());
                if (Boolean.getBoolean("golden.update")) {
                    Files.writeString(expectedFile, written, StandardCharsets.UTF_8);
                }
                String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
                assertEquals(expected, written);
                // canonical output is a fixed point, read back without problems
                ParseResult again = reader.read(expected);
                assertTrue(again.isClean(), again.problems()::toString);
                assertEquals(expected, writer.write(again.track()));
            }));
        }
        return tests.stream();
    }

    private static Cue cue(long start, long end, String text) {
        return Cue.of(start, end, text);
    }

    private static Track track(Cue... cues) {
        return Track.of(Format.VTT, List.of(cues));
    }

    @Test
    void laysOutPlainAsciiCuesAsBytesAndTheOthersAsText() throws IOException {
        Track t = Track.of(Format.VTT, List.of(Cue.of(1_000, 2_500, "What is remission?\n10 weeks - or more"),
                Cue.of(3_000, 4_000, "café"), Cue.of(5_000, 6_000, "a < b"), Cue.of(7_000, 8_000, "Ħ"),
                Cue.of(9_000, 10_000, "id").withId("c9"),
                Cue.of(11_000, 12_000, "top").withSettings(Map.of("line", "0")),
                Cue.of(13_000, 14_000, "Dr Ortiz").withSpeaker("Ortiz"),
                Cue.of(15_000, 16_000, "ok")));
        RecordingAsciiOutput out = new RecordingAsciiOutput();
        writer.write(t, out, WriteOptions.defaults());
        assertEquals(writer.write(t), out.text());
        // the first and the last: plain ASCII with nothing to escape, no id, settings or speaker
        assertEquals(2, out.byteAppends());
    }

    @Test
    void writesEmptyTrackAsSignatureOnly() {
        assertEquals("WEBVTT\n", writer.write(track()));
    }

    @Test
    void writesCanonicalLayout() {
        Track t = track(cue(0, 1500, "One"), cue(3_600_000L * 100, 3_600_000L * 100 + 1, "Two\nlines").withId("b"));
        assertEquals("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nOne\n\nb\n100:00:00.000 --> 100:00:00.001\nTwo\nlines\n",
                writer.write(t));
    }

    @Test
    void writesCrlfWhenAsked() {
        String out = writer.write(track(cue(0, 1000, "a\nb")), WriteOptions.defaults().withCrlf(true));
        assertEquals("WEBVTT\r\n\r\n00:00:00.000 --> 00:00:01.000\r\na\r\nb\r\n", out);
    }

    @Test
    void escapesMarkupCharactersAndNeverWritesArrowInText() {
        String out = writer.write(track(cue(0, 1000, "a --> b & <c>\u00A0\u200E\u200F")));
        assertTrue(out.endsWith("a --&gt; b &amp; &lt;c&gt;&nbsp;&lrm;&rlm;\n"), out);
        assertEquals("a --> b & <c>\u00A0\u200E\u200F", reader.read(out).track().cues().get(0).text());
    }

    @Test
    void neverWritesBlankLineInsideCue() {
        Cue c = new Cue(new TimeSpan(0, 1000), null, List.of(Line.plain("a"), Line.plain(""), Line.plain("b")), null,
                List.of(), Map.of());
        String out = writer.write(track(c));
        assertEquals("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na\nb\n", out);
        assertFalse(out.contains("\n\n\n"));
    }

    @Test
    void leavesOutIdsThatCannotBeWritten() {
        String out = writer.write(track(cue(0, 1000, "x").withId("a-->b"), cue(0, 1000, "y").withId("two\nlines")));
        assertEquals("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n\n00:00:00.000 --> 00:00:01.000\ny\n", out);
    }

    @Test
    void writesSpeakerAsVoicePrefix() {
        String out = writer.write(track(cue(0, 1000, "Hello\nthere").withSpeaker("Dr. Ruiz")));
        assertTrue(out.endsWith("\n<v Dr. Ruiz>Hello\nthere\n"), out);
        Cue back = reader.read(out).track().cues().get(0);
        assertEquals("Dr. Ruiz", back.speaker());
        assertEquals("Hello\nthere", back.text());
    }

    @Test
    void writesSettingsInCanonicalOrderAndDropsInvalidOnes() {
        Map<String, String> s = Map.of("align", "end", "region", "r", "line", "0", "vertical", "lr", "size", "40%",
                "position", "20%,line-right");
        Track t = new Track("en", Source.ASR, List.of(cue(0, 1000, "x").withSettings(s)),
                List.of(new Region("r", Map.of("lines", "2"))), List.of(), Origin.of(Format.VTT));
        String out = writer.write(t);
        assertTrue(out.contains("00:00:00.000 --> 00:00:01.000 vertical:lr line:0 position:20%,line-right size:40%"
                + " align:end region:r\n"), out);
        Track bad = track(cue(0, 1000, "x").withSettings(Map.of("align", "middle", "region", "nowhere", "color", "red")));
        assertTrue(writer.write(bad).contains("00:00:00.000 --> 00:00:01.000\nx\n"));
    }

    @Test
    void writesRegionsOneSettingPerLine() {
        Track t = new Track("en", Source.ASR, List.of(), List.of(new Region("top", Map.of("scroll", "up", "width", "50%")),
                new Region("", Map.of()), new Region("has space", Map.of()), new Region("x", Map.of("lines", "1")),
                new Region("x", Map.of("lines", "2"))), List.of(), Origin.of(Format.VTT));
        String out = writer.write(t);
        assertEquals("WEBVTT\n\nREGION\nid:top\nwidth:50%\nscroll:up\n\nREGION\nid:x\nlines:2\n", out);
        assertTrue(reader.read(out).isClean());
    }

    @Test
    void writesStyleBlocksWithoutBlankLines() {
        Track t = new Track("en", Source.ASR, List.of(), List.of(), List.of("::cue {\n\n color: red; }", "a --> b"),
                Origin.of(Format.VTT));
        assertEquals("WEBVTT\n\nSTYLE\n::cue {\n color: red; }\n", writer.write(t));
    }

    @Test
    void writesNamedColourAsClassAndOtherColoursThroughStyleBlock() {
        Line line = new Line(List.of(new Run("red", Style.PLAIN.withColor("red")), Run.plain(" "),
                new Run("amber", Style.PLAIN.withColor("#FF8800").withItalic(true)), Run.plain(" "),
                new Run("rgb", Style.PLAIN.withColor("rgb(1, 2, 3)"))));
        Track t = track(new Cue(new TimeSpan(0, 1000), null, List.of(line), null, List.of(), Map.of()));
        String out = writer.write(t);
        String hash = "c" + Integer.toHexString("rgb(1, 2, 3)".hashCode());
        assertEquals("WEBVTT\n\nSTYLE\n/* capdex: colours */\n::cue(.cff8800) { color: #FF8800; }\n::cue(." + hash
                + ") { color: rgb(1, 2, 3); }\n\n00:00:00.000 --> 00:00:01.000\n<c.red>red</c> <c.cff8800><i>amber</i>"
                + "</c> <c." + hash + ">rgb</c>\n", out);
        ParseResult back = reader.read(out);
        assertTrue(back.isClean(), back.problems()::toString);
        assertEquals(t.cues(), back.track().cues());
        assertEquals(List.of(), back.track().styles());
    }

    @Test
    void keepsTagsOpenAcrossRunsAndLines() {
        Line one = new Line(List.of(new Run("a", Style.PLAIN.withItalic(true)),
                new Run("b", Style.PLAIN.withItalic(true).withBold(true))));
        Line two = new Line(List.of(new Run("c", Style.PLAIN.withItalic(true)), Run.plain("d")));
        Cue c = new Cue(new TimeSpan(0, 1000), null, List.of(one, two), null, List.of(), Map.of());
        assertEquals("<i>a<b>b</b>\nc</i>d", writer.cueText(c));
    }

    @Test
    void writesWordTimingsAsInlineTimestamps() {
        Cue c = cue(1000, 3000, "so the doctor").withWords(List.of(new Word(1000, 1400, "so"),
                new Word(1400, 2000, "the"), new Word(2000, 3000, "doctor")));
        assertEquals("so <00:00:01.400>the <00:00:02.000>doctor", writer.cueText(c));
        assertEquals(c.words(), reader.read(writer.write(track(c))).track().cues().get(0).words());
    }

    @Test
    void marksWordTimedCueEvenWhenAllWordsStartWithTheCue() {
        Cue c = cue(1000, 2000, "a b").withWords(List.of(new Word(1000, 2000, "a"), new Word(1000, 2000, "b")));
        assertEquals("<00:00:01.000>a b", writer.cueText(c));
        assertEquals(c.words(), reader.read(writer.write(track(c))).track().cues().get(0).words());
    }

    @Test
    void leavesOutWordsNotInTheTextOrOutsideTheCue() {
        Cue c = cue(1000, 3000, "a b c").withWords(List.of(new Word(1500, 2000, "a"), new Word(5000, 6000, "b"),
                new Word(2000, 3000, "zzz"), new Word(2500, 3000, "c")));
        assertEquals("<00:00:01.500>a b c", writer.cueText(c));
        assertTrue(reader.read(writer.write(track(c))).isClean());
    }

    @Test
    void writesLangAndVoiceSpans() {
        Line line = new Line(List.of(new Run("Ana:", Style.PLAIN.withVoice("Ana")), Run.plain(" "),
                new Run("hola", Style.PLAIN.withLang("es").withVoice("Ben"))));
        Cue c = new Cue(new TimeSpan(0, 1000), null, List.of(line), null, List.of(), Map.of());
        assertEquals("<v Ana>Ana:</v> <lang es><v Ben>hola</v></lang>", writer.cueText(c));
        assertEquals(c, reader.read(writer.write(track(c))).track().cues().get(0));
    }

    @Test
    void writesNotesAfterTheHeaderAndReaderKeepsThem() {
        String out = writer.write(track(cue(0, 1000, "x")), List.of("AI-generated captions:\n\nmay contain errors",
                "second"), WriteOptions.defaults());
        assertEquals("WEBVTT\n\nNOTE AI-generated captions:\nmay contain errors\n\nNOTE second\n\n"
                + "00:00:00.000 --> 00:00:01.000\nx\n", out);
        assertEquals(List.of("AI-generated captions:\nmay contain errors", "second"), reader.parse(out).notes());
        assertTrue(reader.read(out).isClean());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> writer.write(track(), List.of("a --> b"), WriteOptions.defaults()));
    }
}
