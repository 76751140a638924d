package io.capdex.cli;

import io.capdex.batch.IngestPipeline;
import io.capdex.batch.InterviewRecord;
import io.capdex.batch.PageFacts;
import io.capdex.batch.TrackFacts;
import io.capdex.batch.TrackStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex show ID}: one stored interview — its facts, its tracks and what the last ingest said of it. */
@Command(name = "show", description = {"Show one stored interview's facts, tracks and report entry.",
        "  capdex show all-remission --json"})
final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "ID", description = "The interview ID (capdex list shows them).")
    String id;

    @Option(names = "--json", description = "Print the stored facts as JSON.")
    boolean json;

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        Path data = ctx.dataDir();
        Optional<InterviewRecord> found = Optional.empty();
        if (IngestPipeline.hasStore(data)) {
            try {
                found = TrackStore.open(data).record(id);
            } catch (IOException e) {
                throw new CliException(ExitCode.INPUT, data + ": " + id + ": " + e.getMessage(), e);
            }
        }
        if (found.isEmpty()) {
            throw new CliException(ExitCode.INPUT, "capdex show: no interview '" + id + "' in " + data
                    + " (capdex list shows the stored ones)");
        }
        InterviewRecord r = found.get();
        if (json) {
            JsonOutput.print(out, r);
            return ExitCode.OK;
        }
        out.println(r.id() + "  " + r.title());
        out.println("  status:     " + r.status() + " (ingested " + r.ingestedAt() + ", " + r.recipe() + ")");
        out.println("  collection: " + r.collection() + (r.year() == null ? "" : ", " + r.year()));
        out.println("  video:      " + (r.video() == null ? "none (captions only)" : r.video()));
        out.println("  spoken:     " + (r.spokenLanguage().isEmpty() ? "unknown" : r.spokenLanguage()));
        PageFacts p = r.page();
        if (!p.speaker().isEmpty() || !p.affiliation().isEmpty()) {
            out.println("  speaker:    " + p.speaker() + (p.affiliation().isEmpty() ? "" : ", " + p.affiliation()));
        }
        if (!p.date().isEmpty()) {
            out.println("  date:       " + p.date());
        }
        out.println("  tracks:");
        for (TrackFacts t : r.tracks()) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "    %-6s %-8s %5d cues", t.lang(),
                    t.source(), t.cues()));
            sb.append(String.format(Locale.ROOT, ", %d errors, %d warnings", t.errors(), t.warnings()));
            if (t.repairChanges() > 0) {
                sb.append(", ").append(t.repairChanges()).append(" repairs");
            }
            if (t.sync() != null) {
                sb.append(", ").append(IngestCommand.syncWords(t.sync()))
                        .append(String.format(Locale.ROOT, " (confidence %.2f)", t.sync().confidence()));
            }
            if (t.wer() != null) {
                sb.append(String.format(Locale.ROOT, ", WER %.3f", t.wer()));
            }
            if (!t.path().isEmpty()) {
                sb.append("  ").append(t.path());
            }
            out.println(sb);
        }
        if (!r.messages().isEmpty()) {
            out.println("  messages:");
            r.messages().forEach(m -> out.println("    " + m));
        }
        out.flush();
        return ExitCode.OK;
    }
}
