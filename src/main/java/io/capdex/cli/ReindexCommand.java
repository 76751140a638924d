package io.capdex.cli;

import io.capdex.batch.IngestPipeline;
import io.capdex.batch.TrackStore;
import io.capdex.search.IndexLockedException;
import io.capdex.search.TranscriptIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex reindex}: rebuilds the search index from the stored tracks (the store is the source of truth). */
@Command(name = "reindex", description = {"Rebuild the search index from the stored tracks.", "  capdex reindex"})
final class ReindexCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        Path data = ctx.dataDir();
        if (!IngestPipeline.hasStore(data)) {
            throw new CliException(ExitCode.INPUT, "capdex reindex: no stored tracks in " + data
                    + " (capdex ingest PATH adds them)");
        }
        try {
            TrackStore store = TrackStore.open(data);
            int tracks;
            try (TranscriptIndex index = TranscriptIndex.open(IngestPipeline.indexFolder(data), "capdex reindex (pid "
                    + ProcessHandle.current().pid() + ", since " + Instant.now() + ")")) {
                tracks = IngestPipeline.reindex(store, index);
            }
            if (!ctx.quiet()) {
                out.println("indexed " + tracks + " tracks of " + store.list().size() + " interviews");
            }
            out.flush();
            return ExitCode.OK;
        } catch (IndexLockedException e) {
            throw new CliException(ExitCode.INPUT, "capdex reindex: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCode.INPUT, "capdex reindex: " + data + ": " + e.getMessage(), e);
        }
    }
}
