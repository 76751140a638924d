package io.capdex.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word error rate, defined the usual way so that it compares with other tools (jiwer, sclite, the Hugging Face
 * {@code evaluate} metric): the word-level Levenshtein distance between reference and hypothesis divided by the
 * number of reference words, after {@link WordNormalizer} (NFC, lower case, apostrophes removed, every other
 * non-letter, non-digit character a space, accents kept, numbers not rewritten). The distance is exact.
 */
public final class ErrorRate {
    private ErrorRate() {
    }

    /** The report for two texts: the reference (the edited transcript) and the hypothesis (the caption text). */
    public static AlignmentReport measure(String reference, String hypothesis) {
        return measure(WordNormalizer.words(reference), WordNormalizer.words(hypothesis));
    }

    /** The report for two lists of words already normalised with {@link WordNormalizer}. */
    public static AlignmentReport measure(List<String> reference, List<String> hypothesis) {
        WordAlignment al = WordAligner.align(reference, hypothesis);
        return report(al, TermLinks.of(al, reference, hypothesis), reference, hypothesis);
    }

    static AlignmentReport report(WordAlignment al, List<TermLinks.Link> links, List<String> reference,
                                  List<String> hypothesis) {
        double wer = reference.isEmpty() ? (hypothesis.isEmpty() ? 0.0 : 1.0)
                : (double) al.distance() / reference.size();
        return new AlignmentReport(wer, reference.size(), hypothesis.size(), al.substitutions(), al.deletions(),
                al.insertions(), misheard(links, reference, hypothesis));
    }

    /**
     * Misheard groups: adjacent misheard links joined into one run ("stem cell" heard as "stern sell"), counted by
     * (heard, meant), most frequent first, then in order of first appearance.
     */
    static List<AlignmentReport.Misheard> misheard(List<TermLinks.Link> links, List<String> reference,
                                                   List<String> hypothesis) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        int k = 0;
        while (k < links.size()) {
            TermLinks.Link first = links.get(k);
            if (first.kind() != TermLinks.Kind.MISHEARD) {
                k++;
                continue;
            }
            int end = k;
            while (end + 1 < links.size() && links.get(end + 1).kind() == TermLinks.Kind.MISHEARD) {
                end++;
            }
            TermLinks.Link last = links.get(end);
            String heard = String.join(" ", hypothesis.subList(first.hypFrom(), last.hypTo()));
            String meant = String.join(" ", reference.subList(first.refFrom(), last.refTo()));
            counts.merge(List.of(heard, meant), 1, Integer::sum);
            k = end + 1;
        }
        List<AlignmentReport.Misheard> out = new ArrayList<>();
        counts.forEach((key, count) -> out.add(new AlignmentReport.Misheard(key.get(0), key.get(1), count)));
        out.sort(Comparator.comparingInt(AlignmentReport.Misheard::count).reversed()); // stable: first seen first
        return out;
    }
}
