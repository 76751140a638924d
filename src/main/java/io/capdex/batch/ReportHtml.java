package io.capdex.batch;

import io.capdex.export.HtmlText;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link IngestReport} as one self-contained HTML page a person can open from disk: totals, then per
 * interview its status, tracks (cues, QC problem counts, sync result, WER) and messages; then unpaired files,
 * conflicts and CSV problems. Everything from files is HTML-escaped; the page has no scripts and loads nothing
 * (its Content-Security-Policy says so too). Stateless and thread-safe.
 */
public final class ReportHtml {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}h3{font-size:1.05em;margin:1.4em 0 .3em}
            table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}.s{display:inline-block;border-radius:.3em;padding:0 .5em;font-weight:600}
            .ok{background:#d9f2dd}.warning{background:#fff1c2}.failed{background:#f8d0d0}.unchanged{background:#e6e6e6}
            .pruned{background:#dfe6f7}code{font-size:.92em}ul{margin:.3em 0}.n{text-align:right}
            """;

    private ReportHtml() {
    }

    /** The page's file name for a run that started at {@code startedAt}: {@code ingest-20261126-161500.html}. */
    public static String fileName(Instant startedAt, ZoneId zone) {
        return "ingest-" + STAMP.format(startedAt.atZone(zone)) + ".html";
    }

    /** Where the page goes: {@code DATA/reports/ingest-YYYYMMDD-HHMMSS.html} in the system's time zone. */
    public static Path path(Path dataFolder, IngestReport report) {
        return dataFolder.resolve("reports").resolve(fileName(report.startedAt(), ZoneId.systemDefault()));
    }

    /** The whole page. */
    public static String write(IngestReport report) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>capdex ingest ").append(esc(report.startedAt().toString())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>capdex ingest report</h1>\n<p>Started ").append(esc(report.startedAt().toString()))
                .append(", finished ").append(esc(report.finishedAt().toString())).append(".</p>\n");
        h.append("<table><tr>");
        Map<String, Integer> totals = report.totals();
        totals.keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
        h.append("</tr><tr>");
        totals.values().forEach(v -> h.append("<td class=\"n\">").append(v).append("</td>"));
        h.append("</tr></table>\n");

        h.append("<h2>Interviews</h2>\n");
        if (report.interviews().isEmpty()) {
            h.append("<p>No interviews.</p>\n");
        }
        for (ReportInterview i : report.interviews()) {
            interview(h, i);
        }
        if (!report.unpaired().isEmpty()) {
            h.append("<h2>Files not paired (").append(report.unpaired().size()).append(")</h2>\n<table>")
                    .append("<tr><th>file</th><th>reason</th></tr>\n");
            for (IgnoredFile f : report.unpaired()) {
                h.append("<tr><td><code>").append(esc(f.path().toString())).append("</code></td><td>")
                        .append(esc(f.reason())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!report.conflicts().isEmpty()) {
            h.append("<h2>ID conflicts (").append(report.conflicts().size()).append(")</h2>\n");
            for (Conflict c : report.conflicts()) {
                h.append("<p>").append(esc(c.message())).append("</p>\n");
                list(h, c.paths().stream().map(Path::toString).toList());
            }
        }
        if (!report.problems().isEmpty()) {
            h.append("<h2>Problems</h2>\n");
            list(h, report.problems().stream().map(Diagnostic::toString).toList());
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void interview(StringBuilder h, ReportInterview i) {
        h.append("<h3 id=\"i-").append(esc(i.id())).append("\">").append(esc(i.id()))
                .append(" <span class=\"s ").append(i.status().id()).append("\">").append(i.status().id())
                .append("</span></h3>\n<p>");
        if (!i.title().isEmpty()) {
            h.append(esc(i.title())).append(" · ");
        }
        h.append("collection ").append(esc(i.collection())).append(" · ")
                .append(i.video() == null ? "captions only" : "video <code>" + esc(i.video()) + "</code>")
                .append("</p>\n");
        if (!i.tracks().isEmpty()) {
            h.append("<table><tr><th>lang</th><th>source</th><th>file</th><th>cues</th><th>errors</th>")
                    .append("<th>warnings</th><th>problems</th><th>sync</th><th>WER</th></tr>\n");
            for (ReportTrack t : i.tracks()) {
                h.append("<tr><td>").append(esc(t.lang())).append("</td><td>").append(esc(t.source()))
                        .append("</td><td><code>").append(esc(t.path())).append("</code></td><td class=\"n\">")
                        .append(t.cues()).append("</td><td class=\"n\">").append(t.errors())
                        .append("</td><td class=\"n\">").append(t.warnings()).append("</td><td>");
                StringBuilder codes = new StringBuilder();
                t.problemCodes().forEach((code, n) -> codes.append(codes.length() == 0 ? "" : ", ")
                        .append(code).append(" ×").append(n));
                h.append(esc(codes.toString())).append("</td><td>")
                        .append(t.sync() == null ? "not synced" : esc(t.sync().summary())).append("</td><td class=\"n\">")
                        .append(t.wer() == null ? "" : String.format(Locale.ROOT, "%.1f %%", t.wer() * 100))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        list(h, i.messages());
    }

    private static void list(StringBuilder h, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.append("<ul>\n");
        for (String m : items) {
            h.append("<li>").append(esc(m)).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    /** Escapes text for HTML content and quoted attribute values, as export's pages do. */
    static String esc(String text) {
        return HtmlText.escape(text);
    }
}
