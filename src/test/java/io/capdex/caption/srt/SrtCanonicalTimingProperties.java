package io.capdex.caption.srt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capdex.caption.ParseProblem;
import io.capdex.caption.ParseResult;
import io.capdex.caption.ProblemCode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader takes canonical timing lines ({@code HH:MM:SS,mmm --> HH:MM:SS,mmm}) by position, without the lenient
 * scan: it must read them exactly as the scan does, and leave every other line to it.
 */
class SrtCanonicalTimingProperties {
    private final SrtReader reader = new SrtReader();

    /** {@link SrtTime#canonical} takes a time exactly when the scan reads it with nothing lenient, all 12 chars. */
    @Property(tries = 20_000)
    void canonicalTimesAreThoseTheScanReadsPlainly(@ForAll("nearlyCanonicalTimes") String time) {
        SrtTime.Scan scan = new SrtTime.Scan();
        int outcome = scan.scan(time, 0, time.length());
        boolean plain = outcome == SrtTime.OK && scan.lenient == 0 && scan.end == 12;
        long canonical = SrtTime.canonical(time, 0);
        assertEquals(plain, canonical >= 0, time);
        if (plain) {
            assertEquals(scan.valueMs, canonical, time);
        }
    }

    /**
     * A cue read through the canonical timing line has the cues and problems of the same cue whose line the scan
     * reads (one more space before the arrow), but for that space's warning and the quoted line; a canonical line of a cue that lasts
     * has no problem at all.
     */
    @Property(tries = 3_000)
    void canonicalLinesReadAsTheScanReadsThem(@ForAll("nearlyCanonicalTimes") String start,
                                              @ForAll("nearlyCanonicalTimes") String end) {
        String canonical = "1\n" + start + " --> " + end + "\nsome text\n";
        String spaced = "1\n" + start + "  --> " + end + "\nsome text\n";
        ParseResult fast = reader.read(canonical);
        ParseResult scanned = reader.read(spaced);
        assertEquals(scanned.track().cues(), fast.track().cues(), canonical);
        assertEquals(withoutExtraSpace(scanned.problems()), withoutExtraSpace(fast.problems()), canonical);
        long startMs = SrtTime.canonical(start, 0);
        if (startMs >= 0 && SrtTime.canonical(end, 0) > startMs) {
            assertEquals(List.of(), fast.problems(), canonical);
        }
    }

    /** Line, severity and code of each problem but the extra-space one (messages quote the line, spaces and all). */
    private static List<String> withoutExtraSpace(List<ParseProblem> problems) {
        return problems.stream().filter(p -> !p.code().equals(ProblemCode.EXTRA_SPACE.id()))
                .map(p -> p.line() + " " + p.severity() + " " + p.code()).toList();
    }

    @Provide
    Arbitrary<String> nearlyCanonicalTimes() {
        Arbitrary<String> canonical = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61),
                Arbitraries.integers().between(0, 999))
                .as((h, m, s, ms) -> String.format("%02d:%02d:%02d,%03d", h, m, s, ms));
        // one character of a canonical time replaced, as broken and lenient files have them
        Arbitrary<String> broken = Combinators.combine(canonical, Arbitraries.integers().between(0, 11),
                Arbitraries.of('.', ':', ',', '-', ' ', 'x', '0', '7', '9'))
                .as((t, at, c) -> t.substring(0, at) + c + t.substring(at + 1));
        return Arbitraries.oneOf(canonical, canonical, broken);
    }
}
