package io.capdex.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProblemsTest {
    /** One list fed lines 1..n, against two lists fed 1..k and k+1..n and then joined. */
    @Test
    void addAllIsTheSameAsAddingEachInTurn() {
        int cap = 5;
        for (int n = 0; n <= 13; n++) {
            for (int k = 0; k <= n; k++) {
                Problems one = new Problems(cap);
                Problems first = new Problems(cap);
                Problems second = new Problems(cap);
                for (int line = 1; line <= n; line++) {
                    one.add(line, ProblemCode.EXTRA_SPACE, "p" + line);
                    (line <= k ? first : second).add(line, ProblemCode.EXTRA_SPACE, "p" + line);
                }
                first.addAll(second);
                assertEquals(one.toList(), first.toList(), n + " split at " + k);
                assertEquals(one.count(), first.count());
            }
        }
    }

    @Test
    void refusesAListWithASmallerCapThatOmittedProblems() {
        Problems small = new Problems(1);
        small.add(1, ProblemCode.EXTRA_SPACE, "a");
        small.add(2, ProblemCode.EXTRA_SPACE, "b");
        assertThrows(IllegalArgumentException.class, () -> new Problems(5).addAll(small));
    }
}
