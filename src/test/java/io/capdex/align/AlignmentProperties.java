package io.capdex.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AlignmentProperties {

    @Provide
    Arbitrary<List<String>> fewWords() {
        // a small alphabet forces repeated words, the case where anchors could mislead
        return Arbitraries.of("a", "b", "c", "d", "e").list().ofMinSize(0).ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<String>> richWords() {
        return Arbitraries.integers().between(0, 400).map(i -> "w" + i).list().ofMinSize(0).ofMaxSize(400);
    }

    @Property(tries = 300)
    void bitParallelDistanceEqualsPlainDp(@ForAll("fewWords") List<String> ref, @ForAll("fewWords") List<String> hyp) {
        assertEquals(WordAligner.plainDistance(ref, hyp), WordAligner.distance(ref, hyp));
    }

    @Property(tries = 300)
    void anchoredAlignmentIsMinimalOnSmallAlphabets(@ForAll("fewWords") List<String> ref,
                                                    @ForAll("fewWords") List<String> hyp) {
        checkAlignment(ref, hyp);
    }

    @Property(tries = 200)
    void anchoredAlignmentIsMinimalOnEditedCopies(@ForAll("richWords") List<String> ref,
                                                  @ForAll("richWords") List<String> noise) {
        // a hypothesis that shares most of the reference, so that anchors exist and gaps are aligned between them
        List<String> hyp = new ArrayList<>();
        for (int i = 0; i < ref.size(); i++) {
            String n = noise.isEmpty() ? "x" : noise.get(i % noise.size());
            int roll = n.hashCode() % 10;
            if (roll == 1) {
                hyp.add(n);
            } else if (roll == 2) {
                hyp.add(ref.get(i));
                hyp.add(n);
            } else if (roll != 3) {
                hyp.add(ref.get(i));
            }
        }
        checkAlignment(ref, hyp);
    }

    @Property(tries = 30)
    void largeGapsUseHirschbergAndStayMinimal(@ForAll("fewWords") List<String> seedRef,
                                              @ForAll("fewWords") List<String> seedHyp) {
        // past the plain-DP cell limit: 600 × 600 words of a five-word alphabet
        List<String> ref = new ArrayList<>();
        List<String> hyp = new ArrayList<>();
        while (ref.size() < 600) {
            ref.addAll(seedRef.isEmpty() ? List.of("a", "b") : seedRef);
        }
        while (hyp.size() < 600) {
            hyp.addAll(seedHyp.isEmpty() ? List.of("b", "c") : seedHyp);
        }
        checkAlignment(ref, hyp);
    }

    private static void checkAlignment(List<String> ref, List<String> hyp) {
        WordAlignment al = WordAligner.align(ref, hyp);
        assertEquals(WordAligner.plainDistance(ref, hyp), al.distance(), al.toString());
        int refSeen = 0;
        int hypSeen = 0;
        for (int k = 0; k < al.size(); k++) {
            WordAlignment.Op op = al.op(k);
            if (op != WordAlignment.Op.INSERTION) {
                assertEquals(refSeen++, al.ref(k));
            }
            if (op != WordAlignment.Op.DELETION) {
                assertEquals(hypSeen++, al.hyp(k));
            }
            if (op == WordAlignment.Op.MATCH) {
                assertEquals(ref.get(al.ref(k)), hyp.get(al.hyp(k)));
            }
            if (op == WordAlignment.Op.SUBSTITUTION) {
                assertTrue(!ref.get(al.ref(k)).equals(hyp.get(al.hyp(k))));
            }
        }
        assertEquals(ref.size(), refSeen);
        assertEquals(hyp.size(), hypSeen);
    }
}
