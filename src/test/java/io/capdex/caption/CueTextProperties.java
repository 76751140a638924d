package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link CueText#rate} prints what {@code String.format} would, which it replaced for speed. */
class CueTextProperties {
    /** The replaced code, as the oracle. */
    static String formatted(double value, double limit) {
        String one = String.format(Locale.ROOT, "%.1f", value);
        if (value > limit && Double.parseDouble(one) <= limit) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return one;
    }

    @Property(tries = 20_000)
    void ratesPrintAsTheFormatterPrintsThem(@ForAll("rates") double value, @ForAll("limits") double limit) {
        assertEquals(formatted(value, limit), CueText.rate(value, limit), value + " against " + limit);
    }

    @Provide
    Arbitrary<Double> rates() {
        // rates as QC computes them (characters or words over seconds), and decimals that end in 5, where
        // half-up rounding of the shortest form and of the binary value part ways
        Arbitrary<Double> quotients = Arbitraries.integers().between(0, 5_000)
                .flatMap(n -> Arbitraries.integers().between(1, 60_000).map(ms -> n * 1000.0 / ms));
        Arbitrary<Double> fives = Arbitraries.integers().between(0, 100_000).map(k -> k / 100.0 + 0.005);
        Arbitrary<Double> halves = Arbitraries.integers().between(-2_000, 2_000).map(k -> k / 20.0);
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e6, 1e9);
        return Arbitraries.oneOf(quotients, fives, halves, any);
    }

    @Provide
    Arbitrary<Double> limits() {
        return Arbitraries.oneOf(Arbitraries.of(17.0, 20.0, 180.0, 160.0, 15.5),
                Arbitraries.doubles().between(0, 400).ofScale(2));
    }
}
