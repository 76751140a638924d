package io.capdex.batch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one ingest did (DESIGN.md §3): every interview with its status, tracks and messages, the files that paired
 * with nothing, the ID conflicts, and discovery's own problems ({@code capdex.csv} errors). Written as JSON
 * ({@link ReportJson}), as an HTML page ({@link ReportHtml}) and as a terminal summary ({@link ReportSummary}).
 */
public record IngestReport(List<ReportInterview> interviews, List<IgnoredFile> unpaired, List<Conflict> conflicts,
                           List<Diagnostic> problems, Instant startedAt, Instant finishedAt) {
    public IngestReport {
        interviews = List.copyOf(interviews);
        unpaired = List.copyOf(unpaired);
        conflicts = List.copyOf(conflicts);
        problems = List.copyOf(problems);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** The report of a run over what discovery found, with the interviews' outcomes. */
    public static IngestReport of(DiscoveryResult discovery, List<ReportInterview> interviews, Instant startedAt,
                                  Instant finishedAt) {
        return new IngestReport(interviews, discovery.unpaired(), discovery.conflicts(), discovery.problems(),
                startedAt, finishedAt);
    }

    /**
     * Counts per status ({@code ok}, {@code warning}, {@code failed}, {@code unchanged}, {@code pruned}, each
     * present even when 0), then {@code unpaired} and {@code conflicts}.
     */
    public Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (IngestStatus s : IngestStatus.values()) {
            totals.put(s.id(), 0);
        }
        for (ReportInterview i : interviews) {
            totals.merge(i.status().id(), 1, Integer::sum);
        }
        totals.put("unpaired", unpaired.size());
        totals.put("conflicts", conflicts.size());
        return totals;
    }

    /** Whether any interview failed or any ID conflicted: the batch's exit code is then 3 (DESIGN.md §3). */
    public boolean anyFailed() {
        return !conflicts.isEmpty() || interviews.stream().anyMatch(i -> i.status() == IngestStatus.FAILED);
    }
}
