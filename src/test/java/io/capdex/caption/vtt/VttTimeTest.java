package io.capdex.caption.vtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VttTimeTest {
    @Test
    void formatsWithTwoDigitHoursAndMoreAbove99() {
        assertEquals("00:00:00.000", VttTime.format(0));
        assertEquals("01:02:03.004", VttTime.format(3_723_004));
        assertEquals("100:00:00.000", VttTime.format(360_000_000));
        assertEquals("1234:59:59.999", VttTime.format(1234L * 3_600_000 + 3_599_999));
        assertThrows(IllegalArgumentException.class, () -> VttTime.format(-1));
    }

    @Test
    void parsesBothForms() {
        assertEquals(OptionalLong.of(61_500), VttTime.parse("01:01.500"));
        assertEquals(OptionalLong.of(3_661_500), VttTime.parse("01:01:01.500"));
        assertEquals(OptionalLong.of(3_661_500), VttTime.parse("1:01:01.500"));
        assertEquals(OptionalLong.of(360_000_000), VttTime.parse("100:00:00.000"));
        // three digits in the first field make it hours, as the spec says
        assertEquals(OptionalLong.of(0), VttTime.parse("000:00:00.000"));
    }

    @Test
    void rejectsWhatTheSpecRejects() {
        for (String bad : new String[] {"", "1:01.500", "01:01", "01:01.50", "01:01.5000", "01:60.000", "60:00.000",
            "00:60:00.000", "01:01,500", " 01:01.500", "01:01.500 ", "00::00.000", "-01:00.000",
            "99999999999:00:00.000"}) {
            assertTrue(VttTime.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void formatThenParseIsIdentity() {
        for (long ms : new long[] {0, 1, 999, 59_999, 3_599_999, 3_600_000, 359_999_999, 360_000_000,
            VttTime.MAX_HOURS * 3_600_000 + 3_599_999}) {
            assertEquals(OptionalLong.of(ms), VttTime.parse(VttTime.format(ms)));
        }
    }
}
