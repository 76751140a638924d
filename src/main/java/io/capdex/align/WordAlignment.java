package io.capdex.align;

/**
 * A minimum-edit-distance alignment of reference words (the transcript) with hypothesis words (the captions): a
 * sequence of steps, each a match, a substitution, a deletion (a reference word the captions lack) or an
 * insertion (a caption word the reference lacks).
 */
public final class WordAlignment {
    /** What one step of the alignment does. */
    public enum Op { MATCH, SUBSTITUTION, DELETION, INSERTION }

    private static final Op[] OPS = Op.values();
    private final byte[] ops;
    private final int[] refIndex;
    private final int[] hypIndex;
    private final int substitutions;
    private final int deletions;
    private final int insertions;
    private final int anchors;
    private final boolean anchored;

    WordAlignment(byte[] ops, int anchors, boolean anchored) {
        this.ops = ops;
        this.refIndex = new int[ops.length];
        this.hypIndex = new int[ops.length];
        this.anchors = anchors;
        this.anchored = anchored;
        int i = 0;
        int j = 0;
        int s = 0;
        int d = 0;
        int ins = 0;
        for (int k = 0; k < ops.length; k++) {
            Op op = OPS[ops[k]];
            refIndex[k] = op == Op.INSERTION ? -1 : i++;
            hypIndex[k] = op == Op.DELETION ? -1 : j++;
            switch (op) {
                case SUBSTITUTION -> s++;
                case DELETION -> d++;
                case INSERTION -> ins++;
                default -> { }
            }
        }
        this.substitutions = s;
        this.deletions = d;
        this.insertions = ins;
    }

    /** The number of steps. */
    public int size() {
        return ops.length;
    }

    public Op op(int step) {
        return OPS[ops[step]];
    }

    /** The reference word index of a step, or -1 for an insertion. */
    public int ref(int step) {
        return refIndex[step];
    }

    /** The hypothesis word index of a step, or -1 for a deletion. */
    public int hyp(int step) {
        return hypIndex[step];
    }

    public int substitutions() {
        return substitutions;
    }

    public int deletions() {
        return deletions;
    }

    public int insertions() {
        return insertions;
    }

    /** Substitutions + deletions + insertions: the word-level Levenshtein distance. */
    public int distance() {
        return substitutions + deletions + insertions;
    }

    public int matches() {
        return ops.length - substitutions - deletions - insertions;
    }

    /** How many unique-word anchors the alignment was built around (0 when none were found or kept). */
    public int anchors() {
        return anchors;
    }

    /**
     * True when the anchored alignment was already minimal; false when it cost more than the exact distance and
     * the whole alignment was redone without anchors.
     */
    public boolean anchored() {
        return anchored;
    }

    @Override
    public String toString() {
        return "WordAlignment[steps=" + ops.length + ", S=" + substitutions + ", D=" + deletions + ", I="
                + insertions + ", anchors=" + anchors + ", anchored=" + anchored + "]";
    }
}
