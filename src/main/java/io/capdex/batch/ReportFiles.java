package io.capdex.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Saves an ingest's report under {@code DATA/reports/} as the HTML page and the JSON document side by side. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes {@code ingest-YYYYMMDD-HHMMSS.html} and {@code .json} (in the system's time zone); a second run in
     * the same second gets {@code -2}, {@code -3}, … rather than overwriting the first one's report.
     *
     * @return the HTML page and the JSON file
     */
    public static List<Path> save(Path dataFolder, IngestReport report) throws OutputException {
        return save(dataFolder, report, ZoneId.systemDefault());
    }

    static List<Path> save(Path dataFolder, IngestReport report, ZoneId zone) throws OutputException {
        Path folder = dataFolder.resolve("reports");
        String base = ReportHtml.fileName(report.startedAt(), zone);
        base = base.substring(0, base.length() - ".html".length());
        String html = ReportHtml.write(report);
        String json = ReportJson.write(report);
        for (int n = 1; ; n++) {
            String name = n == 1 ? base : base + "-" + n;
            Path page = folder.resolve(name + ".html");
            Path data = folder.resolve(name + ".json");
            if (Files.exists(page) || Files.exists(data)) {
                continue;
            }
            OutputFiles.writeText(page, html, false, Set.of());
            OutputFiles.writeText(data, json, false, Set.of());
            return List.of(page, data);
        }
    }
}
