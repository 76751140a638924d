package io.capdex.cli;

import io.capdex.caption.formats.CaptionFormats;
import io.capdex.batch.Discovery;
import io.capdex.batch.DiscoveryOptions;
import io.capdex.batch.DiscoveryResult;
import io.capdex.batch.IngestPipeline;
import io.capdex.batch.IngestPlan;
import io.capdex.batch.IngestReport;
import io.capdex.batch.IngestStatus;
import io.capdex.batch.OutputException;
import io.capdex.batch.ReadOptions;
import io.capdex.batch.ReportFiles;
import io.capdex.batch.ReportHtml;
import io.capdex.batch.ReportInterview;
import io.capdex.batch.ReportJson;
import io.capdex.batch.ReportSummary;
import io.capdex.batch.ReportTrack;
import io.capdex.batch.ProgressLines;
import io.capdex.batch.ProgressStyle;
import io.capdex.batch.StopRequest;
import io.capdex.batch.TerminalProgress;
import io.capdex.batch.SyncFacts;
import io.capdex.batch.TrackStore;
import io.capdex.config.Config;
import io.capdex.search.IndexLockedException;
import io.capdex.search.TranscriptIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code capdex ingest PATH…}: the batch job (DESIGN.md §1) — discover and pair, then per new or changed interview
 * probe, read, repair, sync, align, store and index; unchanged interviews are skipped. Exit 3 when any failed.
 */
@Command(name = "ingest", description = {"Process folders of interviews into the store and the search index.",
        "  capdex ingest samples",
        "  capdex ingest /media/interviews --jobs 2 --prune"})
final class IngestCommand implements Callable<Integer> {
    /** Commit after at least this many finished interviews and {@link #COMMIT_INTERVAL_MS} since the last commit. */
    static final int COMMIT_EVERY = 8;
    static final long COMMIT_INTERVAL_MS = 15_000;

    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders (or files) to ingest.")
    List<Path> paths;

    @Option(names = "--jobs", paramLabel = "N", description = "Interviews processed at once (default: the cores).")
    @Nullable Integer jobs;

    @Option(names = "--no-sync", description = "Do not fit the captions to the audio.")
    boolean noSync;

    @Option(names = "--prune", description = "Remove stored interviews whose files are gone.")
    boolean prune;

