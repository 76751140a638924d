package io.capdex.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Ingest progress as plain lines, one per finished interview: {@code [12/200] talk-12: ok (2 tracks)}; with
 * {@code failuresOnly}, only the failed ones. Each line is flushed at once, so a log or a CI page shows it as it
 * happens.
 */
public final class ProgressLines implements IngestPipeline.Progress {
    private final PrintWriter err;
    private final boolean failuresOnly;
    private final Function<ReportInterview, String> describe;

    /**
     * @param describe the text after {@code [done/total]} for one entry
     */
    public ProgressLines(PrintWriter err, boolean failuresOnly, Function<ReportInterview, String> describe) {
        this.err = err;
        this.failuresOnly = failuresOnly;
        this.describe = describe;
    }

    @Override
    public void finished(int done, int total, ReportInterview entry) {
        if (failuresOnly && entry.status() != IngestStatus.FAILED) {
            return;
        }
        err.println(String.format(Locale.ROOT, "[%d/%d] %s", done, total, describe.apply(entry)));
        err.flush();
    }
}
