package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of legal but messy tracks for property tests: extra white space, styled words, long words, dashes,
 * zero-length and overlapping cues, duplicates and rolling captions.
 */
final class TrackArbitraries {
    private static final List<Style> STYLES = List.of(Style.PLAIN, Style.PLAIN, Style.PLAIN.withItalic(true),
            Style.PLAIN.withBold(true));

    private TrackArbitraries() {
    }

    private record Piece(String word, String separator, int style) {
    }

    private record Spec(List<Line> lines, long startMs, long durationMs, int kind) {
    }

    static Arbitrary<String> words() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, plain),
                net.jqwik.api.Tuple.of(3, plain.map(w -> w + ",")),
                net.jqwik.api.Tuple.of(3, plain.map(w -> w + ".")),
                net.jqwik.api.Tuple.of(1,
                        Arbitraries.of("-", "\u2013", "e\u0301t\u00e9", "20\u00a0kg", "\uD83D\uDC4D")),
                net.jqwik.api.Tuple.of(1,
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(30).ofMaxLength(50)));
    }

    static Arbitrary<Line> lines() {
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", " ", "  ", "\t", " \t ");
        Arbitrary<Piece> piece = Combinators.combine(words(), separator, Arbitraries.integers().between(0, 3))
                .as(Piece::new);
        return Combinators.combine(piece.list().ofMaxSize(12), Arbitraries.of("", "", " ", "  "))
                .as((pieces, lead) -> {
                    List<Run> runs = new ArrayList<>();
                    runs.add(Run.plain(lead));
                    for (Piece p : pieces) {
                        runs.add(new Run(p.word(), STYLES.get(p.style())));
                        runs.add(new Run(p.separator(), STYLES.get(p.style() % 2)));
                    }
                    return new Line(runs);
                });
    }

    /** Tracks of up to 25 cues, some zero-length, overlapping, duplicated or rolling. */
    static Arbitrary<Track> tracks() {
        Arbitrary<Long> duration = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 9000)));
        Arbitrary<Spec> spec = Combinators.combine(lines().list().ofMaxSize(3), Arbitraries.longs().between(0, 60_000),
                duration, Arbitraries.integers().between(0, 6)).as(Spec::new);
        return spec.list().ofMaxSize(25).map(TrackArbitraries::build);
    }

    private static Track build(List<Spec> specs) {
        List<Cue> cues = new ArrayList<>();
        for (Spec s : specs) {
            Cue prev = cues.isEmpty() ? null : cues.get(cues.size() - 1);
            List<Line> lines = s.lines();
            long start = s.startMs();
            if (prev != null && s.kind() == 5 && !prev.lines().isEmpty()) {
                // a duplicate overlapping the one before
                lines = prev.lines();
                start = prev.startMs() + (prev.span().durationMs() / 2);
            } else if (prev != null && s.kind() == 6 && !prev.lines().isEmpty() && !lines.isEmpty()) {
                // rolling: repeat the last line of the one before, start as it ends
                lines = List.of(prev.lines().get(prev.lines().size() - 1), lines.get(0));
                start = prev.endMs();
            }
            cues.add(new Cue(new TimeSpan(start, start + s.durationMs()), null, lines, null, List.of(), Map.of()));
        }
        return Track.of(Format.SRT, cues);
    }
}
