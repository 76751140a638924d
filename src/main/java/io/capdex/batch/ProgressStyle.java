package io.capdex.batch;

import java.util.Map;

/** How an ingest shows its progress on stderr, chosen from what stderr is and what the user asked for. */
public enum ProgressStyle {
    /** A bar redrawn in place: done/total, rate, elapsed and ETA, the interview under way. */
    BAR,
    /** One line per finished interview ({@code [12/200] id: ok (2 tracks)}), for logs, pipes and CI. */
    LINES,
    /** Only the interviews that failed, one line each ({@code --quiet}). */
    FAILURES;

    /**
     * The style for this run: {@link #FAILURES} with {@code --quiet}; {@link #LINES} when stderr is not a terminal,
     * with {@code --json} (the output is for a program), under CI ({@code CI} set) or on a terminal that cannot
     * redraw a line ({@code TERM=dumb}); otherwise {@link #BAR}.
     *
     * @param terminal whether the output is a terminal a person watches
     * @param env the environment ({@code System.getenv()})
     */
    public static ProgressStyle choose(boolean terminal, boolean quiet, boolean json, Map<String, String> env) {
        if (quiet) {
            return FAILURES;
        }
        String ci = env.get("CI");
        boolean underCi = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        if (!terminal || json || underCi || "dumb".equals(env.get("TERM"))) {
            return LINES;
        }
        return BAR;
    }
}
