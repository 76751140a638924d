package io.capdex.caption.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VttCueSettingsTest {
    @Test
    void emptyMapGivesBrowserDefaults() {
        VttCueSettings s = VttCueSettings.of(Map.of());
        assertEquals(VttCueSettings.DEFAULTS, s);
        assertEquals("", s.vertical());
        assertTrue(s.snapToLines());
        assertNull(s.line());
        assertEquals("start", s.lineAlign());
        assertNull(s.position());
        assertEquals("auto", s.positionAlign());
        assertEquals(100, s.size());
        assertEquals("center", s.align());
        assertEquals(Map.of(), s.toMap());
    }

    @Test
    void ignoresInvalidValuesAndUnknownNames() {
        VttCueSettings s = VttCueSettings.of(Map.of("line", "1.", "size", "100.5%", "align", "middle",
                "vertical", "tb", "position", "-1%", "colour", "red"));
        assertEquals(VttCueSettings.DEFAULTS, s);
    }

    @Test
    void validatesLikeTheParser() {
        assertTrue(VttCueSettings.isValid("line", "-0.5"));
        assertTrue(VttCueSettings.isValid("line", "0%,end"));
        assertFalse(VttCueSettings.isValid("line", "-"));
        assertFalse(VttCueSettings.isValid("line", "1-2"));
        assertFalse(VttCueSettings.isValid("line", "1e2"));
        assertFalse(VttCueSettings.isValid("line", "1,middle"));
        assertFalse(VttCueSettings.isValid("line", "9".repeat(400)));
        assertTrue(VttCueSettings.isValid("position", "100%,line-right"));
        assertFalse(VttCueSettings.isValid("position", "50"));
        assertFalse(VttCueSettings.isValid("size", ".5%"));
        assertFalse(VttCueSettings.isValid("align", "start "));
        assertFalse(VttCueSettings.isValid("region", "a-->b"));
        assertEquals("3", VttCueSettings.accepted("line", "3,middle"));
        assertNull(VttCueSettings.accepted("line", "x,start"));
    }

    @Test
    void toMapWritesOnlyWhatDiffersFromDefaults() {
        VttCueSettings s = new VttCueSettings("lr", false, 12.5, "end", 0.0, "line-left", 33.0, "left", "r1");
        Map<String, String> m = s.toMap();
        assertEquals(Map.of("vertical", "lr", "line", "12.5%,end", "position", "0%,line-left", "size", "33%",
                "align", "left", "region", "r1"), m);
        assertEquals(s, VttCueSettings.of(m));
    }

    @Test
    void regionSettingsDefaultsAndValues() {
        assertEquals(VttRegionSettings.DEFAULTS, VttRegionSettings.of(Map.of("lines", "-1", "scroll", "down",
                "width", "101%", "regionanchor", "10%")));
        assertEquals(new VttRegionSettings(50, 2, 10, 20, 30, 40, "up"), VttRegionSettings.of(Map.of("width", "50%",
                "lines", "2", "regionanchor", "10%,20%", "viewportanchor", "30%,40%", "scroll", "up")));
    }
}
