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
    /** Interviews listed (failed, then warnings), so the whole summary fits a 24-line terminal. */
    static final int MAX_LIST = 8;
    /** Conflicts and discovery problems listed, each. */
    static final int MAX_OTHER = 4;
    /** Characters per line: a long path or message is cut rather than wrapped over several screen lines. */
    static final int MAX_LINE = 160;

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
        appendCapped(sb, attention, MAX_LIST);
        if (!report.unpaired().isEmpty()) {
            sb.append(report.unpaired().size()).append(report.unpaired().size() == 1 ? " file" : " files")
                    .append(" paired with nothing (listed in the report)\n");
        }
        if (!report.conflicts().isEmpty()) {
            sb.append(report.conflicts().size()).append(report.conflicts().size() == 1 ? " ID conflict" : " ID conflicts")
                    .append(", not ingested:\n");
            appendCapped(sb, report.conflicts().stream().map(c -> "  " + c.message()).toList(), MAX_OTHER);
        }
        if (!report.problems().isEmpty()) {
            appendCapped(sb, report.problems().stream().map(Diagnostic::toString).toList(), MAX_OTHER);
        }
        return sb.toString();
    }

    private static void appendCapped(StringBuilder sb, List<String> lines, int max) {
        for (int i = 0; i < lines.size() && i < max; i++) {
            sb.append(firstLine(lines.get(i))).append('\n');
        }
        if (lines.size() > max) {
            sb.append("  … and ").append(lines.size() - max).append(" more (in the report)\n");
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 1) + "…" : line;
    }
}
