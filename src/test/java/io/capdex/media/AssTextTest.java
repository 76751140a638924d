package io.capdex.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capdex.caption.Cue;
import io.capdex.caption.Line;
import io.capdex.caption.Run;
import io.capdex.caption.Style;
import io.capdex.caption.TimeSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssTextTest {
    @Test
    void writesDialogueFieldsLineBreaksAndTopPosition() {
        Cue cue = Cue.of(0, 1_000, "first\nsecond").withSettings(Map.of("line", "0"));
        assertEquals("3,0,Default,,0,0,0,,{\\an8}first\\Nsecond", AssText.dialogue(3, cue));
    }

    @Test
    void writesStylesAsOverrides() {
        Cue cue = new Cue(new TimeSpan(0, 1), null, List.of(new Line(List.of(Run.plain("a "),
                new Run("b", Style.PLAIN.withItalic(true).withBold(true))))), null, List.of(), Map.of());
        assertEquals("1,0,Default,,0,0,0,,a {\\i1}{\\b1}b{\\b0}{\\i0}", AssText.dialogue(1, cue));
    }

    @Test
    void keepsMarkupLookalikesLiteral() {
        Cue cue = Cue.of(0, 1, "C:\\new {\\an5} \\h, ok");
        String dialogue = AssText.dialogue(1, cue);
        AssText.Parsed parsed = AssText.parse(dialogue, true);
        assertEquals(List.of("C:\\new {\\an5} \\h, ok"), parsed.lines());
        assertFalse(parsed.top());
    }

    @Test
    void parsesDecoderOutput() {
        // What FFmpeg's SubRip decoder hands back: escaped braces and backslashes, \N breaks, overrides.
        AssText.Parsed parsed = AssText.parse("0,0,Default,,0,0,0,,{\\an8}{\\i1}Hi{\\i0}, a\\{b\\}\\\\c\\Nline 2", true);
        assertEquals(List.of("Hi, a{b}\\c", "line 2"), parsed.lines());
        assertTrue(parsed.top());
    }

    @Test
    void recognisesTopSettings() {
        assertTrue(AssText.isTop(Cue.of(0, 1, "x").withSettings(Map.of("line", "0"))));
        assertTrue(AssText.isTop(Cue.of(0, 1, "x").withSettings(Map.of("line", "0%"))));
        assertFalse(AssText.isTop(Cue.of(0, 1, "x").withSettings(Map.of("line", "-1"))));
        assertFalse(AssText.isTop(Cue.of(0, 1, "x")));
    }
}
