package io.capdex.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one-screen plain-text summary an ingest prints at the end: the totals, then the interviews that need a look
 * (failed first, then warnings) with their first message, then how many files paired with nothing and which IDs
 * conflicted. Long lists are cut with an "and N more" line; the reports hold everything.
 */
public final class ReportSummary {
    /** Lines per list, so the whole summary fits a terminal. */
    static final int MAX_LIST = 8;

    private ReportSummary() {
    }

    /** The summary, lines ending in {@code \n}. */
    public static String text(IngestReport report) {
        StringBuilder sb = new StringBuilder();
        Map<String, Integer> totals = report.totals();
        int interviews = report.interviews().size();
        sb.append(interviews).append(interviews == 1 ? " interview: " : " interviews: ");
        List<String> parts = new ArrayList<>();
        for (IngestStatus s : IngestStatus.values()) {
            parts.add(totals.get(s.id()) + " " + s.id());
        }
        sb.append(String.join(", ", parts)).append('\n');
        List<String> attention = new ArrayList<>();
        for (IngestStatus wanted : List.of(IngestStatus.FAILED, IngestStatus.WARNING)) {
            for (ReportInterview i : report.interviews()) {
                if (i.status() == wanted) {
                    attention.add("  " + wanted.id() + "  " + i.id()
                            + (i.messages().isEmpty() ? "" : ": " + firstLine(i.messages().get(0))));
                }
            }
        }
        appendCapped(sb, attention);
        if (!report.unpaired().isEmpty()) {
            sb.append(report.unpaired().size()).append(report.unpaired().size() == 1 ? " file" : " files")
                    .append(" paired with nothing (listed in the report)\n");
        }
        if (!report.conflicts().isEmpty()) {
            sb.append(report.conflicts().size()).append(report.conflicts().size() == 1 ? " ID conflict" : " ID conflicts")
                    .append(", not ingested:\n");
            appendCapped(sb, report.conflicts().stream().map(c -> "  " + c.message()).toList());
        }
        if (!report.problems().isEmpty()) {
            appendCapped(sb, report.problems().stream().map(Diagnostic::toString).toList());
        }
        return sb.toString();
    }

    private static void appendCapped(StringBuilder sb, List<String> lines) {
        for (int i = 0; i < lines.size() && i < MAX_LIST; i++) {
            sb.append(lines.get(i)).append('\n');
        }
        if (lines.size() > MAX_LIST) {
            sb.append("  … and ").append(lines.size() - MAX_LIST).append(" more\n");
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
