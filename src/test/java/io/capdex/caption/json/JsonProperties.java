package io.capdex.caption.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.Origin;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.Region;
import io.capdex.caption.Run;
import io.capdex.caption.Severity;
import io.capdex.caption.Source;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import io.capdex.caption.Word;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonProperties {
    private final JsonReader reader = new JsonReader();
    private final JsonWriter writer = new JsonWriter();

    private static Arbitrary<String> text() {
        // anything but line breaks, which runs cannot hold; control characters and quotes included
        return Arbitraries.strings().withCharRange('\u0000', '\u00FF').withChars("漢€\uD83D\uDE00")
                .ofMaxLength(10).filter(s -> s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && !hasLoneSurrogate(s));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static <T> Arbitrary<T> nullable(Arbitrary<T> a) {
        return a.injectNull(0.4);
    }

    /** Any legal track: the JSON view carries the whole model. */
    @Provide
    Arbitrary<Track> tracks() {
        Arbitrary<Style> style = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), nullable(text()), nullable(text()), text().list().ofMaxSize(2),
                nullable(Arbitraries.of("en", "fr")))
                .as(Style::new);
        Arbitrary<Run> run = Combinators.combine(text().filter(s -> !s.isEmpty()), style).as(Run::new);
        Arbitrary<Line> line = run.list().ofMaxSize(3).map(Line::new);
        Arbitrary<Word> word = Combinators.combine(Arbitraries.longs().between(0, 1000),
                Arbitraries.longs().between(0, 1000), text()).as((s, d, t) -> new Word(s, s + d, t));
        Arbitrary<Map<String, String>> settings = Arbitraries.maps(Arbitraries.of("line", "align", "position",
                "size", "region"), text()).ofMaxSize(3);
        Arbitrary<Cue> cue = Combinators.combine(Arbitraries.longs().between(0, 1L << 40),
                Arbitraries.longs().between(0, 100_000), nullable(text()), line.list().ofMaxSize(3),
                nullable(text()), word.list().ofMaxSize(3), settings)
                .as((start, length, id, lines, speaker, words, set) -> new Cue(new TimeSpan(start, start + length), id,
                        lines, speaker, words, set));
        Arbitrary<Origin> origin = Combinators.combine(Arbitraries.of(Format.SRT, Format.VTT, Format.SBV,
                Format.TTML, Format.JSON), Arbitraries.of("UTF-8", "windows-1252"), Arbitraries.of(true, false),
                Arbitraries.of("LF", "CRLF", "none")).as(Origin::new);
        Arbitrary<Region> region = Combinators.combine(text(), settings).as(Region::new);
        return Combinators.combine(Arbitraries.of("und", "en", "pt-BR"), Arbitraries.of(Source.values()),
                cue.list().ofMaxSize(6), region.list().ofMaxSize(2), text().list().ofMaxSize(2), origin)
                .as(Track::new);
    }

    @Provide
    Arbitrary<List<ParseProblem>> problems() {
        return Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.of(Severity.values()),
                Arbitraries.of("bad-timing", "bom"), text()).as(ParseProblem::new).list().ofMaxSize(3);
    }

    @Property(tries = 300)
    void writeThenReadGivesTheSameTrackAndProblems(@ForAll("tracks") Track track,
                                                   @ForAll("problems") List<ParseProblem> problems) throws Exception {
        StringBuilder sb = new StringBuilder();
        writer.write(track, problems, sb);
        JsonView view = reader.readView(sb);
        assertTrue(view.result().isClean(), () -> view.result().problems().toString());
        assertEquals(track, view.result().track());
        assertEquals(problems, view.recorded());
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"cues\"", "\"startMs\"", "\"endMs\"",
                "\"lines\"", "\"styledLines\"", "\"words\"", "1", "-1", "1.5", "null", "true", "\"x\"", "\n", "\r\n",
                "\r", " ", "\uFEFF", "\"problems\"", "\"settings\"", "1e999");
        return Arbitraries.oneOf(token.list().ofMaxSize(40).map(l -> String.join("", l)),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    @Property(tries = 500)
    void lenientReadNeverThrowsAndReportsLinesInsideTheFile(@ForAll("junk") String text) {
        ParseResult r = reader.read(text);
        int lines = lineCount(text);
        for (ParseProblem p : r.problems()) {
            assertTrue(p.line() >= 1 && p.line() <= lines, () -> p + " outside 1.." + lines);
        }
    }

    private static int lineCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        boolean open = !s.isEmpty() && s.charAt(s.length() - 1) != '\n' && s.charAt(s.length() - 1) != '\r';
        return Math.max(1, open ? n + 1 : n);
    }
}
