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

    /** {@link SrtTime#canonical} takes a time exactly when the scan reads it whole with nothing lenient. */
    @Property(tries = 20_000)
    void canonicalTimesAreThoseTheScanReadsPlainly(@ForAll("nearlyCanonicalTimes") String time) {
        SrtTime.Scan scan = new SrtTime.Scan();
        int outcome = scan.scan(time, 0, time.length());
        boolean plain = outcome == SrtTime.OK && scan.lenient == 0 && scan.end == time.length();
        long canonical = SrtTime.canonical(time, 0, time.length());
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
        long startMs = SrtTime.canonical(start, 0, start.length());
        if (startMs >= 0 && SrtTime.canonical(end, 0, end.length()) > startMs) {
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
        // two to four hour digits (100 h and more, as long interviews' generated captions reach)
        Arbitrary<String> canonical = Combinators.combine(Arbitraries.of("%02d", "%03d", "%04d"),
                Arbitraries.integers().between(0, 1_200), Arbitraries.integers().between(0, 61),
                Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 999))
                .as((hours, h, m, s, ms) -> String.format(hours + ":%02d:%02d,%03d", h, m, s, ms));
        // one character of a canonical time replaced, dropped or doubled, as broken and lenient files have them
        Arbitrary<String> broken = Combinators.combine(canonical, Arbitraries.integers().between(0, 11),
                Arbitraries.of('.', ':', ',', '-', ' ', 'x', '0', '7', '9'), Arbitraries.integers().between(0, 2))
                .as((t, at, c, how) -> t.substring(0, at) + (how == 1 ? "" : how == 2 ? c + "" + c : c + "")
                        + t.substring(at + 1));
        return Arbitraries.oneOf(canonical, canonical, broken);
    }
}
