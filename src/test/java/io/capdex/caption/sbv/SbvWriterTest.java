package io.capdex.caption.sbv;

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

class SbvWriterTest {
    private final SbvWriter writer = new SbvWriter();

    @Test
    void writesCanonicalSbv() {
        Track t = Track.of(Format.SRT, List.of(Cue.of(1000, 3500, "Hello\nthere"), Cue.of(3_723_004, 3_725_000, "Bye")));
        assertEquals("0:00:01.000,0:00:03.500\nHello\nthere\n\n1:02:03.004,1:02:05.000\nBye\n", writer.write(t));
    }

    @Test
    void writesCrlfWhenAsked() {
        Track t = Track.of(Format.SBV, List.of(Cue.of(0, 1, "a"), Cue.of(2, 3, "b")));
        assertEquals("0:00:00.000,0:00:00.001\r\na\r\n\r\n0:00:00.002,0:00:00.003\r\nb\r\n",
                writer.write(t, WriteOptions.defaults().withCrlf(true)));
    }

    @Test
    void dropsStylesAndSettings() {
        Line styled = new Line(List.of(new Run("loud", Style.PLAIN.withBold(true)), Run.plain(" and "),
                new Run("slanted", Style.PLAIN.withItalic(true).withColor("red"))));
        Cue c = new Cue(new TimeSpan(0, 1000), "id1", List.of(styled), null, List.of(), Map.of("line", "0"));
        assertEquals("0:00:00.000,0:00:01.000\nloud and slanted\n", writer.write(Track.of(Format.VTT, List.of(c))));
    }

    @Test
    void writesSpeakerAsPrefixAndSkipsEmptyLines() {
        Cue c = Cue.of(0, 1000, "Hello\n\nworld").withSpeaker("Dr. Ada");
        assertEquals("0:00:00.000,0:00:01.000\nDr. Ada: Hello\nworld\n", writer.write(Track.of(Format.VTT, List.of(c))));
    }

    @Test
    void writesNothingForEmptyTrack() {
        assertEquals("", writer.write(Track.of(Format.SBV, List.of())));
    }

    @Test
    void readsBackWhatItWrites() {
        Track t = Track.of(Format.SBV, List.of(Cue.of(0, 900, "a"), Cue.of(1000, 2000, "b\nc"),
                Cue.of(36_000_000L, 36_000_001L, "late")));
        ParseResult r = new SbvReader().read(writer.write(t));
        assertTrue(r.isClean(), () -> r.problems().toString());
        assertEquals(t.cues(), r.track().cues());
    }
}