    @Option(names = "--dry-run", description = "Print what would be done; write nothing.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report here (.html, else JSON).")
    @Nullable Path reportFile;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CliException(ExitCode.USAGE, "capdex ingest: " + p + ": no such file or folder");
            }
        }
        if (jobs != null && jobs < 1) {
            throw new CliException(ExitCode.USAGE, "capdex ingest: --jobs must be at least 1");
        }
        Config config = ctx.config();
        Path data = ctx.dataDir();
        IngestPipeline.Options options = new IngestPipeline.Options(
                jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), !noSync, prune,
                config.repairOptions(), config.qcProfile(), config.qcFps(),
                ReadOptions.defaults(CaptionFormats::reader).withMaxBytes(config.maxCaptionFileBytes()),
                // searches see the ingest's progress within ~15 s; committing every 8 interviews instead flushed
                // small segments and merged them again (200 one-hour files: 29-30 s CPU against 32-42 s)
                COMMIT_EVERY, COMMIT_INTERVAL_MS);
        DiscoveryResult discovery = Discovery.scan(paths, DiscoveryOptions.defaults().withDataFolder(data));
        try {
            if (dryRun) {
                return dryRun(out, data, discovery, options);
            }
            Files.createDirectories(data);
            Path indexDir = IngestPipeline.indexFolder(data);
            boolean rebuild = TranscriptIndex.needsRebuild(indexDir);
            boolean fresh = TranscriptIndex.schemaVersion(indexDir).isEmpty();
            TrackStore store = TrackStore.open(data);
            IngestReport report;
            IngestPlan plan;
            StopRequest stop = new StopRequest();
            CountDownLatch wound = new CountDownLatch(1);
            // Ctrl-C or SIGTERM: stop starting interviews, let the ones under way finish, commit what is stored and
            // release the index, so that a rerun picks up the rest; the JVM then exits with 130/143 as usual
            Thread onSignal = new Thread(() -> {
                stop.request();
                try {
                    wound.await(IngestPipeline.STOP_GRACE_MS + 15_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "capdex-ingest-stop");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                try (TranscriptIndex index = TranscriptIndex.open(indexDir, "capdex ingest (pid "
                        + ProcessHandle.current().pid() + ", since " + Instant.now() + ")")) {
                    if (fresh) {
                        index.commit(); // an empty but valid index, so search works even before anything is stored
                    }
                    if (rebuild) {
                        int n = IngestPipeline.reindex(store, index);
                        err.println("capdex: the index had another schema version; rebuilt it from " + n + " stored tracks");
                    }
                    plan = IngestPipeline.plan(paths, discovery, store, options);
                    ProgressStyle style = ProgressStyle.choose(System.console() != null, ctx.quiet(), json, System.getenv());
                    if (style == ProgressStyle.BAR) {
                        try (TerminalProgress bar = TerminalProgress.onConsole(err)) {
                            report = IngestPipeline.run(discovery, plan, store, index, options, bar, stop);
                        }
                    } else {
                        report = IngestPipeline.run(discovery, plan, store, index, options,
                                new ProgressLines(err, style == ProgressStyle.FAILURES, IngestCommand::progressLine), stop);
                    }
                }
                List<Path> saved = ReportFiles.save(data, report);
                if (reportFile != null) {
                    String name = reportFile.getFileName().toString().toLowerCase(Locale.ROOT);
                    String text = name.endsWith(".html") || name.endsWith(".htm") ? ReportHtml.write(report)
                            : ReportJson.write(report);
                    Files.writeString(reportFile, text, StandardCharsets.UTF_8);
                }
                if (json) {
                    out.print(ReportJson.write(report));
                } else if (!ctx.quiet()) {
                    out.print(ReportSummary.text(report));
                    if (!saved.isEmpty()) {
                        out.println("report: " + saved.get(0));
                    }
                }
                out.flush();
                // after the summary, so it is the last line a person sees
                if (stop.isRequested()) {
                    int left = plan.items().size() - (int) report.interviews().stream()
                            .filter(i -> i.status() != IngestStatus.PRUNED).count();
                    err.println("capdex ingest: stopped; " + left + " of " + plan.items().size()
                            + " interviews not done (what finished is stored and indexed); run the same command again"
                            + " to finish");
                    err.flush();
                }
                return report.anyFailed() ? ExitCode.INPUT : ExitCode.OK;
            } finally {
                wound.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running and has just been released
                }
            }
        } catch (IndexLockedException e) {
            throw new CliException(ExitCode.INPUT, "capdex ingest: " + e.getMessage(), e);
        } catch (OutputException e) {
            throw new CliException(ExitCode.INPUT, "capdex ingest: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "capdex ingest: " + data + ": " + e.getMessage(), e);
        }
    }

    /** Plans against the store without writing anything; a missing store is planned against an empty one. */
    private int dryRun(PrintWriter out, Path data, DiscoveryResult discovery, IngestPipeline.Options options)
            throws IOException {
        Path scratch = null;
        try {
            TrackStore store;
            if (IngestPipeline.hasStore(data)) {
                store = TrackStore.open(data);
            } else {
                scratch = Files.createTempDirectory("capdex-dry-run");
                store = TrackStore.open(scratch);
            }
            IngestPlan plan = IngestPlan.of(paths, discovery, store, options.recipe(), true);
            out.print(plan.describe(prune));
            out.flush();
            return ExitCode.OK;
        } finally {
            if (scratch != null) {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** {@code all-remission: ok (2 tracks, synced +0.000 s)} or {@code x: failed: reason}. */
    static String progressLine(ReportInterview entry) {
        StringBuilder sb = new StringBuilder(entry.id()).append(": ").append(entry.status().id());
        switch (entry.status()) {
            case FAILED -> sb.append(": ").append(entry.messages().isEmpty() ? "" : entry.messages().get(0));
            case PRUNED -> sb.append(entry.messages().isEmpty() ? "" : " (" + entry.messages().get(0) + ")");
            default -> {
                int n = entry.tracks().size();
                sb.append(" (").append(n).append(n == 1 ? " track" : " tracks");
                entry.tracks().stream().map(ReportTrack::sync).filter(s -> s != null).findFirst()
                        .ifPresent(s -> sb.append(", ").append(syncWords(s)));
                sb.append(')');
            }
        }
        return sb.toString();
    }

    static String syncWords(SyncFacts s) {
        long offset = s.segments().isEmpty() ? 0 : s.segments().get(0).offsetMs();
        if (!s.applied()) {
            return IngestPipeline.alreadyInSync(s) ? String.format(Locale.ROOT, "in sync (%+.3f s)", offset / 1000.0) : "not synced: " + s.reason();
        }
        return String.format(Locale.ROOT, "synced %+.3f s%s", offset / 1000.0,
                s.segments().size() > 1 ? " in " + s.segments().size() + " segments" : "");
    }
}
