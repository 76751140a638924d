package io.capdex.caption;

import java.util.ArrayList;
import java.util.List;

/** One displayed line of a cue: styled runs, adjacent runs of the same style merged. */
public record Line(List<Run> runs) {
    public Line {
        runs = merge(runs);
    }

    public static Line plain(String text) {
        return new Line(text.isEmpty() ? List.of() : List.of(Run.plain(text)));
    }

    /** The line's text without styling. */
    public String text() {
        if (runs.size() == 1) {
            return runs.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            sb.append(r.text());
        }
        return sb.toString();
    }

    /** Whether the two lines' {@link #text()} are equal, without building either text. */
    public boolean sameText(Line other) {
        if (runs.size() == 1 && other.runs.size() == 1) {
            return runs.get(0).text().equals(other.runs.get(0).text());
        }
        return text().equals(other.text());
    }

    public boolean isStyled() {
        for (Run r : runs) {
            if (!r.style().isPlain()) {
                return true;
            }
        }
        return false;
    }

    private static List<Run> merge(List<Run> in) {
        if (in.size() <= 1) {
            return in.isEmpty() || !in.get(0).text().isEmpty() ? List.copyOf(in) : List.of();
        }
        List<Run> out = new ArrayList<>(in.size());
        for (Run r : in) {
            if (r.text().isEmpty()) {
                continue;
            }
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).style().sameAs(r.style())) {
                out.set(last, new Run(out.get(last).text() + r.text(), r.style()));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
