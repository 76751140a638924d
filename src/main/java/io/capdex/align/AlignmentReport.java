package io.capdex.align;

import java.util.List;
import java.util.Objects;

/**
 * How accurate AI captions are against a reference transcript; serialises (record component names) to the
 * {@code align} JSON of DESIGN.md §3.
 *
 * @param wer word error rate: (substitutions + deletions + insertions) / reference words; may exceed 1 when the
 *     captions add many words; 0 when both are empty and 1 when only the reference is empty
 * @param reference the number of reference (transcript) words after normalisation
 * @param hypothesis the number of hypothesis (caption) words after normalisation
 * @param misheard caption word groups standing for different transcript words, most frequent first
 */
public record AlignmentReport(double wer, int reference, int hypothesis, int substitutions, int deletions,
                              int insertions, List<Misheard> misheard) {

    /** A caption word group ({@code heard}) that stood for a transcript word group ({@code meant}), and how often. */
    public record Misheard(String heard, String meant, int count) {
        public Misheard {
            Objects.requireNonNull(heard, "heard");
            Objects.requireNonNull(meant, "meant");
        }
    }

    public AlignmentReport {
        misheard = List.copyOf(misheard);
    }

    /** The edit distance behind the rate. */
    public int errors() {
        return substitutions + deletions + insertions;
    }
}
