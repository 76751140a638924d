package io.capdex.cli;

import io.capdex.batch.IngestPipeline;
import io.capdex.batch.InterviewRecord;
import io.capdex.batch.TrackFacts;
import io.capdex.batch.TrackStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code capdex list}: the interviews in the data folder's store, one line each. */
@Command(name = "list", description = {"List the stored interviews: ID, title, tracks, status.", "  capdex list --json"})
final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Option(names = "--json", description = "Print the interviews as JSON.")
    boolean json;

    /** One interview in {@code list --json}. */
    record Row(String id, String title, String collection, @Nullable Integer year, String status,
               List<Map<String, Object>> tracks) {
    }

    @Override
    public Integer call() {
        CommandContext ctx = new CommandContext(main);
        PrintWriter out = spec.commandLine().getOut();
        Path data = ctx.dataDir();
        List<Row> rows = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        if (IngestPipeline.hasStore(data)) {
            try {
                TrackStore store = TrackStore.open(data);
                for (String id : store.list()) {
                    try {
                        Optional<InterviewRecord> r = store.record(id);
                        r.ifPresent(record -> rows.add(row(record)));
                    } catch (IOException e) {
                        damaged.add(id + ": cannot read its stored facts (" + e.getMessage() + ")");
                    }
                }
            } catch (IOException e) {
                throw new CliException(ExitCode.INPUT, data + ": " + e.getMessage(), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        damaged.forEach(err::println);
        if (json) {
            JsonOutput.print(out, Map.of("interviews", rows));
        } else if (rows.isEmpty()) {
            out.println("no interviews in " + data + " (capdex ingest PATH adds them)");
        } else {
            int width = rows.stream().mapToInt(r -> r.id().length()).max().orElse(2);
            for (Row r : rows) {
                String tracks = r.tracks().stream().map(t -> t.get("lang") + " " + t.get("source"))
                        .collect(Collectors.joining(", "));
                out.printf("%-" + width + "s  %-8s %s  [%s]%n", r.id(), r.status(), r.title(), tracks);
            }
        }
        out.flush();
        err.flush();
        return damaged.isEmpty() ? ExitCode.OK : ExitCode.INPUT;
    }

    private static Row row(InterviewRecord record) {
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (TrackFacts t : record.tracks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lang", t.lang());
            m.put("source", t.source());
            m.put("cues", t.cues());
            tracks.add(m);
        }
        return new Row(record.id(), record.title(), record.collection(), record.year(), record.status(), tracks);
    }
}
