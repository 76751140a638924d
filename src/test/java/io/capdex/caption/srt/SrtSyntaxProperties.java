package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The timing-line test is written for speed (a canonical line is answered at once); it must say what the rule says. */
class SrtSyntaxProperties {

    /** The rule, written plainly: a digit (or '-' and a digit) first, then a dash and '>' within 64 characters. */
    private static boolean timingLike(String s) {
        int p = 0;
        while (p < s.length() && SrtSyntax.isSpace(s.charAt(p))) {
            p++;
        }
        if (p >= s.length()) {
            return false;
        }
        boolean digit = SrtSyntax.isDigit(s.charAt(p))
                || (s.charAt(p) == '-' && p + 1 < s.length() && SrtSyntax.isDigit(s.charAt(p + 1)));
        if (!digit) {
            return false;
        }
        for (int i = p + 1; i < Math.min(s.length(), p + 64); i++) {
            if (s.charAt(i) == '>' && SrtSyntax.isDash(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> piece = Arbitraries.of("00:00:01,000", "0:1.5", "12", "-", "->", "-->", "—>", " --> ", ">",
                " ", "\t", "\u00A0", "a", "x", ":", ",", "00:00:02,500", "1", "--", "-3");
        Arbitrary<String> canonical = Arbitraries.integers().between(0, 99).map(h ->
                String.format("%02d:00:01,000 --> %02d:00:02,000", h, h));
        return Arbitraries.oneOf(piece.list().ofMaxSize(12).map(l -> String.join("", l)),
                canonical.flatMap(c -> Arbitraries.integers().between(0, c.length()).map(k ->
                        c.substring(0, k) + "x" + c.substring(k))),
                canonical.flatMap(c -> Arbitraries.integers().between(0, c.length() - 1).map(k ->
                        c.substring(0, k) + "x" + c.substring(k + 1))),
                canonical);
    }

    @Property(tries = 2000)
    void timingLikeIsTheRule(@ForAll("lines") String line) {
        assertEquals(timingLike(line), SrtSyntax.isTimingLike(line), line);
        String padded = "  " + line;
        assertEquals(timingLike(padded), SrtSyntax.isTimingLike(padded, 0, padded.length()), padded);
    }
}
