package io.capdex.cli;

/** The process exit codes, defined once (DESIGN.md §3). */
public final class ExitCode {
    /** Done; warnings allowed (with {@code --strict}, warnings count as errors). */
    public static final int OK = 0;
    /** An internal error: a bug in capdex. */
    public static final int INTERNAL = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Input problems: unreadable or unsupported files, QC errors, missing stamps, failed batch items. */
    public static final int INPUT = 3;

    private ExitCode() {}
}
