package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Cue#sameText} answers exactly what comparing the two {@link Cue#text()} strings answers. */
class CueSameTextTest {
    private static Cue cue(List<Line> lines) {
        return new Cue(new TimeSpan(0, 1000), null, lines, null, List.of(), Map.of());
    }

    private static Line line(String... runs) {
        return new Line(java.util.Arrays.stream(runs)
                .map(t -> t.startsWith("*") ? new Run(t.substring(1), Style.PLAIN.withItalic(true)) : Run.plain(t))
                .toList());
    }

    @Test
    void agreesWithComparingTheTexts() {
        List<Cue> cues = List.of(
                cue(List.of(line("the marrow"))),
                cue(List.of(line("the ", "marrow"))),
                cue(List.of(line("the ", "*marrow"))),
                cue(List.of(line("the marrow"), line("was clear"))),
                cue(List.of(line("the marrow", ""), line("was clear"))),
                cue(List.of(line("the marrow"), line("was clear "))),
                cue(List.of(line("the marrow was clear"))),
                cue(List.of(line("the"), line("marrow"))),
                cue(List.of(line(""))),
                cue(List.of()));
        for (Cue a : cues) {
            for (Cue b : cues) {
                assertEquals(a.text().equals(b.text()), a.sameText(b), a.lines() + " vs " + b.lines());
            }
        }
    }
}
