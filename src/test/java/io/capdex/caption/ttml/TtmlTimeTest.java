package io.capdex.caption.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TtmlTimeTest {
    private static final TtmlTime.Rates DEFAULTS = TtmlTime.Rates.defaults();

    @Test
    void formatsWithTwoDigitHoursAndMilliseconds() {
        assertEquals("00:00:00.000", TtmlTime.format(0));
        assertEquals("01:02:03.004", TtmlTime.format(3_723_004));
        assertEquals("100:00:00.000", TtmlTime.format(360_000_000));
        assertThrows(IllegalArgumentException.class, () -> TtmlTime.format(-1));
    }

    @Test
    void parsesEveryForm() {
        assertEquals(OptionalLong.of(3_723_456), TtmlTime.parse("01:02:03.456", DEFAULTS));
        assertEquals(OptionalLong.of(1_500), TtmlTime.parse("00:00:01:15", DEFAULTS));
        assertEquals(OptionalLong.of(12_300), TtmlTime.parse("12.3s", DEFAULTS));
        assertEquals(OptionalLong.of(1_500), TtmlTime.parse("1500ms", DEFAULTS));
        assertEquals(OptionalLong.of(150_000), TtmlTime.parse("2.5m", DEFAULTS));
        assertEquals(OptionalLong.of(3_600_000), TtmlTime.parse("1h", DEFAULTS));
        assertEquals(OptionalLong.of(3_333), TtmlTime.parse("100f", DEFAULTS));
        assertEquals(OptionalLong.of(1), TtmlTime.parse("10t", new TtmlTime.Rates(30, 1, 10_000)));
    }

    @Test
    void reportsTolerancesAndRejectsNonsense() {
        assertEquals("',' as the decimal separator", TtmlTime.read("00:00:01,500", DEFAULTS).tolerance());
        assertEquals(1_500, TtmlTime.read("00:00:01,500", DEFAULTS).ms());
        assertEquals("no unit, read as seconds", TtmlTime.read("2.5", DEFAULTS).tolerance());
        for (String bad : new String[] {"", "abc", "1x", "-1s", "00:61:00", "00:00:01:45", "1..2s", "00:00:01.5:10",
                "1:2", "99999999999999999999h"}) {
            assertTrue(TtmlTime.parse(bad, DEFAULTS).isEmpty(), bad);
        }
    }
}
