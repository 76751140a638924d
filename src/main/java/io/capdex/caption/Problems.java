package io.capdex.caption;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A problem list that stops growing at a cap, as jsoup's {@code ParseErrorList} does, then says how many more
 * there were. Not thread-safe: one per read.
 */
public final class Problems {
    /** The default cap: enough for any person to read, small enough for a 100,000-problem file. */
    public static final int DEFAULT_CAP = 1000;

    private final int cap;
    private final List<ParseProblem> list = new ArrayList<>();
    private int omitted;
    private int lastOmittedLine;

    public Problems() {
        this(DEFAULT_CAP);
    }

    public Problems(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap " + cap);
        }
        this.cap = cap;
    }

    public void add(int line, ProblemCode code, String message) {
        if (list.size() < cap) {
            list.add(ParseProblem.of(line, code, message));
        } else {
            omitted++;
            lastOmittedLine = line;
        }
    }

    public void add(ParseProblem problem) {
        if (list.size() < cap) {
            list.add(problem);
        } else {
            omitted++;
            lastOmittedLine = problem.line();
        }
    }

    public void addAll(List<ParseProblem> problems) {
        for (ParseProblem p : problems) {
            add(p);
        }
    }

    /**
     * Appends another list's problems (kept and omitted) as if each had been added here, in order, after this
     * list's: the result is what one list would hold had it seen both runs of problems. The other list must not
     * have a smaller cap, or it may have omitted problems this one would keep.
     */
    public void addAll(Problems more) {
        if (more.cap < cap && more.omitted > 0) {
            throw new IllegalArgumentException("cap " + more.cap + " below " + cap);
        }
        for (ParseProblem p : more.list) {
            add(p);
        }
        if (more.omitted > 0) {
            omitted += more.omitted;
            lastOmittedLine = more.lastOmittedLine;
        }
    }

    /** True once the cap is reached: further problems are only counted, so callers may skip building messages. */
    public boolean isFull() {
        return list.size() >= cap;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int count() {
        return list.size() + omitted;
    }

    /**
     * The problems kept, plus a last {@code more-problems} entry (at the line of the last omitted one) when some
     * were omitted.
     */
    public List<ParseProblem> toList() {
        if (omitted == 0) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        List<ParseProblem> out = new ArrayList<>(list);
        out.add(ParseProblem.of(lastOmittedLine, ProblemCode.MORE_PROBLEMS,
                omitted + " more problems omitted (only the first " + cap + " are listed)"));
        return Collections.unmodifiableList(out);
    }

    /**
     * Like {@link #toList()}, in line order (stable, so problems on one line keep the order they were found in):
     * for readers that look ahead and so find some problems out of order.
     */
    public List<ParseProblem> toListByLine() {
        List<ParseProblem> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingInt(ParseProblem::line));
        if (omitted > 0) {
            sorted.add(ParseProblem.of(lastOmittedLine, ProblemCode.MORE_PROBLEMS,
                    omitted + " more problems omitted (only the first " + cap + " are listed)"));
        }
        return Collections.unmodifiableList(sorted);
    }
}
