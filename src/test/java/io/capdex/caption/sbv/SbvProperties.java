package io.capdex.caption.sbv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Format;
import io.capdex.caption.Line;
import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.TimeSpan;
import io.capdex.caption.Track;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SbvProperties {
    private final SbvReader reader = new SbvReader();
    private final SbvWriter writer = new SbvWriter();

    /** Legal SBV tracks: ordered, non-empty, plain cues whose lines read back as text (SBV has no styling). */
    @Provide
    Arbitrary<Track> tracks() {
        Arbitrary<String> line = Arbitraries.strings().alpha().numeric().withChars(" ,.!?'\"-:;()[]&<>é漢ß")
                .withCharRange('\u00C0', '\u00FF').ofMinLength(1).ofMaxLength(30)
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.toLowerCase(Locale.ROOT).contains("[br]")
                        && TimingLine.classify(s) == null);
        Arbitrary<Cue> cue = Combinators.combine(Arbitraries.longs().between(0, 36_000_000L),
                Arbitraries.longs().between(1, 20_000), line.list().ofMinSize(1).ofMaxSize(3))
                .as((start, length, lines) -> new Cue(new TimeSpan(start, start + length), null,
                        lines.stream().map(Line::plain).toList(), null, List.of(), Map.of()));
        return cue.list().ofMinSize(1).ofMaxSize(12)
                .map(cues -> cues.stream().sorted(Comparator.comparingLong(Cue::startMs)).toList())
                .map(cues -> Track.of(Format.SBV, cues));
    }

    @Property(tries = 300)
    void writeThenReadGivesTheSameTrack(@ForAll("tracks") Track track) {
        ParseResult r = reader.read(writer.write(track));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(track.cues(), r.track().cues());
        assertEquals(track.language(), r.track().language());
    }

    @Property(tries = 200)
    void bomCrlfAndMissingFinalNewlineDoNotChangeCues(@ForAll("tracks") Track track) {
        String text = writer.write(track);
        List<Cue> cues = reader.read(text).track().cues();
        assertEquals(cues, reader.read("\uFEFF" + text).track().cues());
        assertEquals(cues, reader.read(text.replace("\n", "\r\n")).track().cues());
        assertEquals(cues, reader.read(text.replace("\n", "\r")).track().cues());
        assertEquals(cues, reader.read(text.substring(0, text.length() - 1)).track().cues());
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> token = Arbitraries.of("0:00:01.000", "0:00:02.5", "1:2:3", ",", " , ", "-->", "\n", "\n",
                "\r\n", "\r", " ", "\uFEFF", "\0", "[br]", "text", "0:61:00.000", "-0:00:01.000", "9999999999999:00:00",
                "12:", ".", ":", "é", "\t");
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

    /** Lines as an editor counts them: CR, LF and CRLF end one; at least 1. */
    static int lineCount(String s) {
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
