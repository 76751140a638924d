package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link ClockTime} writes what {@code String.format} would: hours padded to the minimum, then mm:ss, then ms. */
class ClockTimeProperties {
    @Property(tries = 20_000)
    void writesWhatTheFormatterWrites(@ForAll("times") long ms, @ForAll @IntRange(min = 1, max = 2) int minHourDigits,
                                      @ForAll("separators") char separator) {
        String expected = String.format(Locale.ROOT, minHourDigits >= 2 ? "%02d:%02d:%02d%c%03d" : "%d:%02d:%02d%c%03d",
                ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
        StringBuilder sb = new StringBuilder("x");
        ClockTime.appendTo(sb, ms, minHourDigits, separator);
        assertEquals("x" + expected, sb.toString(), Long.toString(ms));
        assertEquals(expected, ClockTime.format(ms, minHourDigits, separator));
        AsciiBuffer bytes = new AsciiBuffer();
        bytes.append("x").appendTime(ms, minHourDigits, separator);
        assertEquals("x" + expected, bytes.toString(), Long.toString(ms));
    }

    @Provide
    Arbitrary<Long> times() {
        // around the hour widths (9 h, 10 h, 99 h, 100 h, 1,000 h), anywhere up to 2,000 hours, and around the
        // largest int (596 h 31 min), above which the times are computed in longs
        Arbitrary<Long> near = Arbitraries.of(9L, 10L, 99L, 100L, 999L, 1_000L).flatMap(h ->
                Arbitraries.longs().between(-5_000, 5_000).map(d -> Math.max(0, h * 3_600_000 + d)));
        Arbitrary<Long> intEdge = Arbitraries.longs().between(-5_000, 5_000).map(d -> Integer.MAX_VALUE + d);
        return Arbitraries.oneOf(near, intEdge, Arbitraries.longs().between(0, 2_000L * 3_600_000),
                Arbitraries.of(0L, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(',', '.');
    }
}
